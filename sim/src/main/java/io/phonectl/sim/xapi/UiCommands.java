package io.phonectl.sim.xapi;

import io.phonectl.xapi.path.XPath;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** RoomOS UserInterface Extensions: panels saved from a multi-line XML body, listed, removed; widget values. */
final class UiCommands {
    private static final XPath WIDGETS = XPath.of("Status", "UserInterface", "Extensions", "Widget");

    private UiCommands() {}

    static JsonNode panelSave(XapiCommands.Call c) {
        String id = c.params().string("PanelId", true);
        String body = c.params().body();
        if (body == null) throw Params.illegal("body", null, "is required (panel XML)");
        if (body.length() > DeviceCommands.MAX_BODY) {
            throw Params.illegal("body", body.length() + " chars", "at most " + DeviceCommands.MAX_BODY);
        }
        synchronized (c.state()) {
            c.state().panels().put(id, body);
        }
        return DeviceCommands.ok();
    }

    static JsonNode panelRemove(XapiCommands.Call c) {
        String id = c.params().string("PanelId", true);
        synchronized (c.state()) {
            if (c.state().panels().remove(id) == null) throw Params.illegal("PanelId", id, "no such panel");
        }
        return DeviceCommands.ok();
    }

    /** Notes §2.2: {@code {"Extensions":{"Panel":[{…,"id":1}],"Version":"1.11"},"status":"OK"}}. */
    static JsonNode list(XapiCommands.Call c) {
        ObjectNode r = DeviceState.NODES.objectNode();
        ObjectNode ext = r.putObject("Extensions");
        ArrayNode panels = ext.putArray("Panel");
        int n = 1;
        synchronized (c.state()) {
            for (Map.Entry<String, String> e : c.state().panels().entrySet()) {
                panels.addObject().put("PanelId", e.getKey()).put("id", n++);
            }
        }
        ext.put("Version", "1.11");
        r.put("status", "OK");
        return r;
    }

    static JsonNode widgetSetValue(XapiCommands.Call c) {
        String widget = c.params().string("WidgetId", true);
        String value = c.params().string("Value", true);
        DeviceState s = c.state();
        synchronized (s) {
            JsonNode existing = s.json(WIDGETS);
            int id = 1;
            if (existing != null) {
                for (JsonNode w : existing) {
                    if (widget.equals(w.path("WidgetId").asString(null))) {
                        id = w.path("id").asInt();
                        break;
                    }
                    id = Math.max(id, w.path("id").asInt() + 1);
                }
            }
            ObjectNode node = DeviceState.NODES.objectNode();
            node.put("Value", value);
            node.put("WidgetId", widget);
            s.put(WIDGETS.append(id), node);
        }
        return DeviceCommands.ok();
    }
}
