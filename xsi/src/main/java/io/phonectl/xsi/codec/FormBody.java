package io.phonectl.xsi.codec;

import io.phonectl.xsi.XsiParseException;
import io.phonectl.xsi.object.XsiDocument;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The {@code XML=} form body of a push (and the {@code DATA=} body of a Notify). Encoding is always proper
 * {@code application/x-www-form-urlencoded} UTF-8. Decoding accepts the three body styles clients send
 * (reference notes §2.1): (a) proper form encoding; (b) the same labelled {@code text/xml}; (c) a raw
 * {@code XML=<…>} that is not URL-encoded. The style is told from the body, never from the content type,
 * because (b) and (c) both arrive as text/xml.
 */
public final class FormBody {

    /** The form field of a push; case-sensitive. */
    public static final String XML_FIELD = "XML";
    /** The form field of a Notify callback. */
    public static final String DATA_FIELD = "DATA";

    private FormBody() {
    }

    public static final String CONTENT_TYPE = "application/x-www-form-urlencoded";

    /** {@code XML=<percent-encoded UTF-8 document>}. */
    public static byte[] encode(XsiDocument doc) {
        return encodeField(XML_FIELD, XsiCodec.encode(doc, StandardCharsets.UTF_8));
    }

    /** {@code field=<percent-encoded bytes>}; bytes are taken as they are so a declared charset survives. */
    public static byte[] encodeField(String field, byte[] value) {
        StringBuilder sb = new StringBuilder(value.length * 2 + field.length() + 1).append(field).append('=');
        for (byte b : value) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '*') {
                sb.append((char) c);
            } else if (c == ' ') {
                sb.append('+');
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The XML document carried in the {@code XML} field of a push body. */
    public static byte[] xml(byte[] body) {
        return field(body, XML_FIELD);
    }

    /**
     * The bytes of one form field. A body that starts with {@code field=<} is raw (style c): everything after
     * {@code =} is the document, since a {@code &} or {@code +} inside it would break form decoding. A body that
     * starts with {@code <} is taken as a bare document (component APIs post XML directly).
     */
    public static byte[] field(byte[] body, String field) {
        byte[] prefix = (field + "=").getBytes(StandardCharsets.US_ASCII);
        int start = skipWhitespace(body);
        if (start < body.length && body[start] == '<') {
            return Arrays.copyOfRange(body, start, body.length);
        }
        if (startsWith(body, start, prefix) && start + prefix.length < body.length
                && body[start + prefix.length] == '<') {
            return Arrays.copyOfRange(body, start + prefix.length, body.length);
        }
        int pos = 0;
        while (pos <= body.length) {
            int amp = indexOf(body, (byte) '&', pos);
            int end = amp < 0 ? body.length : amp;
            if (startsWith(body, pos, prefix) && pos + prefix.length <= end) {
                return percentDecode(body, pos + prefix.length, end);
            }
            if (amp < 0) {
                break;
            }
            pos = amp + 1;
        }
        throw new XsiParseException("form body has no field " + field + " (the name is case-sensitive)");
    }

    private static byte[] percentDecode(byte[] b, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == '+') {
                out.write(' ');
            } else if (c == '%') {
                int hi = i + 1 < to ? Character.digit(b[i + 1], 16) : -1;
                int lo = i + 2 < to ? Character.digit(b[i + 2], 16) : -1;
                if (hi < 0 || lo < 0) {
                    throw new XsiParseException("bad percent escape in form body at byte " + i);
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    private static int skipWhitespace(byte[] b) {
        int i = 0;
        while (i < b.length && (b[i] == ' ' || b[i] == '\r' || b[i] == '\n' || b[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean startsWith(byte[] b, int at, byte[] prefix) {
        if (at + prefix.length > b.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, byte x, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }
}
