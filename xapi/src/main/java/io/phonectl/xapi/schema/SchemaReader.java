package io.phonectl.xapi.schema;

import io.phonectl.xapi.XapiParseException;
import io.phonectl.xapi.rpc.RpcCodec;
import io.phonectl.xapi.tree.Leaf;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Reads the schema data files (format in docs/xapi.md). Throws {@link XapiParseException} on any defect. */
final class SchemaReader {

    static final String FORMAT = "device schema";

    private SchemaReader() {
    }

    static DeviceSchema read(String json) {
        JsonNode root;
        try {
            root = RpcCodec.readTree(json);
        } catch (XapiParseException e) {
            throw new XapiParseException(FORMAT, e.getMessage());
        }
        String profile = text(root, "profile");
        String source = text(root, "source");
        List<SchemaNode> nodes = new ArrayList<>();
        for (JsonNode n : array(root, "nodes")) {
            nodes.add(node(n));
        }
        List<String> products = new ArrayList<>();
        array(root, "products").forEach(p -> products.add(p.asString()));
        return new DeviceSchema(profile, source, products, nodes);
    }

    private static SchemaNode node(JsonNode n) {
        NodeType type;
        try {
            type = NodeType.valueOf(text(n, "type"));
        } catch (IllegalArgumentException e) {
            throw new XapiParseException(FORMAT, "unknown type " + n.get("type"));
        }
        SchemaPath path = SchemaPath.parse(text(n, "path"));
        ValueSpace value = n.has("value") ? space(n.get("value")) : null;
        Leaf def = value != null && n.has("default") ? leaf(value, n.get("default")) : null;
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (JsonNode r : array(n, "roles")) {
            try {
                roles.add(Role.valueOf(r.asString()));
            } catch (IllegalArgumentException e) {
                throw new XapiParseException(FORMAT, "unknown role " + r + " on " + path.text());
            }
        }
        List<Param> params = params(n, "params");
        List<Param> fields = params(n, "children");
        List<String> deployments = new ArrayList<>();
        if (n.has("deployments")) {
            array(n, "deployments").forEach(d -> deployments.add(d.asString()));
        }
        String since = n.has("since") ? text(n, "since") : null;
        boolean multiline = n.has("multiline") && n.get("multiline").asBoolean(false);
        if ((type == NodeType.Status || type == NodeType.Configuration) && value == null
                && !(n.has("container") && n.get("container").asBoolean(false))) {
            throw new XapiParseException(FORMAT, path.text() + " needs a value space or \"container\": true");
        }
        return new SchemaNode(type, path, value, def, roles, params, multiline, n.get("result"), fields, since, deployments);
    }

    private static List<Param> params(JsonNode n, String member) {
        List<Param> out = new ArrayList<>();
        if (!n.has(member)) {
            return out;
        }
        for (JsonNode p : array(n, member)) {
            ValueSpace v = space(p.get("value"));
            int multiple = p.has("multiple") ? p.get("multiple").asInt(1) : 1;
            Leaf def = p.has("default") ? leaf(v, p.get("default")) : null;
            out.add(new Param(text(p, "name"), v, p.has("required") && p.get("required").asBoolean(false),
                    Math.max(1, multiple), def));
        }
        return out;
    }

    private static ValueSpace space(JsonNode v) {
        if (v == null || !v.isObject()) {
            throw new XapiParseException(FORMAT, "a value space must be an object");
        }
        String t = text(v, "type");
        return switch (t) {
            case "Integer" -> new ValueSpace(ValueSpace.Type.Integer, v.path("min").asLong(Long.MIN_VALUE),
                    v.path("max").asLong(Long.MAX_VALUE), List.of());
            case "String" -> new ValueSpace(ValueSpace.Type.String, v.path("minLength").asLong(0),
                    v.path("maxLength").asLong(Integer.MAX_VALUE), List.of());
            case "Literal" -> {
                List<String> values = new ArrayList<>();
                array(v, "values").forEach(x -> values.add(x.asString()));
                yield new ValueSpace(ValueSpace.Type.Literal, 0, 0, values);
            }
            default -> throw new XapiParseException(FORMAT, "unknown value type " + t);
        };
    }

    private static Leaf leaf(ValueSpace space, JsonNode v) {
        String text = v.isNumber() ? Long.toString(v.asLong()) : v.asString();
        try {
            return space.coerce(Leaf.string(text));
        } catch (NumberFormatException e) {
            throw new XapiParseException(FORMAT, "default " + v + " does not fit " + space.type());
        }
    }

    private static String text(JsonNode n, String member) {
        JsonNode v = n.get(member);
        if (v == null || !v.isString()) {
            throw new XapiParseException(FORMAT, "member \"" + member + "\" must be a string");
        }
        return v.stringValue();
    }

    private static JsonNode array(JsonNode n, String member) {
        JsonNode v = n.get(member);
        if (v == null || !v.isArray()) {
            throw new XapiParseException(FORMAT, "member \"" + member + "\" must be an array");
        }
        return v;
    }
}
