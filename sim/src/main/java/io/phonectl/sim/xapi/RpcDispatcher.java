package io.phonectl.sim.xapi;

import io.phonectl.xapi.schema.Role;
import io.phonectl.xapi.ErrorCode;
import io.phonectl.xapi.XapiRpcException;
import io.phonectl.xapi.XapiValidationException;
import io.phonectl.xapi.schema.DeviceSchema;
import io.phonectl.xapi.call.XapiCall;
import io.phonectl.xapi.call.XapiCalls;
import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.rpc.WsJsonTree;
import io.phonectl.xapi.tree.Leaf;
import io.phonectl.xapi.tree.Trees;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
    JsonNode call(String method, JsonNode params, Role role) {
        return call(XapiCalls.fromRequest(method, params), role);
    }

    /** Runs a call and records it with its outcome in the device's log (the inspection API shows it). */
    JsonNode call(XapiCall call, Role role) {
        try {
            JsonNode result = run(call, role);
            device.state().log().received(new DeviceLog.Received(java.time.Instant.now(), role.name(),
                    describe(call), true, result, null));
            return result;
        } catch (XapiRpcException e) {
            device.state().log().received(new DeviceLog.Received(java.time.Instant.now(), role.name(),
                    describe(call), false, null, e.error().code() + " " + e.error().message()));
            throw e;
        }
    }

    /** The call in the terminal's words; values of password-like parameters are never logged. */
    static String describe(XapiCall call) {
        return switch (call) {
            case XapiCall.Get g -> "xGet " + g.path().words();
            case XapiCall.Query q -> "xQuery " + q.query().words();
            case XapiCall.Set s -> "xSet " + s.path().words() + (secret(String.valueOf(s.path().last())) ? ": ***"
                    : ": " + s.value().text());
            case XapiCall.Command c -> {
                StringBuilder b = new StringBuilder("xCommand ").append(c.command().words());
                c.params().forEach((k, vs) -> vs.forEach(v -> b.append(' ').append(k).append(": ")
                        .append(secret(k) ? "***" : v.text())));
                yield b.toString();
            }
            default -> call.getClass().getSimpleName();
        };
    }

    private static boolean secret(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("pass") || n.contains("secret") || n.contains("key") || n.contains("token");
    }

    private JsonNode run(XapiCall call, Role role) {
        if (!device.ready()) throw Params.error(ErrorCode.NOT_READY, "Not Ready", null);
        return switch (call) {
            case XapiCall.Get g -> get(documentPath(g.path(), false), role);
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

    private JsonNode get(XPath path, Role role) {
        device.product().schema().lookup(path).ifPresent(m -> requireRole(m, role));
        JsonNode node = device.state().json(path);
        if (node == null) throw noMatch("Path", path);
        return node;
    }

    private JsonNode set(XPath path, Leaf value, Role role) {
        if (!"configuration".equalsIgnoreCase((String) path.segment(0))) {
            throw invalid("Path", path, "xSet applies to Configuration only");
        }
        DeviceSchema schema = device.product().schema();
        Optional<DeviceSchema.Match> m = schema.lookup(path);
        if (m.isPresent()) {
            requireRole(m.get(), role);
            Leaf typed;
            try {
                typed = schema.validateSet(path, value, role);
            } catch (XapiValidationException e) {
                throw commandError(e);
            }
            device.state().put(m.get().path(), typed);
            return DeviceState.NODES.booleanNode(true);
        }
        // nodes the schema does not describe (simulator extras): operators only, typed like the current value
        if (role == Role.USER) throw Params.error(ErrorCode.PERMISSION_DENIED, "Permission denied", null);
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

    private JsonNode command(XapiCall.Command c, Role role) {
        DeviceSchema schema = device.product().schema();
        List<Object> full = new java.util.ArrayList<>(List.of("Command"));
        full.addAll(c.command().segments());
        Optional<DeviceSchema.Match> m = schema.lookup(new XPath(full));
        boolean checked = m.isPresent();
        if (checked) {
            requireRole(m.get(), role);
            try {
                c = schema.validateCommand(c, role); // canonical names, typed values, every violation listed
            } catch (XapiValidationException e) {
                throw commandError(e);
            }
        }
        List<String> words = c.command().segments().stream().map(String::valueOf).toList();
        XapiCommands.Entry entry = XapiCommands.find(device.product(), words);
        if (entry == null) {
            ObjectNode data = DeviceState.NODES.objectNode();
            data.put("Command", String.join(" ", words));
            throw Params.error(ErrorCode.METHOD_NOT_FOUND, "Method not found", data);
        }
        XapiCommands.Call call = new XapiCommands.Call(device.state(), new Params(c), role, device);
        return checked ? entry.handler().run(call) : XapiCommands.run(entry, call);
    }

    /** Roles come from the schema node (seed 002 "User Roles"); a refusal is -31999. */
    private static void requireRole(DeviceSchema.Match m, Role role) {
        if (!m.node().roles().contains(role)) {
            ObjectNode data = DeviceState.NODES.objectNode();
            data.put("Path", m.path().words());
            data.put("Role", role.name());
            throw Params.error(ErrorCode.PERMISSION_DENIED, "Permission denied", data);
        }
    }

    /** A schema violation answered as the device does: Command Error with Cause 27 (illegal argument). */
    private static XapiRpcException commandError(XapiValidationException e) {
        ObjectNode data = DeviceState.NODES.objectNode();
        data.put("Cause", Params.CAUSE_ILLEGAL_ARGUMENT);
        return Params.error(ErrorCode.COMMAND_ERROR, e.getMessage(), data);
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
