package io.phonectl.sim.xapi;

import io.phonectl.xapi.ErrorCode;
import io.phonectl.xapi.path.XPath;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Call Dial / Call Disconnect for both products, with the status and events each one emits. */
final class CallCommands {
    private static final XPath ROOM_CALLS = XPath.of("Status", "Call");
    private static final XPath PHONE_CALLS = XPath.of("Status", "Line", 1, "Call");
    private static final XPath ACTIVE_CALLS = XPath.of("Status", "SystemUnit", "State", "NumberOfActiveCalls");

    private CallCommands() {}

    static JsonNode dialRoom(XapiCommands.Call c) {
        String number = number(c.params());
        String protocol = c.params().literal("Protocol", false, List.of("Auto", "H320", "H323", "Sip", "Spark"));
        String callType = c.params().literal("CallType", false, List.of("Audio", "Video"));
        if ("H320".equals(protocol) && !c.state().isdnPaired()) {
            ObjectNode data = DeviceState.NODES.objectNode();
            data.put("Cause", 21);
            throw Params.error(ErrorCode.COMMAND_ERROR, "Not paired with isdn link", data);
        }
        DeviceState s = c.state();
        synchronized (s) {
            int id = s.nextCallId();
            ObjectNode call = DeviceState.NODES.objectNode();
            call.put("CallType", callType == null ? "Video" : callType);
            call.put("Direction", "Outgoing");
            call.put("DisplayName", number);
            call.put("Protocol", protocol == null ? "Sip" : protocol);
            call.put("RemoteNumber", number);
            call.put("Status", "Connected");
            s.put(ROOM_CALLS.append(id), call);
            s.put(ACTIVE_CALLS, DeviceState.NODES.numberNode(activeCalls(s)));
            ObjectNode ev = DeviceState.NODES.objectNode();
            ev.put("CallId", id);
            s.event("CallSuccessful", ev);
            ObjectNode result = DeviceState.NODES.objectNode();
            result.put("CallId", id);
            result.put("ConferenceId", id - 1);
            return result;
        }
    }

    static JsonNode dialPhone(XapiCommands.Call c) {
        String number = number(c.params());
        DeviceState s = c.state();
        synchronized (s) {
            int id = s.nextCallId();
            ObjectNode call = DeviceState.NODES.objectNode();
            call.put("CallState", "Connected");
            call.put("PeerPhone", number);
            call.put("Type", "Audio");
            s.put(PHONE_CALLS.append(id), call);
            ObjectNode ev = DeviceState.NODES.objectNode();
            ev.put("CallId", id);
            ev.put("LineId", 1);
            ev.put("PeerPhone", number);
            s.event("SipCallSuccessful", ev);
            ObjectNode result = DeviceState.NODES.objectNode();
            result.put("CallId", id);
            result.put("LineId", 1);
            return result;
        }
    }

    static JsonNode disconnect(XapiCommands.Call c) {
        int id = c.params().integer("CallId", 0, 65534, null);
        if (!hangUp(c.state(), id)) throw Params.illegal("CallId", id, "no such call");
        return DeviceCommands.ok();
    }

    /** Ends a call as a hang-up would: ghost in status, then the product's disconnect event. */
    static boolean hangUp(DeviceState s, int id) {
        synchronized (s) {
            boolean room = s.product() == XapiProduct.ROOMOS;
            if (!s.remove((room ? ROOM_CALLS : PHONE_CALLS).append(id))) return false;
            ObjectNode ev = DeviceState.NODES.objectNode();
            ev.put("CallId", id);
            if (room) {
                s.put(ACTIVE_CALLS, DeviceState.NODES.numberNode(activeCalls(s)));
                ev.put("CauseType", "LocalDisconnect");
                ev.put("CauseValue", 1);
                s.event("CallDisconnect", ev);
            } else {
                ev.put("LineId", 1);
                ev.put("PacketsLost", 0);
                ev.put("Jitter", 0);
                s.event("SipCallDisconnect", ev);
            }
            return true;
        }
    }

    private static int activeCalls(DeviceState s) {
        JsonNode calls = s.json(ROOM_CALLS);
        return calls == null ? 0 : calls.size();
    }

    private static String number(Params p) {
        String number = p.string("Number", true);
        if (number.isEmpty() || number.length() > 255) throw Params.illegal("Number", number, "length must be 1..255");
        return number;
    }
}
