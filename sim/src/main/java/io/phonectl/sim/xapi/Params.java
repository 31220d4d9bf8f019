package io.phonectl.sim.xapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Command parameter access with the device's error shape: a missing or illegal argument is a Command Error
 * (code 1) with {@code data.Cause = 27}, the cause CSxAPI treats as "illegal argument" (notes §2.2).
 */
final class Params {
    static final int CAUSE_ILLEGAL_ARGUMENT = 27;
    private final ObjectNode params;

    Params(JsonNode params) {
        this.params = params instanceof ObjectNode o ? o : TreeOps.NODES.objectNode();
    }

    /** The parameter, name matched ignoring case; null when absent. */
    JsonNode raw(String name) {
        Map.Entry<String, JsonNode> e = TreeOps.child(params, name);
        return e == null ? null : e.getValue();
    }

    String string(String name, boolean required) throws RpcFailure {
        JsonNode v = raw(name);
        if (v == null || v.isNull()) {
            if (required) throw illegal(name, null, "is required");
            return null;
        }
        if (v.isContainer()) throw illegal(name, v, "must be a single value");
        return v.asString();
    }

    String literal(String name, boolean required, List<String> allowed) throws RpcFailure {
        String s = string(name, required);
        if (s == null) return null;
        for (String a : allowed) if (a.equalsIgnoreCase(s)) return a;
        throw illegal(name, s, "must be one of " + allowed);
    }

    int integer(String name, int min, int max, Integer dflt) throws RpcFailure {
        JsonNode v = raw(name);
        if (v == null) {
            if (dflt == null) throw illegal(name, null, "is required");
            return dflt;
        }
        return toInt(name, v, min, max);
    }

    /** A multi-valued parameter: a JSON array, or one value (seed 004 "ConnectorId":[2,3]). */
    List<Integer> integers(String name, int min, int max, int maxCount) throws RpcFailure {
        JsonNode v = raw(name);
        List<Integer> out = new ArrayList<>();
        if (v == null) return out;
        if (v.isArray()) {
            for (JsonNode e : v) out.add(toInt(name, e, min, max));
        } else {
            out.add(toInt(name, v, min, max));
        }
        if (out.size() > maxCount) throw illegal(name, v, "at most " + maxCount + " values");
        return out;
    }

    List<String> strings(String name, int maxCount, int maxLength) throws RpcFailure {
        JsonNode v = raw(name);
        List<String> out = new ArrayList<>();
        if (v == null) return out;
        for (JsonNode e : v.isArray() ? v : TreeOps.NODES.arrayNode().add(v)) {
            String s = e.asString();
            if (s.length() > maxLength) throw illegal(name, s, "length must be at most " + maxLength);
            out.add(s);
        }
        if (out.size() > maxCount) throw illegal(name, v, "at most " + maxCount + " values");
        return out;
    }

    private static int toInt(String name, JsonNode v, int min, int max) throws RpcFailure {
        int n;
        if (v.isIntegralNumber()) {
            n = v.asInt();
        } else if (v.isString() && v.asString().matches("-?\\d{1,9}")) {
            n = Integer.parseInt(v.asString());
        } else {
            throw illegal(name, v, "must be an integer " + min + ".." + max);
        }
        if (n < min || n > max) throw illegal(name, n, "must be " + min + ".." + max);
        return n;
    }

    static RpcFailure illegal(String name, Object value, String rule) {
        ObjectNode data = TreeOps.NODES.objectNode();
        data.put("Cause", CAUSE_ILLEGAL_ARGUMENT);
        data.put("Parameter", name);
        return new RpcFailure(RpcFailure.COMMAND_ERROR,
                name + " = " + value + ": " + rule + " (source: xAPI reference)", data);
    }
}
