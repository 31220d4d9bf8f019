package io.phonectl.sim.inspect;

import io.phonectl.sim.xapi.SimulatedXapiDevice;
import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.rpc.RpcCodec;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the inspection API can do to an xAPI device, as the far end or the person in the room would: hang up a
 * call, answer the prompt on screen, raise an event, change a Status value, reboot, reset. Every effect goes through the device's own
 * operations, so subscribers and HttpFeedback see it as they would see the real thing.
 */
final class DeviceActions {
    /** Status paths are short; more segments than this is a malformed request. */
    static final int MAX_PATH = 20;

    record Outcome(boolean known, String effect) {
    }

    private DeviceActions() {
    }

    /** Null when the action (or its arguments) is unknown; IllegalArgumentException for a malformed body. */
    static Outcome act(SimulatedXapiDevice d, String action, List<String> args, byte[] body) {
        return switch (action) {
            case "hangup" -> {
                if (args.size() != 1 || !args.getFirst().matches("\\d{1,9}")) yield null;
                int id = Integer.parseInt(args.getFirst());
                boolean known = d.hangUp(id);
                yield new Outcome(known, known ? "call " + id + " disconnected" : "no call " + id);
            }
            case "event" -> {
                if (args.size() != 1 || args.getFirst().isBlank()) yield null;
                JsonNode json = body.length == 0 ? RpcCodec.nodes().objectNode() : parse(body);
                d.raiseEvent(args.getFirst(), json);
                yield new Outcome(true, "event " + args.getFirst() + " raised");
            }
            case "status" -> {
                if (args.isEmpty() || args.size() > MAX_PATH) yield null;
                XPath path = statusPath(args);
                boolean known = d.changeStatus(path, parse(body));
                yield new Outcome(known, known ? path.words() + " changed" : "no status " + path.words());
            }
            case "answer" -> {
                if (args.size() != 1 || !args.getFirst().matches("[1-5]")) yield null;
                int option = Integer.parseInt(args.getFirst());
                boolean known = d.answerPrompt(option);
                yield new Outcome(known, known ? "prompt answered with option " + option : "no prompt with option "
                        + option + " on screen");
            }
            case "reboot" -> args.isEmpty() ? reboot(d) : null;
            case "reset" -> {
                if (!args.isEmpty()) yield null;
                d.reset();
                yield new Outcome(true, "reset");
            }
            default -> null;
        };
    }

    private static Outcome reboot(SimulatedXapiDevice d) {
        boolean already = d.rebooting();
        d.reboot();
        return new Outcome(!already, already ? "already rebooting" : "rebooting");
    }

    /** {@code Audio/Volume} → Status Audio Volume; numeric segments are array indices ({@code Call/2/Status}). */
    private static XPath statusPath(List<String> args) {
        List<Object> segments = new ArrayList<>(List.of("Status"));
        for (String a : args) {
            segments.add(a.matches("\\d{1,9}") ? (Object) Integer.parseInt(a) : a);
        }
        XPath path;
        try {
            path = new XPath(segments);
        } catch (io.phonectl.xapi.XapiValidationException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        if (path.hasWildcard()) {
            throw new IllegalArgumentException("path: " + path.words() + ": names one Status value, no wildcards");
        }
        return path;
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw new IllegalArgumentException("body: empty; give the new value as JSON (e.g. 70 or \"On\")");
        }
        try {
            return RpcCodec.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("body: not JSON: " + e.getMessage());
        }
    }
}
