package io.phonectl.xsi.xml;

import io.phonectl.xsi.XsiParseException;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.StringReader;

/**
 * The only way the project opens XML for reading: no DTDs, no external entities, no entity expansion
 * beyond the five predefined ones, with a cap on input size. Element depth is capped by the readers
 * through {@link #MAX_DEPTH}.
 */
public final class SafeXml {

    /** Largest document read anywhere (the 40 KB POST limit with room for device pages). */
    public static final int MAX_BYTES = 1 << 20;
    /** Deepest element nesting any CiscoIPPhone document needs is 4; anything far beyond is hostile. */
    public static final int MAX_DEPTH = 32;

    private static final XMLInputFactory FACTORY = newFactory();

    private SafeXml() {
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setXMLResolver((publicId, systemId, baseUri, ns) -> {
            throw new XMLStreamException("external resources are refused: " + systemId);
        });
        return f;
    }

    /** Opens bytes, honouring the encoding the document declares (UTF-8 when none). */
    public static XMLStreamReader open(byte[] bytes) {
        return open(bytes, MAX_BYTES);
    }

    /**
     * Opens bytes with a cap of its own, for protocols whose documents are legitimately larger than a phone's (CUCM's
     * AXL answers up to 8 MB).
     */
    public static XMLStreamReader open(byte[] bytes, int maxBytes) {
        checkSize(bytes.length, maxBytes);
        try {
            return FACTORY.createXMLStreamReader(new ByteArrayInputStream(bytes));
        } catch (XMLStreamException e) {
            throw parseError(e);
        }
    }

    /** Opens already-decoded text. */
    public static XMLStreamReader open(String text) {
        return open(text, MAX_BYTES);
    }

    /** Opens already-decoded text with a cap of its own (in characters). */
    public static XMLStreamReader open(String text, int maxChars) {
        checkSize(text.length(), maxChars);
        try {
            return FACTORY.createXMLStreamReader(new StringReader(text));
        } catch (XMLStreamException e) {
            throw parseError(e);
        }
    }

    /**
     * Opens already-decoded text for a reader outside XSI that reports failures as its own exception: every failure,
     * the size cap included, is a checked {@link XMLStreamException}; {@link #describe} words it.
     */
    public static XMLStreamReader reader(String text) throws XMLStreamException {
        if (text.length() > MAX_BYTES) {
            throw new XMLStreamException(tooLarge(text.length(), MAX_BYTES));
        }
        return FACTORY.createXMLStreamReader(new StringReader(text));
    }

    private static void checkSize(int size, int max) {
        if (size > max) {
            throw new XsiParseException(tooLarge(size, max));
        }
    }

    private static String tooLarge(int size, int max) {
        return "document of " + size + " bytes exceeds the " + max + "-byte reading cap";
    }

    /** Converts a StAX failure into the project's typed error, keeping the position. */
    public static XsiParseException parseError(XMLStreamException e) {
        var loc = e.getLocation();
        return loc == null
                ? new XsiParseException(reason(e), -1, -1, e)
                : new XsiParseException(reason(e), loc.getLineNumber(), loc.getColumnNumber(), e);
    }

    /** {@code line 3, column 7: <reason>}, the wording of {@link #parseError}, for readers with their own exception. */
    public static String describe(XMLStreamException e) {
        return parseError(e).getMessage();
    }

    private static String reason(XMLStreamException e) {
        String msg = e.getMessage() == null ? "malformed XML" : e.getMessage();
        // StAX prefixes messages with "ParseError at [row,col]:..." — the position is reported separately.
        int cut = msg.indexOf("Message: ");
        return cut >= 0 ? msg.substring(cut + "Message: ".length()) : msg;
    }
}
