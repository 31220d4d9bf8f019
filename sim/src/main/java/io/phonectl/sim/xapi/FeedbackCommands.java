package io.phonectl.sim.xapi;

import java.net.URI;
import io.phonectl.xapi.path.XPath;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * HttpFeedback Register / Deregister / Enable (API reference, notes §2.7): slots 1..4, ServerUrl 1..2048 chars,
 * Format XML or JSON, up to 15 expressions. The slots live in {@code Status HttpFeedback[n]} where the poster reads
 * them, so a registration is visible with xGet like on the devices.
 */
final class FeedbackCommands {
    static final int SLOTS = 4;
    static final int MAX_URL = 2048;
    static final int MAX_EXPRESSIONS = 15;
    static final XPath SLOTS_PATH = XPath.of("Status", "HttpFeedback");

    private FeedbackCommands() {}

    static JsonNode register(XapiCommands.Call c) {
        Params p = c.params();
        int slot = p.integer("FeedbackSlot", 1, SLOTS, null);
        String url = p.string("ServerUrl", true);
        if (url.isEmpty() || url.length() > MAX_URL) {
            throw Params.illegal("ServerUrl", url.length() + " chars", "length must be 1.." + MAX_URL);
        }
        try {
            String scheme = URI.create(url).getScheme();
            if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) throw new IllegalArgumentException();
        } catch (IllegalArgumentException e) {
            throw Params.illegal("ServerUrl", url, "must be an http or https URL");
        }
        String format = p.literal("Format", false, List.of("XML", "JSON"));
        List<String> expressions = p.strings("Expression", MAX_EXPRESSIONS, 255);
        ObjectNode slotNode = DeviceState.NODES.objectNode();
        ArrayNode exprs = slotNode.putArray("Expression");
        for (int i = 0; i < expressions.size(); i++) {
            exprs.addObject().put("Value", expressions.get(i)).put("id", i + 1);
        }
        slotNode.put("Format", format == null ? "XML" : format);
        slotNode.put("Status", "On");
        slotNode.put("URL", url);
        c.state().put(SLOTS_PATH.append(slot), slotNode);
        return DeviceCommands.ok();
    }

    static JsonNode deregister(XapiCommands.Call c) {
        int slot = c.params().integer("FeedbackSlot", 1, SLOTS, null);
        ObjectNode empty = DeviceState.NODES.objectNode();
        empty.put("Format", "XML");
        empty.put("Status", "Off");
        empty.put("URL", "");
        c.state().put(SLOTS_PATH.append(slot), empty);
        return DeviceCommands.ok();
    }

    /** Enables or disables one registered slot (PhoneOS "HttpFeedback Enable FeedbackSlot Mode"), Mode default On. */
    static JsonNode enable(XapiCommands.Call c) {
        int slot = c.params().integer("FeedbackSlot", 1, SLOTS, null);
        String mode = c.params().literal("Mode", false, List.of("On", "Off"));
        DeviceState s = c.state();
        synchronized (s) {
            JsonNode node = s.json(SLOTS_PATH.append(slot));
            if (node == null || node.path("URL").asString("").isEmpty()) {
                throw Params.illegal("FeedbackSlot", slot, "is not registered");
            }
            s.put(SLOTS_PATH.append(slot).append("Status"), DeviceState.NODES.stringNode(mode == null ? "On" : mode));
        }
        return DeviceCommands.ok();
    }
}
