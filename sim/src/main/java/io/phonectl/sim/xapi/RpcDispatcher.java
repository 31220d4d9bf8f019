package io.phonectl.sim.xapi;

import io.phonectl.xapi.ErrorCode;
import io.phonectl.xapi.XapiRpcException;
import io.phonectl.xapi.call.XapiCall;
import io.phonectl.xapi.call.XapiCalls;
import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.rpc.WsJsonTree;
import io.phonectl.xapi.tree.Leaf;
import io.phonectl.xapi.tree.Trees;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Executes xGet, xQuery, xSet and commands against one device on behalf of one user (seed 004, notes §2.2); the
 * WebSocket and the HTTP API both come here. Feedback calls live in {@link WsSession}: subscriptions belong to a
 * connection.
 */
final class RpcDispatcher {
    private final SimulatedXapiDevice device;

    RpcDispatcher(SimulatedXapiDevice device) {
        this.device = device;
    }

    /** Decodes a method + params with the protocol core's mapping and runs it. */
    JsonNode call(String method, JsonNode params, XapiRole role) {
        return call(XapiCalls.fromRequest(method, params), role);
    }

    JsonNode call(XapiCall call, XapiRole role) {
        if (!device.ready()) throw Params.error(ErrorCode.NOT_READY, "Not Ready", null);
        return switch (call) {
            case XapiCall.Get g -> get(documentPath(g.path(), false));
            case XapiCall.Query q -> {
                documentPath(q.query(), true);
                yield device.state().query(q.query()).map(b -> WsJsonTree.toJson(b))
                        .orElseGet(DeviceState.NODES::objectNode);
            }
            case XapiCall.Set s -> set(documentPath(s.path(), false), s.value(), role);
            case XapiCall.Command c -> command(c, role);
            default -> throw Params.error(ErrorCode.METHOD_NOT_FOUND, "Method not found", null);
        };
    }

    private JsonNode get(XPath path) {
        JsonNode node = device.state().json(path);
        if (node == null) throw noMatch("Path", path);
        return node;
    }

    private JsonNode set(XPath path, Leaf value, XapiRole role) {
        if (!"configuration".equalsIgnoreCase((String) path.segment(0))) {
            throw invalid("Path", path, "xSet applies to Configuration only");
        }
        if (role == XapiRole.USER) throw Params.error(ErrorCode.PERMISSION_DENIED, "Permission denied", null);
        DeviceState s = device.state();
        synchronized (s) {
            Trees.Found found = s.find(path).orElseThrow(() -> noMatch("Path", path));
            if (!(found.node() instanceof Leaf old)) throw invalid("Path", path, "must name a leaf");
            String name = String.valueOf(path.last());
            Leaf typed;
            if (old.kind() == Leaf.Kind.INTEGER) {
                if (!value.text().matches("-?\\d{1,9}")) throw Params.illegal(name, value.text(), "must be an integer");
                typed = Leaf.integer(Long.parseLong(value.text()));
            } else {
                if (value.text().length() > 255) throw Params.illegal(name, value.text(), "length at most 255");
                typed = Leaf.string(value.text());
            }
            s.put(found.path(), typed);
        }
        return DeviceState.NODES.booleanNode(true);
    }

    private JsonNode command(XapiCall.Command c, XapiRole role) {
        List<String> words = c.command().segments().stream().map(String::valueOf).toList();
        XapiCommands.Entry entry = XapiCommands.find(device.product(), words);
        if (entry == null) {
            ObjectNode data = DeviceState.NODES.objectNode();
            data.put("Command", String.join(" ", words));
            throw Params.error(ErrorCode.METHOD_NOT_FOUND, "Method not found", data);
        }
        return XapiCommands.run(entry, new XapiCommands.Call(device.state(), new Params(c), role, device));
    }

    /** Paths must start at a document: Status or Configuration (and Event for feedback queries). */
    static XPath documentPath(XPath path, boolean query) {
        List<String> roots = query ? List.of("status", "configuration", "event") : List.of("status", "configuration");
        if (!(path.segment(0) instanceof String first) || !roots.contains(first.toLowerCase(Locale.ROOT))) {
            throw invalid(query ? "Query" : "Path", path, "must start with "
                    + (query ? "Status, Configuration or Event" : "Status or Configuration") + " (seed 004)");
        }
        if (!query && path.hasWildcard()) throw invalid("Path", path, "wildcards are for xQuery only");
        return path;
    }

    static XapiRpcException invalid(String field, Object value, String rule) {
        ObjectNode data = DeviceState.NODES.objectNode();
        data.put("field", field);
        return Params.error(ErrorCode.INVALID_PARAMS, "Invalid params: " + field + " = " + value + ": " + rule, data);
    }

    private static XapiRpcException noMatch(String field, XPath path) {
        ObjectNode data = DeviceState.NODES.objectNode();
        data.put("field", field);
        data.put("path", path.words());
        return Params.error(ErrorCode.INVALID_PARAMS, "No match on " + field + " argument", data);
    }
}
