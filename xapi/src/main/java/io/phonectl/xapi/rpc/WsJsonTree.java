package io.phonectl.xapi.rpc;

import io.phonectl.xapi.XapiParseException;
import io.phonectl.xapi.tree.Branch;
import io.phonectl.xapi.tree.Instances;
import io.phonectl.xapi.tree.Leaf;
import io.phonectl.xapi.tree.Node;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value tree in WebSocket JSON: integers as numbers, strings and literals as strings, multi-instance nodes as
 * arrays of objects carrying a numeric {@code "id"} (last member), ghosts as {@code {"id":n,"ghost":"True"}}.
 * A multi-instance leaf (e.g. HttpFeedback Expression) is {@code {"Value":…,"id":n}}: a choice, the guide shows none.
 */
public final class WsJsonTree {

    private WsJsonTree() {
    }

    public static JsonNode toJson(Node node) {
        return switch (node) {
            case Leaf l -> l.kind() == Leaf.Kind.INTEGER ? RpcCodec.number(l.longValue())
                    : RpcCodec.nodes().stringNode(l.text());
            case Branch b -> {
                ObjectNode o = RpcCodec.nodes().objectNode();
                b.children().forEach((k, v) -> o.set(k, toJson(v)));
                yield o;
            }
            case Instances inst -> {
                ArrayNode a = RpcCodec.nodes().arrayNode();
                for (Instances.Instance item : inst.items()) {
                    ObjectNode o = RpcCodec.nodes().objectNode();
                    if (item.ghost()) {
                        o.set("id", RpcCodec.number(item.id()));
                        o.put("ghost", "True");
                    } else if (item.node() instanceof Branch b) {
                        b.children().forEach((k, v) -> o.set(k, toJson(v)));
                        o.set("id", RpcCodec.number(item.id()));
                    } else {
                        o.set("Value", toJson(item.node()));
                        o.set("id", RpcCodec.number(item.id()));
                    }
                    a.add(o);
                }
                yield a;
            }
        };
    }

    /** Reads a value tree; numbers become INTEGER leaves, strings STRING leaves (JSON cannot tell literals). */
    public static Node fromJson(JsonNode json) {
        if (json.isObject()) {
            Map<String, Node> m = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : json.properties()) {
                m.put(e.getKey(), fromJson(e.getValue()));
            }
            return new Branch(m);
        }
        if (json.isArray()) {
            List<Instances.Instance> items = new ArrayList<>();
            for (JsonNode el : json) {
                items.add(instance(el));
            }
            return new Instances(items);
        }
        if (json.isIntegralNumber() && json.canConvertToLong()) {
            return Leaf.integer(json.longValue());
        }
        if (json.isString()) {
            return Leaf.string(json.stringValue());
        }
        throw new XapiParseException(RpcCodec.FORMAT, "a value must be an integer, string, object or array, got "
                + json.getNodeType());
    }

    private static Instances.Instance instance(JsonNode el) {
        if (!el.isObject() || !el.has("id")) {
            throw new XapiParseException(RpcCodec.FORMAT, "an array element must be an object with \"id\"");
        }
        long id = readId(el.get("id"));
        if (el.has("ghost")) {
            return Instances.Instance.ghostOf(id);
        }
        Map<String, Node> m = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : el.properties()) {
            if (!e.getKey().equals("id")) {
                m.put(e.getKey(), fromJson(e.getValue()));
            }
        }
        if (m.size() == 1 && m.containsKey("Value") && m.get("Value") instanceof Leaf leaf) {
            return Instances.Instance.of(id, leaf);
        }
        return Instances.Instance.of(id, new Branch(m));
    }

    /** Ids are numbers in WebSocket JSON; numeric strings (terminal JSON, ghosts in some captures) are accepted. */
    static long readId(JsonNode id) {
        if (id.isIntegralNumber() && id.canConvertToLong() && id.longValue() >= 0) {
            return id.longValue();
        }
        if (id.isString() && id.stringValue().matches("[0-9]{1,18}")) {
            return Long.parseLong(id.stringValue());
        }
        throw new XapiParseException(RpcCodec.FORMAT, "an instance \"id\" must be a non-negative integer, got " + id);
    }
}
