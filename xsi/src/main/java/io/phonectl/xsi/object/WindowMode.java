package io.phonectl.xsi.object;

/** The {@code WindowMode} attribute of graphic menus: normal services area or the wide (full-width) one. */
public enum WindowMode {
    NORMAL("Normal"), WIDE("Wide");

    private final String xml;

    WindowMode(String xml) {
        this.xml = xml;
    }

    public String xml() {
        return xml;
    }

    /** Null when the text is not a window mode. */
    public static WindowMode fromXml(String s) {
        for (WindowMode m : values()) {
            if (m.xml.equals(s)) {
                return m;
            }
        }
        return null;
    }
}
