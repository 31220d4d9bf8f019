package io.phonectl.sim.cucm;

import io.phonectl.sim.net.Reply;
import io.phonectl.sim.inspect.InspectionApi;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated CUCM in the inspection API, under {@code /cucm}: see the cluster and its phones, register,
 * unregister, reject, move (new address), add, update and delete phones, restart AXL (a new change queue). Bodies
 * are small JSON objects; every answer is JSON. See docs/simulator.md.
 */
public final class CucmInspection implements InspectionApi.Extension {

    private final SimCucm cucm;
    private final JsonMapper json = JsonMapper.builder().build();

    public CucmInspection(SimCucm cucm) {
        this.cucm = cucm;
    }

    @Override
    public Reply handle(String method, List<String> path, byte[] body) {
        try {
            return route(method, path, body.length == 0 ? json.createObjectNode() : json.readTree(body));
        } catch (JacksonException e) {
            return error(400, "body is not JSON: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage());
        }
    }

    private Reply route(String method, List<String> path, JsonNode in) {
        CucmDirectory d = cucm.directory();
        if (path.isEmpty() && method.equals("GET")) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("uri", cucm.uri().toString());
            out.put("nodes", d.nodes());
            out.put("phones", d.size());
            out.put("risRatePerMinute", cucm.config().ratePerMinute());
            out.put("changeQueue", d.queueView());
            out.put("axlRequests", cucm.axlRequests());
            out.put("risRequests", cucm.risRequests());
            cucm.certificate().ifPresent(c -> out.put("certificateSha256", c.sha256()));
            return ok(out);
        }
        if (path.equals(List.of("restart-axl")) && method.equals("POST")) {
            d.restartAxl();
            return ok(d.queueView());
        }
        if (path.isEmpty() || !path.getFirst().equals("phones")) {
            return error(404, "no such resource under /cucm: " + path);
        }
        if (path.size() == 1) {
            if (method.equals("GET")) {
                return ok(d.names().stream().map(n -> d.view(n).orElseThrow()).toList());
            }
            if (method.equals("POST")) {
                d.add(new CucmDirectory.PhoneSpec(text(in, "name", null), text(in, "description", ""),
                        text(in, "model", "CP-8845"), text(in, "protocol", "SIP"), text(in, "devicePool", "Default"),
                        text(in, "dn", null), text(in, "ip", null)));
                String name = text(in, "name", null);
                if (in.has("register")) {
                    d.register(name, text(in, "register", d.nodes().getFirst()), null);
                }
                return ok(d.view(name).orElseThrow());
            }
            return error(405, "use GET or POST on /cucm/phones");
        }
        String name = path.get(1);
        if (d.view(name).isEmpty()) {
            return error(404, "no configured phone named " + name);
        }
        if (path.size() == 2 && method.equals("GET")) {
            return ok(d.view(name).orElseThrow());
        }
        if (!method.equals("POST") || path.size() < 3) {
            return error(405, "use POST /cucm/phones/{name}/{action}");
        }
        switch (path.get(2)) {
            case "register" -> d.register(name, text(in, "node", d.nodes().getFirst()), text(in, "ip", null));
            case "unregister" -> d.unregister(name, in.path("reason").asInt(CucmDirectory.KEEPALIVE_TIMEOUT));
            case "reject" -> d.reject(name, text(in, "node", d.nodes().getFirst()),
                    in.path("reason").asInt(CucmDirectory.MAX_DEV_REG_REACHED));
            case "move" -> d.move(name, text(in, "ip", null));
            case "update" -> {
                Map<String, String> fields = new LinkedHashMap<>();
                for (String f : List.of("description", "devicePoolName", "dn")) {
                    if (in.has(f)) {
                        fields.put(f, in.get(f).asString());
                    }
                }
                d.update(name, fields);
            }
            case "web-access" -> d.webAccess(name, path.size() > 3 && path.get(3).equals("on"));
            case "delete" -> {
                d.remove(name);
                return ok(Map.of("deleted", name));
            }
            default -> {
                return error(404, "no action \"" + path.get(2) + "\" (register, unregister, reject, move, update, "
                        + "web-access/on|off, delete)");
            }
        }
        return ok(d.view(name).orElseThrow());
    }

    private static String text(JsonNode in, String field, String fallback) {
        JsonNode v = in.get(field);
        if (v == null || v.isNull()) {
            if (fallback == null && field.equals("name")) {
                throw new IllegalArgumentException(field + " is required");
            }
            return fallback;
        }
        return v.asString();
    }

    private Reply ok(Object value) {
        return new Reply(200, "application/json", Map.of(), json.writeValueAsBytes(value));
    }

    private Reply error(int status, String message) {
        return new Reply(status, "application/json", Map.of(), json.writeValueAsBytes(Map.of("error", message)));
    }
}
