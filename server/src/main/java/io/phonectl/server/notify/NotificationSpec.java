package io.phonectl.server.notify;

import io.phonectl.server.http.ApiException;
import io.phonectl.server.job.JobSpec;
import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.schema.DeviceSchema;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A notification as a job's {@code params} give it (action {@code notification}), checked where it enters: every
 * problem names {@code params.<member>}, the value, the rule and where the rule comes from.
 *
 * @param title            at most 32 characters (CiscoIPPhoneText Title; RoomOS takes 255)
 * @param text             1..255 characters (RoomOS Alert/Prompt Text is String(0, 255); XSI takes 4,000)
 * @param priority         low, normal, high or urgent: the XSI tone's Execute Priority (urgent/high 0 = at once,
 *                         normal 1 = when idle, low 2 = only if idle)
 * @param tone             a phone tone file played with {@code Play:} after the text (XSI), or null
 * @param sound            a RoomOS {@code Audio Sound Play} sound, or null
 * @param acknowledge      ask for an acknowledgement: an Acknowledge softkey (XSI) or a prompt (RoomOS)
 * @param expiresInSeconds how long the notification stands, from the job's start: RoomOS messages go away then
 *                         (Duration, at most 3,600), an XSI banner's Timer, and acknowledgements after it are refused
 *                         (null = never; 1..86,400); when to stop sending is the job's deadlineSeconds
 * @param banner           XSI phones get a CiscoIPPhoneStatus banner (at most 32 characters) instead of a screen
 * @param imageUrl         a PNG shown by colour phones (CiscoIPPhoneImageFile); others get the text-only form
 * @param escalation       what to do when too few acknowledged in time, or null
 */
public record NotificationSpec(String title, String text, String priority, String tone, String sound,
                               boolean acknowledge, Integer expiresInSeconds, boolean banner, String imageUrl,
                               Escalation escalation) {

    /**
     * A follow-up when too few acknowledged: {@code afterSeconds} after the job was created, if fewer than
     * {@code belowPercent} % of the devices that accepted the notification acknowledged it, {@code resend} sends it
     * again to those that did not (a new job), {@code webhook} raises {@code notification.escalated} for the
     * webhooks subscribed to it (either way that event is raised).
     */
    public record Escalation(int belowPercent, int afterSeconds, String action) {
        static final List<String> ACTIONS = List.of("resend", "webhook");
    }

    public static final String ACTION = "notification";
    static final DeviceSchema ROOMOS = DeviceSchema.roomOs();
    static final DeviceSchema PHONEOS = DeviceSchema.phoneOs();
    static final List<String> PRIORITIES = List.of("low", "normal", "high", "urgent");
    static final int MAX_TITLE = 32;
    static final int MAX_TEXT = 255;
    static final int MAX_EXPIRY = 86_400;
    private static final Set<String> MEMBERS = Set.of("title", "text", "priority", "tone", "sound", "acknowledge",
            "expiresInSeconds", "banner", "imageUrl", "escalation");
    private static final String ROOMOS_REF = "RoomOS API reference CE9.2, xCommand UserInterface Message Alert Display";

    /** The notification in a job's spec, checked. */
    public static NotificationSpec of(JobSpec spec) {
        Map<String, JsonNode> p = spec.params();
        for (String k : p.keySet()) {
            if (!MEMBERS.contains(k)) {
                throw new ApiException.Invalid("params." + k, "…", "one of " + String.join(", ", MEMBERS.stream()
                        .sorted().toList()) + " (action " + ACTION + ")");
            }
        }
        String title = text(p, "title", 0, MAX_TITLE, "CiscoIPPhoneText Title, control spec");
        String text = text(p, "text", 1, MAX_TEXT, ROOMOS_REF + ": Text String(0, 255)");
        String priority = text(p, "priority", 0, 10, "this service").toLowerCase(Locale.ROOT);
        if (priority.isEmpty()) {
            priority = "normal";
        }
        if (!PRIORITIES.contains(priority)) {
            throw new ApiException.Invalid("params.priority", priority, "one of " + String.join(", ", PRIORITIES));
        }
        String tone = text(p, "tone", 0, 64, "this service");
        if (!tone.isEmpty() && !tone.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new ApiException.Invalid("params.tone", tone, "a tone file name such as Chime.raw (letters, digits, "
                    + ". _ -), played with the Play: URI");
        }
        String sound = text(p, "sound", 0, 40, "RoomOS API reference, xCommand Audio Sound Play");
        if (!sound.isEmpty() && !sounds().contains(sound)) {
            throw new ApiException.Invalid("params.sound", sound, "one of " + String.join(", ", sounds())
                    + " (RoomOS API reference, xCommand Audio Sound Play)");
        }
        boolean ack = bool(p, "acknowledge");
        boolean banner = bool(p, "banner");
        Integer expiry = null;
        JsonNode e = p.get("expiresInSeconds");
        if (e != null && !e.isNull()) {
            if (!e.isIntegralNumber() || e.asLong() < 1 || e.asLong() > MAX_EXPIRY) {
                throw new ApiException.Invalid("params.expiresInSeconds", e.toString(), "an integer 1.." + MAX_EXPIRY);
            }
            expiry = e.asInt();
        }
        if (banner && ack) {
            throw new ApiException.Invalid("params.banner", true, "not with acknowledge: a CiscoIPPhoneStatus banner "
                    + "has no softkeys (control spec)");
        }
        if (banner && text.length() > 32) {
            throw new ApiException.Invalid("params.text", text.length() + " characters", "at most 32 characters with "
                    + "banner (CiscoIPPhoneStatus Text, reference notes)");
        }
        String image = text(p, "imageUrl", 0, 256, "CiscoIPPhoneImageFile URL");
        if (!image.isEmpty()) {
            URI u;
            try {
                u = URI.create(image);
            } catch (IllegalArgumentException x) {
                u = null;
            }
            if (u == null || !("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
                throw new ApiException.Invalid("params.imageUrl", image, "an absolute http or https URL of a PNG");
            }
        }
        Escalation escalation = escalation(p.get("escalation"));
        if (escalation != null && !ack) {
            throw new ApiException.Invalid("params.escalation", "…", "only with acknowledge: true");
        }
        return new NotificationSpec(title, text, priority, tone.isEmpty() ? null : tone, sound.isEmpty() ? null : sound,
                ack, expiry, banner, image.isEmpty() ? null : image, escalation);
    }

    private static Escalation escalation(JsonNode e) {
        if (e == null || e.isNull()) {
            return null;
        }
        if (!e.isObject()) {
            throw new ApiException.Invalid("params.escalation", e.toString(), "an object {belowPercent, afterSeconds, "
                    + "action}");
        }
        for (String k : e.propertyNames()) {
            if (!Set.of("belowPercent", "afterSeconds", "action").contains(k)) {
                throw new ApiException.Invalid("params.escalation." + k, "…", "one of belowPercent, afterSeconds, action");
            }
        }
        int below = integer(e, "belowPercent", 1, 100);
        int after = integer(e, "afterSeconds", 1, MAX_EXPIRY);
        String action = e.path("action").asString("");
        if (!Escalation.ACTIONS.contains(action)) {
            throw new ApiException.Invalid("params.escalation.action", action, "resend or webhook");
        }
        return new Escalation(below, after, action);
    }

    private static int integer(JsonNode e, String member, int min, int max) {
        JsonNode v = e.get(member);
        if (v == null || !v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
            throw new ApiException.Invalid("params.escalation." + member, v == null ? null : v.toString(),
                    "an integer " + min + ".." + max);
        }
        return v.asInt();
    }

    /** The Execute Priority of the tone (control spec: 0 at once, 1 when idle, 2 only if idle). */
    int executePriority() {
        return switch (priority) {
            case "low" -> 2;
            case "normal" -> 1;
            default -> 0;
        };
    }

    /** The RoomOS sounds, from the schema's value space of {@code Audio Sound Play Sound} (one table of truth). */
    static List<String> sounds() {
        return SOUNDS;
    }

    private static final List<String> SOUNDS = List.copyOf(ROOMOS.lookup(XPath.parseWords("Command Audio Sound Play"))
                .flatMap(m -> m.node().param("Sound"))
                .map(x -> x.value().values()).orElse(List.of()));

    private static String text(Map<String, JsonNode> p, String member, int min, int max, String source) {
        JsonNode v = p.get(member);
        if (v == null || v.isNull()) {
            if (min > 0) {
                throw new ApiException.Invalid("params." + member, null, "required, " + min + ".." + max
                        + " characters (" + source + ")");
            }
            return "";
        }
        if (!v.isString()) {
            throw new ApiException.Invalid("params." + member, v.toString(), "a string");
        }
        String s = v.asString().strip();
        if (s.length() < min || s.length() > max) {
            throw new ApiException.Invalid("params." + member, s.length() + " characters", min + ".." + max
                    + " characters (" + source + ")");
        }
        return s;
    }

    private static boolean bool(Map<String, JsonNode> p, String member) {
        JsonNode v = p.get(member);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new ApiException.Invalid("params." + member, v.toString(), "true or false");
        }
        return v.asBoolean();
    }
}
