package io.phonectl.xapi.xml;

import io.phonectl.xapi.ErrorCode;
import io.phonectl.xapi.XapiParseException;
import io.phonectl.xsi.xml.SafeXml;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The XML shape of the HTTP API ({@code /getxml}, {@code /putxml}) and of XML HttpFeedback posts, mapped to and from
 * the WebSocket-JSON tree shape: instances are elements with {@code item="n"} (arrays of objects with {@code id} in
 * JSON), other attributes ({@code status}, {@code ghost}) become properties, repeated elements without {@code item}
 * (multi-valued command parameters) become arrays of values, text made only of digits becomes an integer.
 * Parsing goes through {@link SafeXml} (no DTDs, no external entities, size and depth caps); malformed input only ever
 * raises {@link XapiParseException}.
 */
public final class XapiXml {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The format named in every {@link XapiParseException} this class raises. */
    public static final String FORMAT = "xAPI XML";

    private XapiXml() {}

    /** {@code <root attrs…>content</root>} with an XML declaration. */
    public static String render(String root, Map<String, String> rootAttributes, JsonNode content) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<").append(root);
        rootAttributes.forEach((k, v) -> sb.append(' ').append(k).append("=\"").append(escape(v)).append('"'));
        sb.append('>');
        if (content != null && content.isObject()) {
            for (Map.Entry<String, JsonNode> e : content.properties()) element(sb, e.getKey(), e.getValue());
        } else if (content != null) {
            sb.append(escape(content.asString()));
        }
        return sb.append("</").append(root).append(">\n").toString();
    }

    private static void element(StringBuilder sb, String name, JsonNode value) {
        if (value.isArray()) {
            for (JsonNode v : value) {
                if (v.isObject()) instance(sb, name, v);
                else element(sb, name, v);
            }
            return;
        }
        sb.append('<').append(name);
        if (value.isObject()) {
            JsonNode status = value.get("status");
            if (status != null && status.isValueNode()) sb.append(" status=\"").append(escape(status.asString())).append('"');
            sb.append('>');
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                if (!e.getKey().equals("status")) element(sb, e.getKey(), e.getValue());
            }
        } else {
            sb.append('>').append(escape(value.asString()));
        }
        sb.append("</").append(name).append('>');
    }

    private static void instance(StringBuilder sb, String name, JsonNode v) {
        sb.append('<').append(name).append(" item=\"").append(v.path("id").asString()).append('"');
        if (v.has("ghost")) {
            sb.append(" ghost=\"").append(escape(v.get("ghost").asString())).append("\"/>");
            return;
        }
        sb.append('>');
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            if (!e.getKey().equals("id")) element(sb, e.getKey(), e.getValue());
        }
        sb.append("</").append(name).append('>');
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code {"<RootName>": tree}}; root attributes other than the product banner become properties. */
    public static ObjectNode parse(String xml) {
        XMLStreamReader r = null;
        try {
            r = SafeXml.reader(xml);
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    ObjectNode out = NODES.objectNode();
                    out.set(name, readElement(r, 1, true));
                    return out;
                }
            }
            throw new XapiParseException(FORMAT, "no root element");
        } catch (XMLStreamException e) {
            throw new XapiParseException(FORMAT, ErrorCode.PARSE_ERROR.code(), null, SafeXml.describe(e), e);
        } finally {
            close(r);
        }
    }

    private static void close(XMLStreamReader r) {
        if (r == null) {
            return;
        }
        try {
            r.close();
        } catch (XMLStreamException ignored) {
            // nothing left to release
        }
    }

    /** Reads the element the reader is positioned on; returns its value (object or scalar). */
    private static JsonNode readElement(XMLStreamReader r, int depth, boolean root) throws XMLStreamException {
        if (depth > SafeXml.MAX_DEPTH) {
            throw new XapiParseException(FORMAT, "elements nested deeper than " + SafeXml.MAX_DEPTH);
        }
        ObjectNode obj = NODES.objectNode();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String a = r.getAttributeLocalName(i);
            if (a.equals("item")) obj.set("id", scalar(r.getAttributeValue(i)));
            else if (!root) obj.put(a, r.getAttributeValue(i));
        }
        StringBuilder text = new StringBuilder();
        boolean children = false;
        while (true) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                children = true;
                String name = r.getLocalName();
                boolean isInstance = r.getAttributeValue(null, "item") != null;
                JsonNode child = readElement(r, depth + 1, false);
                add(obj, name, child, isInstance);
            } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                text.append(r.getText());
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        if (!children && obj.isEmpty()) return scalar(text.toString());
        if (!children && !text.toString().isBlank() && obj.size() == 1 && obj.has("id")) {
            obj.set("Value", scalar(text.toString()));
        }
        return obj;
    }

    private static void add(ObjectNode obj, String name, JsonNode child, boolean isInstance) {
        JsonNode have = obj.get(name);
        if (isInstance) {
            ArrayNode arr = have instanceof ArrayNode a ? a : obj.putArray(name);
            arr.add(child);
        } else if (have == null) {
            obj.set(name, child);
        } else if (have instanceof ArrayNode a) {
            a.add(child);
        } else {
            ArrayNode arr = NODES.arrayNode().add(have).add(child);
            obj.set(name, arr);
        }
    }

    private static JsonNode scalar(String text) {
        String t = text.trim();
        if (t.matches("-?\\d{1,9}")) return NODES.numberNode(Integer.parseInt(t));
        return NODES.stringNode(text);
    }
}
