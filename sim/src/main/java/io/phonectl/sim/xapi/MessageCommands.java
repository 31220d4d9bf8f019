package io.phonectl.sim.xapi;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * RoomOS on-screen messages and sounds (API reference CE9.2, "xCommand UserInterface Message Alert/Prompt",
 * "xCommand Audio Sound Play"): one alert and one prompt shown at a time, a new one replaces the old; a prompt waits
 * for the person in the room (the inspection API answers it), who raises {@code UserInterface Message Prompt
 * Response} with the prompt's FeedbackId and the chosen option. Durations are recorded, not timed: the simulator
 * has no clock of its own for them.
 */
final class MessageCommands {
    static final int OPTIONS = 5;

    private MessageCommands() {}

    /** What the screen shows now: an alert or a prompt (null members when none). */
    record Shown(ObjectNode alert, ObjectNode prompt, String lastSound) {}

    static JsonNode alertDisplay(XapiCommands.Call c) {
        ObjectNode a = DeviceState.NODES.objectNode();
        a.put("Title", orEmpty(c.params().string("Title", false)));
        a.put("Text", c.params().string("Text", true));
        a.put("Duration", c.params().integer("Duration", 0, 3600, 0));
        c.state().alert(a);
        return DeviceCommands.ok();
    }

    static JsonNode alertClear(XapiCommands.Call c) {
        c.state().alert(null);
        return DeviceCommands.ok();
    }

    static JsonNode promptDisplay(XapiCommands.Call c) {
        ObjectNode p = DeviceState.NODES.objectNode();
        p.put("Title", orEmpty(c.params().string("Title", false)));
        p.put("Text", c.params().string("Text", true));
        p.put("FeedbackId", orEmpty(c.params().string("FeedbackId", false)));
        p.put("Duration", c.params().integer("Duration", 0, 3600, 0));
        var options = p.putArray("Options");
        for (int i = 1; i <= OPTIONS; i++) {
            String o = c.params().string("Option." + i, false);
            if (o != null) options.addObject().put("OptionId", i).put("Text", o);
        }
        ObjectNode replaced = c.state().prompt(p);
        if (replaced != null) cleared(c.state(), replaced);
        return DeviceCommands.ok();
    }

    static JsonNode promptClear(XapiCommands.Call c) {
        String id = c.params().string("FeedbackId", false);
        DeviceState s = c.state();
        synchronized (s) {
            ObjectNode shown = s.shown().prompt();
            if (shown != null && (id == null || id.equals(shown.path("FeedbackId").asString("")))) {
                s.prompt(null);
                cleared(s, shown);
            }
        }
        return DeviceCommands.ok();
    }

    static JsonNode soundPlay(XapiCommands.Call c) {
        String sound = c.params().string("Sound", true);
        String loop = c.params().literal("Loop", false, List.of("Off", "On"));
        c.state().sound(sound + (loop == null ? "" : " Loop " + loop));
        return DeviceCommands.ok();
    }

    static JsonNode soundStop(XapiCommands.Call c) {
        c.state().sound(null);
        return DeviceCommands.ok();
    }

    /**
     * The person in the room taps option {@code optionId} of the prompt shown: the prompt goes and the device raises
     * {@code UserInterface Message Prompt Response}. False when no prompt is shown or it has no such option.
     */
    static boolean answer(DeviceState s, int optionId) {
        synchronized (s) {
            ObjectNode shown = s.shown().prompt();
            if (shown == null) return false;
            List<Integer> ids = new ArrayList<>();
            shown.path("Options").forEach(o -> ids.add(o.path("OptionId").asInt()));
            if (!ids.contains(optionId)) return false;
            s.prompt(null);
            ObjectNode ev = DeviceState.NODES.objectNode();
            ev.put("FeedbackId", shown.path("FeedbackId").asString(""));
            ev.put("OptionId", optionId);
            s.event("UserInterface", DeviceState.NODES.objectNode().set("Message",
                    DeviceState.NODES.objectNode().set("Prompt", DeviceState.NODES.objectNode().set("Response", ev))));
            return true;
        }
    }

    private static void cleared(DeviceState s, ObjectNode prompt) {
        ObjectNode ev = DeviceState.NODES.objectNode().put("FeedbackId", prompt.path("FeedbackId").asString(""));
        s.event("UserInterface", DeviceState.NODES.objectNode().set("Message",
                DeviceState.NODES.objectNode().set("Prompt", DeviceState.NODES.objectNode().set("Cleared", ev))));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
