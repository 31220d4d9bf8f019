package io.phonectl.xsi.uri;

import io.phonectl.xsi.Sources;

import java.util.List;

/** {@code Resource:<icon>}: a built-in icon, usable as the URL of an IconFileMenu icon. */
public record ResourceUri(String icon) implements InternalUri {

    public static final List<String> ICONS = List.of("Icon.Connected", "Icon.AuthenticatedCall", "Icon.SecureCall",
            "Icon.OnHook", "Icon.OffHook", "Icon.Messages", "Icon.InUse", "Icon.Headset", "Icon.Handset",
            "Icon.Speaker", "Icon.Locked", "Icon.UnLocked", "Icon.Checked", "Icon.UnChecked", "Icon.RadioButtonOn",
            "Icon.RadioButtonOff", "AnimatedIcon.Ringin", "AnimatedIcon.Hold", "AnimatedIcon.MessageWaiting",
            "AnimatedIcon.StreamingRx", "AnimatedIcon.StreamingTx", "AnimatedIcon.StreamRxTx", "AnimatedIcon.Throbber");

    public ResourceUri {
        if (!ICONS.contains(icon)) {
            throw UriRules.fail("Resource icon", icon, "must be one of the built-in icon names of the control spec",
                    Sources.CONTROL_SPEC);
        }
    }

    @Override
    public String family() {
        return "Resource";
    }

    @Override
    public String format() {
        return "Resource:" + icon;
    }
}
