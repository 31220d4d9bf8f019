package io.phonectl.sim.xapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Executes xGet, xQuery, xSet and xCommand/... against one device on behalf of one user (seed 004, notes §2.2).
 * Feedback methods live in {@link WsSession} because subscriptions belong to a connection.
 */
final class RpcDispatcher {
    private final SimulatedXapiDevice device;

    RpcDispatcher(SimulatedXapiDevice device) {
        this.device = device;
    }

    JsonNode call(String method, JsonNode params, XapiRole role) throws RpcFailure {
        if (!device.ready()) throw new RpcFailure(RpcFailure.NOT_READY, "Not Ready", null);
        if (method.equals("xGet")) return get(path(params, "Path", false), role);
        if (method.equals("xQuery")) return query(path(params, "Query", true));
        if (method.equals("xSet")) return set(params, role);
        if (method.startsWith("xCommand/")) return command(method, params, role);
        ObjectNode data = TreeOps.NODES.objectNode();
        data.put("method", method);
        throw new RpcFailure(RpcFailure.METHOD_NOT_FOUND, "Method not found", data);
    }

    private JsonNode get(List<Object> path, XapiRole role) throws RpcFailure {
        JsonNode node = device.state().get(path);
        if (node == null) throw noMatch("Path", path);
        return node;
    }

    private JsonNode query(List<Object> query) {
        JsonNode found = device.state().query(query);
        return found == null ? TreeOps.NODES.objectNode() : found;
    }

    private JsonNode set(JsonNode params, XapiRole role) throws RpcFailure {
        List<Object> path = path(params, "Path", false);
        if (!"Configuration".equalsIgnoreCase((String) path.getFirst())) {
            throw invalid("Path", path, "xSet applies to Configuration only");
        }
        if (role == XapiRole.USER) {
            throw new RpcFailure(RpcFailure.PERMISSION_DENIED, "Permission denied", null);
        }
        JsonNode value = params.get("Value");
        if (value == null || value.isContainer() || value.isNull()) throw invalid("Value", value, "must be a scalar");
        DeviceState s = device.state();
        synchronized (s) {
            List<Object> canonical = s.canonical(path);
            if (canonical == null) throw noMatch("Path", path);
            JsonNode old = s.get(canonical);
            if (old.isContainer()) throw invalid("Path", path, "must name a leaf");
            JsonNode typed;
            if (old.isNumber()) {
                String text = value.asString();
                if (!text.matches("-?\\d{1,9}")) throw Params.illegal(String.valueOf(path.getLast()), text, "must be an integer");
                typed = TreeOps.NODES.numberNode(Integer.parseInt(text));
            } else {
                String text = value.asString();
                if (text.length() > 255) throw Params.illegal(String.valueOf(path.getLast()), text, "length at most 255");
                typed = TreeOps.NODES.stringNode(text);
            }
            if (!typed.equals(old)) s.put(canonical, typed);
        }
        return TreeOps.NODES.booleanNode(true);
    }

    private JsonNode command(String method, JsonNode params, XapiRole role) throws RpcFailure {
        List<String> words = List.of(method.substring("xCommand/".length()).split("/"));
        XapiCommands.Entry entry = XapiCommands.find(device.product(), words);
        if (entry == null) {
            ObjectNode data = TreeOps.NODES.objectNode();
            data.put("method", method);
            throw new RpcFailure(RpcFailure.METHOD_NOT_FOUND, "Method not found", data);
        }
        if (params != null && !params.isObject() && !params.isNull()) throw invalid("params", params, "must be an object");
        return XapiCommands.run(entry, new XapiCommands.Call(device.state(), new Params(params), role, device));
    }

    /** A Path/Query array: strings and non-negative integers, first element a document name. */
    static List<Object> path(JsonNode params, String field, boolean query) throws RpcFailure {
        JsonNode arr = params == null ? null : params.get(field);
        if (arr == null || !arr.isArray() || arr.isEmpty()) throw invalid(field, arr, "must be a non-empty array");
        List<Object> out = new ArrayList<>();
        for (JsonNode e : arr) {
            if (e.isIntegralNumber() && e.asInt() >= 0) out.add(e.asInt());
            else if (e.isString() && !e.asString().isEmpty()) out.add(e.asString());
            else throw invalid(field, arr, "elements must be names or instance numbers");
        }
        Object first = out.getFirst();
        List<String> roots = query ? List.of("status", "configuration", "event") : List.of("status", "configuration");
        if (!(first instanceof String s) || !roots.contains(s.toLowerCase(Locale.ROOT))) {
            throw invalid(field, arr, "must start with " + (query ? "Status, Configuration or Event"
                    : "Status or Configuration") + " (seed 004)");
        }
        if (!query && out.contains("**")) throw invalid(field, arr, "wildcards are for xQuery only");
        return out;
    }

    static RpcFailure invalid(String field, Object value, String rule) {
        ObjectNode data = TreeOps.NODES.objectNode();
        data.put("field", field);
        return new RpcFailure(RpcFailure.INVALID_PARAMS, "Invalid params: " + field + " = " + value + ": " + rule, data);
    }

    private static RpcFailure noMatch(String field, List<Object> path) {
        ObjectNode data = TreeOps.NODES.objectNode();
        data.put("field", field);
        data.put("path", String.valueOf(path));
        return new RpcFailure(RpcFailure.INVALID_PARAMS, "No match on " + field + " argument", data);
    }
}
