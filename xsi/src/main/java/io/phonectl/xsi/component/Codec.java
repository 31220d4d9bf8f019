package io.phonectl.xsi.component;

/** The codecs the RTP Streaming API accepts in {@code <codec>}. */
public enum Codec {
    G711("G.711"), G722("G.722"), G729("G.729");

    private final String xml;

    Codec(String xml) {
        this.xml = xml;
    }

    public String xml() {
        return xml;
    }

    public static Codec fromXml(String s) {
        for (Codec c : values()) {
            if (c.xml.equals(s)) {
                return c;
            }
        }
        return null;
    }
}
