package io.phonectl.server.console;

import io.phonectl.server.http.Json;
import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.schema.DeviceSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inputs of a notification ({@code notification-fields.jte}), shared by the compose page and the template
 * editor: as typed (so a refused form shows them again), and as the {@code params} of action {@code notification},
 * which {@code NotificationSpec} checks in the service. Numbers the browser did not get as numbers are passed on as
 * text, so the service's problem names the field.
 */
public record NotificationForm(String title, String text, String priority, String tone, String sound,
                               boolean acknowledge, String expires, boolean banner, String escalateBelow,
                               String escalateAfter, String escalateAction) {

    public static final List<String> PRIORITIES = List.of("low", "normal", "high", "urgent");
    public static final List<String> ESCALATIONS = List.of("resend", "webhook");

    static final NotificationForm EMPTY = new NotificationForm("", "", "normal", "", "", false, "", false, "", "", "");

    /** RoomOS sounds, from the schema's value space of {@code Audio Sound Play Sound} (the service checks the same). */
    public static final List<String> SOUNDS = List.copyOf(DeviceSchema.roomOs()
            .lookup(XPath.parseWords("Command Audio Sound Play")).flatMap(m -> m.node().param("Sound"))
            .map(p -> p.value().values()).orElse(List.of()));

    static NotificationForm of(Map<String, List<String>> form) {
        return new NotificationForm(Forms.first(form, "title"), Forms.first(form, "text"),
                Forms.first(form, "priority"), Forms.first(form, "tone"), Forms.first(form, "sound"),
                Forms.checked(form, "acknowledge"), Forms.first(form, "expires"), Forms.checked(form, "banner"),
                Forms.first(form, "below"), Forms.first(form, "after"), Forms.first(form, "escalate"));
    }

    /** A stored notification's params (a template's) in the form's terms. */
    static NotificationForm ofParams(Map<String, JsonNode> params) {
        JsonNode esc = params.get("escalation");
        return new NotificationForm(s(params, "title"), s(params, "text"), s(params, "priority"), s(params, "tone"),
                s(params, "sound"), params.containsKey("acknowledge") && params.get("acknowledge").asBoolean(),
                s(params, "expiresInSeconds"), params.containsKey("banner") && params.get("banner").asBoolean(),
                esc == null ? "" : esc.path("belowPercent").asString(""),
                esc == null ? "" : esc.path("afterSeconds").asString(""),
                esc == null ? "" : esc.path("action").asString(""));
    }

    private static String s(Map<String, JsonNode> params, String name) {
        JsonNode v = params.get(name);
        return v == null || v.isNull() ? "" : v.asString();
    }

    /** The params of action {@code notification}; blank inputs are left out (the service's defaults apply). */
    Map<String, JsonNode> params() {
        ObjectNode p = Json.mapper().createObjectNode();
        put(p, "title", title);
        put(p, "text", text);
        put(p, "priority", priority);
        put(p, "tone", tone);
        put(p, "sound", sound);
        if (acknowledge) {
            p.put("acknowledge", true);
        }
        if (banner) {
            p.put("banner", true);
        }
        number(p, "expiresInSeconds", expires);
        if (!escalateAction.isBlank() || !escalateBelow.isBlank() || !escalateAfter.isBlank()) {
            ObjectNode e = p.putObject("escalation");
            number(e, "belowPercent", escalateBelow);
            number(e, "afterSeconds", escalateAfter);
            put(e, "action", escalateAction);
        }
        Map<String, JsonNode> out = new LinkedHashMap<>();
        p.properties().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** A short label for the job list: the title, else the start of the text. */
    String label() {
        String l = !title.isBlank() ? title.strip() : text.strip();
        return l.length() > 60 ? l.substring(0, 60) + "…" : l;
    }

    private static void put(ObjectNode o, String name, String value) {
        if (value != null && !value.isBlank()) {
            o.put(name, value.strip());
        }
    }

    private static void number(ObjectNode o, String name, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            o.put(name, Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            o.put(name, value.strip());
        }
    }
}
