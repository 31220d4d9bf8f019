package io.phonectl.xsi.component;

/** The {@code type} of notifyApplicationEvent; one per event-handler attribute. */
public enum AppEventType {
    CLOSED("closed", "onAppClosed"),
    MINIMIZED("minimized", "onAppMinimized"),
    FOCUS_LOST("focusLost", "onAppFocusLost"),
    FOCUS_GAINED("focusGained", "onAppFocusGained");

    private final String xml;
    private final String handler;

    AppEventType(String xml, String handler) {
        this.xml = xml;
        this.handler = handler;
    }

    public String xml() {
        return xml;
    }

    /** The event-handler attribute that fires this event. */
    public String handler() {
        return handler;
    }

    public static AppEventType fromXml(String s) {
        for (AppEventType t : values()) {
            if (t.xml.equals(s)) {
                return t;
            }
        }
        return null;
    }
}
