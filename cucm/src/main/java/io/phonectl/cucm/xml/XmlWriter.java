package io.phonectl.cucm.xml;

/**
 * Appends elements to a document being written by hand: exact names, prefixes and order, escaping of text and
 * attribute values, nothing else. The SOAP documents here are small and fixed in shape, so no StAX writer.
 */
public final class XmlWriter {

    private final StringBuilder out;

    public XmlWriter(int capacity) {
        this.out = new StringBuilder(capacity);
    }

    public XmlWriter raw(String s) {
        out.append(s);
        return this;
    }

    public XmlWriter open(String name) {
        out.append('<').append(name).append('>');
        return this;
    }

    /** {@code <name a="v" …>} from name/value pairs. */
    public XmlWriter open(String name, String... attributePairs) {
        out.append('<').append(name);
        for (int i = 0; i + 1 < attributePairs.length; i += 2) {
            out.append(' ').append(attributePairs[i]).append("=\"").append(escape(attributePairs[i + 1])).append('"');
        }
        out.append('>');
        return this;
    }

    public XmlWriter close(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    /** {@code <name>text</name>}; null text writes an empty element {@code <name/>}. */
    public XmlWriter element(String name, Object text) {
        if (text == null) {
            out.append('<').append(name).append("/>");
        } else {
            out.append('<').append(name).append('>').append(escape(text.toString())).append("</").append(name).append('>');
        }
        return this;
    }

    /** {@code <name xsi:nil="true"/>}, the SOAP encoding of an absent value. */
    public XmlWriter nil(String name) {
        out.append('<').append(name).append(" xsi:nil=\"true\"/>");
        return this;
    }

    public XmlWriter text(String text) {
        out.append(escape(text));
        return this;
    }

    public int length() {
        return out.length();
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** Escapes the five XML specials and drops characters XML 1.0 cannot carry. */
    public static String escape(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&apos;";
                default -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? "" : null;
            };
            if (rep != null) {
                if (b == null) {
                    b = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                b.append(rep);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }
}
