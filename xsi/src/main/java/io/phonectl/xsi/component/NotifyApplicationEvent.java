package io.phonectl.xsi.component;

import io.phonectl.xsi.Sources;
import io.phonectl.xsi.object.Checks;

/** The default Notify payload of an application event: {@code <notifyApplicationEvent appId="…" type="…"/>}. */
public record NotifyApplicationEvent(String appId, AppEventType type) implements ComponentMessage {

    public NotifyApplicationEvent {
        Checks c = new Checks();
        c.required("notifyApplicationEvent.appId", appId, Sources.APP_MANAGEMENT_API);
        if (type == null) {
            c.add("notifyApplicationEvent.type", null, "must be closed, minimized, focusLost or focusGained",
                    Sources.CONTROL_SPEC);
        }
        c.throwIfAny();
    }

    @Override
    public String rootElement() {
        return "notifyApplicationEvent";
    }
}
