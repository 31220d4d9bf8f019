package io.phonectl.sim.xapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Path walking over the simulator's WebSocket-JSON-shaped state tree: case-insensitive names answered in canonical
 * casing, numeric segments select the array instance with that {@code id}, {@code **} matches zero or more levels.
 * Pure functions; the same {@link #query} filters sparse change trees for feedback subscriptions, so a
 * subscription sees exactly what an xQuery with its Query would see of the change.
 */
final class TreeOps {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TreeOps() {}

    /** The child named {@code name} ignoring case, as the map entry carrying the canonical name; null if absent. */
    static Map.Entry<String, JsonNode> child(JsonNode object, String name) {
        if (!object.isObject()) return null;
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            if (e.getKey().equalsIgnoreCase(name)) return e;
        }
        return null;
    }

    /** The array element whose id equals {@code id}; null if none. */
    static ObjectNode instance(JsonNode array, int id) {
        for (JsonNode e : array) {
            if (e.isObject() && e.path("id").asInt(-1) == id) return (ObjectNode) e;
        }
        return null;
    }

    /** xGet: the node at an exact path (no wildcards); null when nothing matches. */
    static JsonNode get(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object seg : path) {
            if (seg instanceof Integer id) {
                if (!node.isArray()) return null;
                node = instance(node, id);
            } else {
                Map.Entry<String, JsonNode> e = child(node, (String) seg);
                node = e == null ? null : e.getValue();
            }
            if (node == null) return null;
        }
        return node;
    }

    /** The path with every name in canonical casing; null when the path does not exist. */
    static List<Object> canonical(JsonNode root, List<Object> path) {
        List<Object> out = new ArrayList<>(path.size());
        JsonNode node = root;
        for (Object seg : path) {
            if (seg instanceof Integer id) {
                if (!node.isArray()) return null;
                node = instance(node, id);
                out.add(id);
            } else {
                Map.Entry<String, JsonNode> e = child(node, (String) seg);
                if (e == null) return null;
                node = e.getValue();
                out.add(e.getKey());
            }
            if (node == null) return null;
        }
        return out;
    }

    /** xQuery: a copy of the matching parts rooted like {@code root}; null when nothing matches. */
    static JsonNode query(JsonNode root, List<Object> query) {
        return match(root, query, 0);
    }

    private static JsonNode match(JsonNode node, List<Object> q, int i) {
        if (i == q.size()) return node.deepCopy();
        Object seg = q.get(i);
        if (node.isArray()) return matchArray((ArrayNode) node, q, i, seg);
        if (!node.isObject()) return null;
        if ("**".equals(seg)) {
            ObjectNode acc = null;
            JsonNode here = match(node, q, i + 1);
            if (here instanceof ObjectNode o) acc = o;
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                JsonNode deeper = match(e.getValue(), q, i);
                if (deeper == null) continue;
                if (acc == null) acc = NODES.objectNode();
                ObjectNode wrap = NODES.objectNode();
                wrap.set(e.getKey(), deeper);
                merge(acc, wrap);
            }
            return acc;
        }
        if (seg instanceof Integer) return null;
        Map.Entry<String, JsonNode> e = child(node, (String) seg);
        if (e == null) return null;
        JsonNode sub = match(e.getValue(), q, i + 1);
        if (sub == null) return null;
        ObjectNode out = NODES.objectNode();
        out.set(e.getKey(), sub);
        return out;
    }

    private static JsonNode matchArray(ArrayNode array, List<Object> q, int i, Object seg) {
        ArrayNode out = NODES.arrayNode();
        for (JsonNode elem : array) {
            int id = elem.path("id").asInt(-1);
            if (seg instanceof Integer want) {
                if (id != want) continue;
                JsonNode sub = match(elem, q, i + 1);
                if (sub != null) out.add(withId(sub, elem));
            } else if (elem.has("ghost")) {
                out.add(elem.deepCopy()); // removals reach everyone watching the array
            } else {
                JsonNode sub = match(elem, q, i);
                if (sub != null) out.add(withId(sub, elem));
            }
        }
        return out.isEmpty() ? null : out;
    }

    private static JsonNode withId(JsonNode sub, JsonNode elem) {
        if (sub instanceof ObjectNode o && !o.has("id")) o.set("id", elem.get("id"));
        return sub;
    }

    /** Deep merge of {@code src} into {@code dst}; arrays merge element-wise by {@code id}. */
    static void merge(ObjectNode dst, JsonNode src) {
        for (Map.Entry<String, JsonNode> e : src.properties()) {
            JsonNode have = dst.get(e.getKey());
            JsonNode add = e.getValue();
            if (have instanceof ObjectNode ho && add.isObject()) {
                merge(ho, add);
            } else if (have instanceof ArrayNode ha && add.isArray()) {
                for (JsonNode a : add) {
                    ObjectNode same = instance(ha, a.path("id").asInt(-1));
                    if (same == null) ha.add(a.deepCopy());
                    else merge(same, a);
                }
            } else {
                dst.set(e.getKey(), add.deepCopy());
            }
        }
    }

    /** The sparse tree from the root down to one leaf (or subtree) at a canonical path. */
    static ObjectNode sparse(List<Object> canonicalPath, JsonNode value) {
        JsonNode node = value.deepCopy();
        for (int i = canonicalPath.size() - 1; i >= 0; i--) {
            Object seg = canonicalPath.get(i);
            if (seg instanceof Integer id) {
                ObjectNode elem = node instanceof ObjectNode o ? o : NODES.objectNode();
                elem.put("id", id);
                ArrayNode arr = NODES.arrayNode();
                arr.add(elem);
                node = arr;
            } else {
                ObjectNode o = NODES.objectNode();
                o.set((String) seg, node);
                node = o;
            }
        }
        return (ObjectNode) node;
    }
}
