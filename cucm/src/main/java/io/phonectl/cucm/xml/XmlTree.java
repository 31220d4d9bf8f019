package io.phonectl.cucm.xml;

import io.phonectl.cucm.CucmParseException;
import io.phonectl.xsi.XsiParseException;
import io.phonectl.xsi.xml.SafeXml;

import javax.xml.stream.XMLStreamConstants;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a whole document into {@link XmlNode}s through {@link SafeXml} (no DTD, no external entities), with a size
 * cap chosen by the caller and the project's depth cap. A tree rather than a stream because both APIs say clients
 * must not depend on element order (AXL developer guide, "Development Guidelines").
 */
public final class XmlTree {

    /** The deepest nesting a RisPort70 answer needs is 12 (Envelope … IPAddress/item/IP). */
    public static final int MAX_DEPTH = SafeXml.MAX_DEPTH;

    private XmlTree() {
    }

    /** The root element. @throws CucmParseException for anything that is not a well-formed document within the caps */
    public static XmlNode parse(byte[] document, int maxBytes) {
        XMLStreamReader r;
        try {
            r = SafeXml.open(decode(document, maxBytes), maxBytes);
        } catch (XsiParseException e) {
            throw new CucmParseException(e.getMessage(), e);
        }
        try {
            return read(r);
        } catch (XMLStreamException e) {
            throw new CucmParseException(SafeXml.parseError(e).getMessage(), e);
        } catch (XsiParseException e) {
            throw new CucmParseException(e.getMessage(), e);
        } catch (RuntimeException e) {
            // the JDK's StAX reader throws unchecked errors on some malformed input (e.g. bad encodings)
            throw new CucmParseException("malformed XML: " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
        } finally {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // closing a reader over a byte array frees nothing that matters
            }
        }
    }

    /**
     * AXL and RisPort speak UTF-8 (AXL developer guide, "AXL HTTP Request Basics"). Decoding here, strictly, turns a
     * bad byte into a typed error; handed to StAX, it would also print a "[Fatal Error]" line on stderr.
     */
    private static String decode(byte[] document, int maxBytes) {
        if (document.length > maxBytes) {
            throw new CucmParseException("document of " + document.length + " bytes exceeds the " + maxBytes
                    + "-byte reading cap");
        }
        String head = new String(document, 0, Math.min(document.length, 100), StandardCharsets.ISO_8859_1);
        if (head.startsWith("<?xml") && head.indexOf("?>") > 0) {
            String decl = head.substring(0, head.indexOf("?>")).toLowerCase(java.util.Locale.ROOT);
            int enc = decl.indexOf("encoding");
            if (enc >= 0 && !decl.substring(enc).matches("encoding\\s*=\\s*[\"']utf-8[\"'].*")) {
                throw new CucmParseException("declared encoding is not UTF-8: " + decl.substring(enc));
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(document)).toString();
        } catch (CharacterCodingException e) {
            throw new CucmParseException("not UTF-8: " + e.getMessage(), e);
        }
    }

    private static XmlNode read(XMLStreamReader r) throws XMLStreamException {
        Deque<Building> open = new ArrayDeque<>();
        XmlNode root = null;
        while (r.hasNext()) {
            int ev = r.next();
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (root != null) {
                        throw new CucmParseException("content after the root element");
                    }
                    if (open.size() >= MAX_DEPTH) {
                        throw new CucmParseException("elements nested deeper than " + MAX_DEPTH);
                    }
                    Map<String, String> attrs = new LinkedHashMap<>();
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        attrs.put(qname(r.getAttributePrefix(i), r.getAttributeLocalName(i)), r.getAttributeValue(i));
                    }
                    for (int i = 0; i < r.getNamespaceCount(); i++) {
                        String p = r.getNamespacePrefix(i);
                        attrs.put(p == null || p.isEmpty() ? "xmlns" : "xmlns:" + p, r.getNamespaceURI(i));
                    }
                    String raw = r.getLocalName();
                    int colon = raw.lastIndexOf(':');
                    open.push(new Building(colon >= 0 ? raw.substring(0, colon) : r.getPrefix(), local(raw), attrs));
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!open.isEmpty()) {
                        open.peek().text.append(r.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    Building b = open.pop();
                    XmlNode node = new XmlNode(b.prefix, b.name, b.attributes, b.text.toString(), b.children);
                    if (open.isEmpty()) {
                        root = node;
                    } else {
                        open.peek().children.add(node);
                    }
                }
                default -> {
                    // comments, processing instructions: nothing a SOAP reader needs
                }
            }
        }
        if (root == null) {
            throw new CucmParseException("no root element");
        }
        return root;
    }

    private static String qname(String prefix, String local) {
        return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }

    /** The reader is namespace-unaware (SafeXml), so names arrive as written: drop the prefix. */
    static String local(String name) {
        int colon = name.lastIndexOf(':');
        return colon >= 0 ? name.substring(colon + 1) : name;
    }

    private static final class Building {
        final String prefix;
        final String name;
        final Map<String, String> attributes;
        final StringBuilder text = new StringBuilder();
        final List<XmlNode> children = new ArrayList<>();

        Building(String prefix, String name, Map<String, String> attributes) {
            this.prefix = prefix;
            this.name = name;
            this.attributes = attributes;
        }
    }
}
