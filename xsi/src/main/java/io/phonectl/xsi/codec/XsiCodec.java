package io.phonectl.xsi.codec;

import io.phonectl.xsi.XsiParseException;
import io.phonectl.xsi.component.ComponentMessage;
import io.phonectl.xsi.object.PhoneError;
import io.phonectl.xsi.object.XsiDocument;
import io.phonectl.xsi.object.XsiObject;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The XSI XML codec: one writer and one reader for every display object and component-API message.
 * Pure and thread-safe. Reading fails only with {@code XsiParseException} (malformed, hostile, unknown or
 * misordered input, with line/column) or {@code XsiValidationException} (well-formed but breaks a rule).
 */
public final class XsiCodec {

    /** How forgiving the reader is. */
    public enum Mode {
        /** XSD element order, known elements only, a well-formed declaration of UTF-8 or ISO-8859-1. */
        STRICT,
        /** Any child order, unknown elements ignored, malformed declarations repaired, handler child elements accepted. */
        LENIENT
    }

    private XsiCodec() {
    }

    /** The document as text without an XML declaration (what the phone shows in a log, or a form field). */
    public static String toXml(XsiDocument doc) {
        return body(new XmlOut(StandardCharsets.UTF_8), doc).result();
    }

    /** Encodes as UTF-8; see {@link #encode(XsiDocument, Charset)}. */
    public static byte[] encode(XsiDocument doc) {
        return encode(doc, StandardCharsets.UTF_8);
    }

    /**
     * Encodes in the given charset. Display objects get a declaration naming the charset, because phones fall back
     * to their locale default without one; CiscoIPPhoneError and component messages are written bare, as the
     * seeds show them and as scripts compare them. Characters the charset cannot carry become {@code &#N;}.
     */
    public static byte[] encode(XsiDocument doc, Charset charset) {
        XmlOut o = new XmlOut(charset);
        if (doc instanceof XsiObject && !(doc instanceof PhoneError)) {
            o.declaration();
        }
        return body(o, doc).result().getBytes(charset);
    }

    /** Reads strictly. */
    public static XsiDocument decode(byte[] xml) {
        return decode(xml, Mode.STRICT);
    }

    /** Reads any known document; the declared encoding (or UTF-8) is honoured. */
    public static XsiDocument decode(byte[] xml, Mode mode) {
        Node root = TreeReader.read(xml, mode);
        if (mode == Mode.STRICT) {
            Schema.checkStrict(root, true);
        }
        XsiDocument doc = ObjectReader.read(root, mode);
        if (doc == null) {
            doc = ComponentReader.read(root);
        }
        if (doc == null) {
            throw root.error("unknown root element");
        }
        return doc;
    }

    /** Reads the document in a push body ({@code XML=} field, any of the three body styles of {@link FormBody}). */
    public static XsiDocument decodeForm(byte[] body, Mode mode) {
        return decode(FormBody.xml(body), mode);
    }

    /** Reads and requires a given type, e.g. {@code decode(bytes, Mode.LENIENT, Response.class)}. */
    public static <T extends XsiDocument> T decode(byte[] xml, Mode mode, Class<T> type) {
        XsiDocument doc = decode(xml, mode);
        if (!type.isInstance(doc)) {
            throw new XsiParseException("expected " + type.getSimpleName() + " but the root is <" + doc.rootElement()
                    + ">", 1, 1);
        }
        return type.cast(doc);
    }

    private static XmlOut body(XmlOut o, XsiDocument doc) {
        switch (doc) {
            case XsiObject obj -> ObjectWriter.write(o, obj);
            case ComponentMessage msg -> ComponentWriter.write(o, msg);
            default -> throw new IllegalArgumentException("not an XSI document: " + doc.getClass().getName());
        }
        return o;
    }
}
