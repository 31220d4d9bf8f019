package io.phonectl.sim.xapi;

import io.phonectl.xapi.ErrorCode;
import io.phonectl.xapi.RpcError;
import io.phonectl.xapi.XapiRpcException;
import io.phonectl.xapi.call.XapiCall;
import io.phonectl.xapi.tree.Leaf;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * Command parameter access (names ignore case, as on the devices) with the device's error shape: a missing or
 * illegal argument is a Command Error (code 1) with {@code data.Cause = 27}, the cause CSxAPI treats as "illegal
 * argument" (notes §2.2).
 */
final class Params {
    static final int CAUSE_ILLEGAL_ARGUMENT = 27;
    private final XapiCall.Command command;

    Params(XapiCall.Command command) {
        this.command = command;
    }

    /** All values of a parameter, name matched ignoring case; empty when absent. */
    List<Leaf> values(String name) {
        for (Map.Entry<String, List<Leaf>> e : command.params().entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
        }
        return List.of();
    }

    /** The multi-line payload ({@code body}), or null. */
    String body() { return command.body(); }

    String string(String name, boolean required) {
        List<Leaf> v = values(name);
        if (v.isEmpty()) {
            if (required) throw illegal(name, null, "is required");
            return null;
        }
        if (v.size() > 1) throw illegal(name, v.size() + " values", "takes a single value");
        return v.getFirst().text();
    }

    String literal(String name, boolean required, List<String> allowed) {
        String s = string(name, required);
        if (s == null) return null;
        for (String a : allowed) if (a.equalsIgnoreCase(s)) return a;
        throw illegal(name, s, "must be one of " + allowed);
    }

    int integer(String name, int min, int max, Integer dflt) {
        String s = string(name, dflt == null);
        return s == null ? dflt : toInt(name, s, min, max);
    }

    /** A multi-valued parameter (seed 004 {@code "ConnectorId":[2,3]}). */
    List<Integer> integers(String name, int min, int max, int maxCount) {
        List<Leaf> v = values(name);
        if (v.size() > maxCount) throw illegal(name, v.size() + " values", "at most " + maxCount + " values");
        List<Integer> out = new ArrayList<>();
        for (Leaf l : v) out.add(toInt(name, l.text(), min, max));
        return out;
    }

    List<String> strings(String name, int maxCount, int maxLength) {
        List<Leaf> v = values(name);
        if (v.size() > maxCount) throw illegal(name, v.size() + " values", "at most " + maxCount + " values");
        List<String> out = new ArrayList<>();
        for (Leaf l : v) {
            if (l.text().length() > maxLength) throw illegal(name, l.text(), "length must be at most " + maxLength);
            out.add(l.text());
        }
        return out;
    }

    private static int toInt(String name, String text, int min, int max) {
        if (!text.matches("-?\\d{1,9}")) throw illegal(name, text, "must be an integer " + min + ".." + max);
        int n = Integer.parseInt(text);
        if (n < min || n > max) throw illegal(name, n, "must be " + min + ".." + max);
        return n;
    }

    static XapiRpcException illegal(String name, Object value, String rule) {
        ObjectNode data = DeviceState.NODES.objectNode();
        data.put("Cause", CAUSE_ILLEGAL_ARGUMENT);
        data.put("Parameter", name);
        return XapiRpcException.of(new RpcError(ErrorCode.COMMAND_ERROR.code(),
                name + " = " + value + ": " + rule + " (source: xAPI reference)", data));
    }

    static XapiRpcException error(ErrorCode code, String message, ObjectNode data) {
        return XapiRpcException.of(new RpcError(code.code(), message, data));
    }
}
