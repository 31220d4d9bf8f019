package io.phonectl.sim.inspect;

import io.phonectl.sim.xapi.DeviceLog;
import io.phonectl.sim.xapi.SimulatedXapiDevice;
import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.rpc.RpcCodec;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * A simulated xAPI device's whole state as the inspection API shows it (JSON). The trees are the protocol core's
 * WebSocket JSON (what {@code xGet Status} would answer); users are shown without passwords.
 */
public record DeviceView(String name, String product, String http, String ws, Map<String, String> users, boolean ready,
                         int bootCount, boolean rebooting, JsonNode status, JsonNode configuration, JsonNode calls,
                         JsonNode httpFeedback, JsonNode message, List<SimulatedXapiDevice.SessionView> sessions,
                         List<DeviceLog.Received> received, List<DeviceLog.Emitted> emitted) {

    /** Summary row for the device list. */
    public record Summary(String name, String product, String http, String ws, Map<String, String> users,
                          boolean ready, int bootCount) {
    }

    static DeviceView of(SimulatedXapiDevice d) {
        Summary s = summary(d);
        return new DeviceView(s.name(), s.product(), s.http(), s.ws(), s.users(), s.ready(), s.bootCount(),
                d.rebooting(), orEmpty(d.read(XPath.of("Status"))), orEmpty(d.read(XPath.of("Configuration"))),
                calls(d), orEmptyArray(d.read(XPath.of("Status", "HttpFeedback"))), d.message(),
                d.sessions(), d.log().received(), d.log().emitted());
    }

    static Summary summary(SimulatedXapiDevice d) {
        Map<String, String> users = new java.util.LinkedHashMap<>();
        d.users().forEach((u, role) -> users.put(u, role.name()));
        return new Summary(d.name(), d.product().productName(), d.httpUri().toString(),
                d.product().webSocket() ? d.wsUri().toString() : null, users, d.ready(), d.bootCount());
    }

    /**
     * Active calls: RoomOS keeps them in {@code Status Call}, PhoneOS per line in {@code Status Line[n] Call}
     * (seed 002); PhoneOS calls are shown with their {@code LineId} added.
     */
    static JsonNode calls(SimulatedXapiDevice d) {
        JsonNode room = d.read(XPath.of("Status", "Call"));
        if (room != null) {
            return room;
        }
        tools.jackson.databind.node.ArrayNode out = RpcCodec.nodes().arrayNode();
        JsonNode lines = d.read(XPath.of("Status", "Line"));
        if (lines != null) {
            for (JsonNode line : lines) {
                for (JsonNode call : line.path("Call")) {
                    if (!(call.deepCopy() instanceof tools.jackson.databind.node.ObjectNode c)) continue;
                    c.set("LineId", line.get("id"));
                    out.add(c);
                }
            }
        }
        return out;
    }

    private static JsonNode orEmpty(JsonNode n) {
        return n != null ? n : RpcCodec.nodes().objectNode();
    }

    /** Multi-instance nodes are arrays of instances; absent means none. */
    private static JsonNode orEmptyArray(JsonNode n) {
        return n != null ? n : RpcCodec.nodes().arrayNode();
    }
}
