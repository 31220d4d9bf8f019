package io.phonectl.xsi.uri;

import io.phonectl.xsi.Sources;

/** {@code SettingsMenu:<label>}: opens a submenu of the 8875 settings UI by its label (e.g. "Bluetooth"). */
public record SettingsMenuUri(String menu) implements InternalUri {

    public SettingsMenuUri {
        UriRules.text("SettingsMenu label", menu, ":;", Sources.CONTROL_SPEC);
    }

    @Override
    public String family() {
        return "SettingsMenu";
    }

    @Override
    public String format() {
        return "SettingsMenu:" + menu;
    }
}
