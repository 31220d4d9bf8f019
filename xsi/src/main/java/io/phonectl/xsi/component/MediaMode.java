package io.phonectl.xsi.component;

/** The {@code <mode>} of a media stream. */
public enum MediaMode {
    SEND("send"), RECEIVE("receive"), SEND_RECEIVE("sendReceive");

    private final String xml;

    MediaMode(String xml) {
        this.xml = xml;
    }

    public String xml() {
        return xml;
    }

    public static MediaMode fromXml(String s) {
        for (MediaMode m : values()) {
            if (m.xml.equals(s)) {
                return m;
            }
        }
        return null;
    }
}
