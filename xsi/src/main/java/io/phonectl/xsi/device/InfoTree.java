package io.phonectl.xsi.device;

import io.phonectl.xsi.XsiParseException;
import io.phonectl.xsi.xml.SafeXml;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The nested information pages (CallInfo, LineInfo, ModeInfo) as a small element tree: read with the hardened
 * {@link SafeXml} reader (no DTD, capped) and tolerant of order, whitespace, unknown and missing elements; written with
 * the names and order of the public samples. Failures are {@link XsiParseException} only.
 */
record InfoTree(String name, Map<String, String> attributes, String text, List<InfoTree> children) {

    /** The first child named {@code child}'s text, stripped; "" when absent. */
    String text(String child) {
        for (InfoTree c : children) {
            if (c.name.equals(child)) {
                return c.text.strip();
            }
        }
        return "";
    }

    /** The first child's text as a number; {@code fallback} when absent or not a number. */
    long number(String child, long fallback) {
        try {
            return Long.parseLong(text(child));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    List<InfoTree> all(String child) {
        return children.stream().filter(c -> c.name.equals(child)).toList();
    }

    InfoTree first(String child) {
        return children.stream().filter(c -> c.name.equals(child)).findFirst().orElse(null);
    }

    static InfoTree parse(byte[] xml, String expectedRoot) {
        if (xml.length > SafeXml.MAX_BYTES) {
            throw new XsiParseException("document of " + xml.length + " bytes exceeds the " + SafeXml.MAX_BYTES + "-byte reading cap");
        }
        XMLStreamReader r = SafeXml.open(new String(xml, StandardCharsets.UTF_8).replaceFirst("^\\s*(<\\?xml[^>]*\\?>)", ""));
        try {
            while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
                // prolog
            }
            if (!r.isStartElement() || !r.getLocalName().equals(expectedRoot)) {
                throw new XsiParseException("expected root element " + expectedRoot
                        + (r.isStartElement() ? ", got " + r.getLocalName() : ", got none"), -1, -1);
            }
            return element(r, 1);
        } catch (XMLStreamException e) {
            throw SafeXml.parseError(e);
        } catch (XsiParseException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new XsiParseException("malformed " + expectedRoot + ": " + e.getClass().getSimpleName(), -1, -1, e);
        }
    }

    private static InfoTree element(XMLStreamReader r, int depth) throws XMLStreamException {
        if (depth > SafeXml.MAX_DEPTH) {
            throw new XsiParseException("elements nested deeper than " + SafeXml.MAX_DEPTH, -1, -1);
        }
        String name = r.getLocalName();
        Map<String, String> attrs = new LinkedHashMap<>();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            attrs.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
        }
        StringBuilder text = new StringBuilder();
        List<InfoTree> children = new ArrayList<>();
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                children.add(element(r, depth + 1));
            } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                text.append(r.getText());
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        return new InfoTree(name, attrs, text.toString(), children);
    }

    /** Appends {@code <name>value</name>} (or {@code <name/>} when empty, as the samples write empty fields). */
    static void field(StringBuilder b, String indent, String name, String value) {
        b.append(indent).append('<').append(name);
        if (value == null || value.isEmpty()) {
            b.append("/>\n");
        } else {
            b.append('>').append(DevicePageCodec.escape(value)).append("</").append(name).append(">\n");
        }
    }
}
