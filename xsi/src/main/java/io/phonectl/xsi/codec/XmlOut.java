package io.phonectl.xsi.codec;

import io.phonectl.xsi.Sources;
import io.phonectl.xsi.Violation;
import io.phonectl.xsi.XsiValidationException;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;

/**
 * The one XML emitter. Hand-written rather than {@code XMLStreamWriter} because phones and scripts depend on
 * details StAX does not let us choose: all five entities escaped everywhere, the spaced {@code " />"} of
 * CiscoIPPhoneError, and characters the target charset cannot carry written as numeric references.
 */
final class XmlOut {

    private final StringBuilder sb = new StringBuilder(256);
    private final CharsetEncoder encoder;
    private String currentField = "";

    /** Code points up to this are known encodable without asking the (slow, allocating) encoder. */
    private final int directLimit;

    XmlOut(Charset charset) {
        this.encoder = charset.newEncoder();
        String n = charset.name();
        this.directLimit = n.startsWith("UTF-") ? Character.MAX_CODE_POINT
                : n.equals("ISO-8859-1") ? 0xFF : n.equals("US-ASCII") ? 0x7F : 0x7F;
    }

    XmlOut declaration() {
        sb.append("<?xml version=\"1.0\" encoding=\"").append(encoder.charset().name()).append("\"?>");
        return this;
    }

    XmlOut start(String name) {
        sb.append('<').append(name);
        return this;
    }

    XmlOut attr(String name, Object value) {
        if (value != null) {
            currentField = name;
            sb.append(' ').append(name).append("=\"");
            escape(String.valueOf(value), true);
            sb.append('"');
        }
        return this;
    }

    XmlOut open() {
        sb.append('>');
        return this;
    }

    XmlOut selfClose() {
        sb.append("/>");
        return this;
    }

    /** The spaced form {@code " />"} that deployed scripts compare byte for byte. */
    XmlOut selfCloseSpaced() {
        sb.append(" />");
        return this;
    }

    XmlOut end(String name) {
        sb.append("</").append(name).append('>');
        return this;
    }

    /** Writes {@code <name>text</name>}; nothing when the value is null. */
    XmlOut leaf(String name, Object value) {
        if (value != null) {
            currentField = name;
            sb.append('<').append(name).append('>');
            escape(String.valueOf(value), false);
            sb.append("</").append(name).append('>');
        }
        return this;
    }

    XmlOut text(String value) {
        escape(value, false);
        return this;
    }

    String result() {
        return sb.toString();
    }

    private void escape(String s, boolean attribute) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                // CR is kept through XML line-end normalisation only as a reference; TAB/LF only in attributes.
                case '\r' -> sb.append("&#13;");
                case '\n' -> sb.append(attribute ? "&#10;" : "\n");
                case '\t' -> sb.append(attribute ? "&#9;" : "\t");
                default -> other(cp);
            }
        }
    }

    private void other(int cp) {
        boolean xmlChar = cp >= 0x20 && cp <= 0xD7FF || cp >= 0xE000 && cp <= 0xFFFD || cp >= 0x10000 && cp <= 0x10FFFF;
        if (!xmlChar) {
            throw new XsiValidationException(Violation.of(currentField, "U+" + Integer.toHexString(cp).toUpperCase(),
                    "character not allowed in XML 1.0", Sources.XSD));
        }
        if (cp <= directLimit || encoder.canEncode(Character.toString(cp))) {
            sb.appendCodePoint(cp);
        } else {
            sb.append("&#").append(cp).append(';');
        }
    }
}
