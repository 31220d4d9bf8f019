package io.phonectl.xapi.terminal;

import io.phonectl.xapi.XapiParseException;
import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.rpc.RpcCodec;
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
import java.util.regex.Pattern;

/**
 * Terminal JSON output mode ({@code xPreferences OutputMode JSON}), which is not the WebSocket shape: every leaf is
 * {@code {"Value":"…"}} (a string, even for integers), instances carry string ids first
 * ({@code [{"id":"1","Name":{"Value":"…"}}]}), command results sit in {@code CommandResponse.<Name>Result} with
 * {@code status}, and a tagged request adds top-level {@code "ResultId"}. Rendered compact.
 */
public final class TerminalJson {

    static final String FORMAT = "terminal JSON";
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");

    private TerminalJson() {
    }

    /** A read answer, feedback or event: {@code rooted} holds the documents (Status, Configuration, Event). */
    public static String render(Branch rooted, String resultId) {
        ObjectNode out = (ObjectNode) toJson(rooted);
        if (resultId != null) {
            out.put("ResultId", resultId);
        }
        return RpcCodec.mapper().writeValueAsString(out);
    }

    public static String commandResponse(XPath command, String status, Node body, String resultId) {
        ObjectNode out = RpcCodec.nodes().objectNode();
        ObjectNode result = out.putObject("CommandResponse").putObject(TerminalText.resultName(command));
        result.put("status", status);
        if (body instanceof Branch b) {
            b.children().forEach((k, v) -> result.set(k, toJson(v)));
        }
        if (resultId != null) {
            out.put("ResultId", resultId);
        }
        return RpcCodec.mapper().writeValueAsString(out);
    }

    /** The device's shape for an unknown command or bad parameter ({@code status} Error / ParameterError). */
    public static String commandError(XPath command, String status, String reason, String resultId) {
        ObjectNode out = RpcCodec.nodes().objectNode();
        ObjectNode result = out.putObject("CommandResponse").putObject("Result");
        result.put("status", status);
        result.putObject("Reason").put("Value", reason);
        result.putObject("XPath").put("Value", "/" + command.slashes());
        if (resultId != null) {
            out.put("ResultId", resultId);
        }
        return RpcCodec.mapper().writeValueAsString(out);
    }

    public static JsonNode toJson(Node node) {
        return switch (node) {
            case Leaf l -> RpcCodec.nodes().objectNode().put("Value", l.text());
            case Branch b -> {
                ObjectNode o = RpcCodec.nodes().objectNode();
                b.children().forEach((k, v) -> o.set(k, toJson(v)));
                yield o;
            }
            case Instances inst -> {
                ArrayNode a = RpcCodec.nodes().arrayNode();
                for (Instances.Instance item : inst.items()) {
                    ObjectNode o = a.addObject();
                    o.put("id", Long.toString(item.id()));
                    if (item.ghost()) {
                        o.put("ghost", "True");
                    } else if (item.node() instanceof Leaf l) {
                        o.put("Value", l.text());
                    } else {
                        ((Branch) item.node()).children().forEach((k, v) -> o.set(k, toJson(v)));
                    }
                }
                yield a;
            }
        };
    }

    /**
     * Reads one terminal JSON document. Leaf kinds are guessed (a decimal integer becomes INTEGER, anything else
     * STRING) because this mode does not say; use a device schema to recover literals.
     */
    public static TerminalAnswer parse(String text) {
        JsonNode root;
        try {
            root = RpcCodec.readTree(text);
        } catch (XapiParseException e) {
            throw new XapiParseException(FORMAT, e.getMessage());
        }
        if (!root.isObject()) {
            throw new XapiParseException(FORMAT, "a document must be an object");
        }
        String tag = null;
        Map<String, Node> docs = new LinkedHashMap<>();
        String name = null;
        String status = null;
        Branch result = Branch.EMPTY;
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            if (e.getKey().equals("ResultId")) {
                tag = text(e.getValue(), "ResultId");
            } else if (e.getKey().equals("CommandResponse")) {
                if (!e.getValue().isObject() || e.getValue().size() != 1) {
                    throw new XapiParseException(FORMAT, "CommandResponse holds exactly one result object");
                }
                Map.Entry<String, JsonNode> r = e.getValue().properties().iterator().next();
                name = r.getKey();
                if (!r.getValue().isObject()) {
                    throw new XapiParseException(FORMAT, "a command result must be an object");
                }
                ObjectNode body = ((ObjectNode) r.getValue()).deepCopy();
                JsonNode st = body.remove("status");
                status = st == null ? null : text(st, "status");
                result = (Branch) fromJson(body);
            } else {
                docs.put(e.getKey(), fromJson(e.getValue()));
            }
        }
        return new TerminalAnswer(new Branch(docs), name, status, result, tag, TerminalAnswer.Outcome.NONE, List.of());
    }

    private static String text(JsonNode n, String what) {
        if (!n.isString()) {
            throw new XapiParseException(FORMAT, "\"" + what + "\" must be a string");
        }
        return n.stringValue();
    }

    static Node fromJson(JsonNode json) {
        if (json.isArray()) {
            List<Instances.Instance> items = new ArrayList<>();
            for (JsonNode el : json) {
                if (!el.isObject() || !el.has("id") || !el.get("id").isString()
                        || !el.get("id").stringValue().matches("[0-9]{1,18}")) {
                    throw new XapiParseException(FORMAT, "an instance must be an object with a numeric string \"id\"");
                }
                long id = Long.parseLong(el.get("id").stringValue());
                if (el.has("ghost")) {
                    items.add(Instances.Instance.ghostOf(id));
                    continue;
                }
                ObjectNode rest = ((ObjectNode) el).deepCopy();
                rest.remove("id");
                Node n = fromJson(rest);
                items.add(Instances.Instance.of(id, n));
            }
            return new Instances(items);
        }
        if (!json.isObject()) {
            throw new XapiParseException(FORMAT, "expected an object or array, got " + json.getNodeType());
        }
        if (json.has("Value") && json.get("Value").isValueNode()) {
            String v = json.get("Value").asString();
            return INTEGER.matcher(v).matches() ? Leaf.integer(Long.parseLong(v)) : Leaf.string(v);
        }
        Map<String, Node> m = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : json.properties()) {
            m.put(e.getKey(), fromJson(e.getValue()));
        }
        return new Branch(m);
    }
}
