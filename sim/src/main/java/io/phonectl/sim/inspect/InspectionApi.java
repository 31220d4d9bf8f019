package io.phonectl.sim.inspect;

import io.phonectl.sim.net.Reply;
import io.phonectl.sim.phone.PhoneKeys;
import io.phonectl.sim.phone.SimPhone;
import io.phonectl.sim.screen.Screenshots;
import io.phonectl.sim.xapi.SimulatedXapiDevice;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The inspection API: JSON over HTTP on its own port (see docs/simulator.md). Lists phones ({@code /phones}) and
 * xAPI devices ({@code /devices}), shows one's whole state, acts as the user would (keys, softkeys, hook on a
 * phone; hang up, events, status changes, reboot on a device), resets. No authentication: it is a test harness
 * and binds to loopback unless told otherwise. The routing and JSON plumbing are shared; {@link DeviceActions}
 * holds what is specific to devices.
 */
public final class InspectionApi {

    public static final int MAX_BODY = 4096;
    private static final String JSON = "application/json";

    private final Map<String, SimPhone> phones;
    private volatile Map<String, SimulatedXapiDevice> devices = Map.of();
    private volatile Map<String, Extension> extensions = Map.of();
    private final Function<SimPhone, List<Map<String, Object>>> streams;
    private final java.util.function.BiConsumer<SimPhone, String> browser;
    private final Function<SimPhone, Map<String, Object>> browserState;
    private final JsonMapper json = JsonMapper.builder().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build();

    /**
     * @param streams  a phone's streams with statistics, as JSON-ready maps
     * @param browser  fetches and shows an HTTP URL on a phone (a selected menu item or softkey)
     */
    public InspectionApi(Collection<SimPhone> all, Function<SimPhone, List<Map<String, Object>>> streams,
                         java.util.function.BiConsumer<SimPhone, String> browser) {
        this(all, streams, browser, p -> Map.of());
    }

    /** @param browserState the phone browser's cookie sessions and pending refresh, as JSON-ready values */
    public InspectionApi(Collection<SimPhone> all, Function<SimPhone, List<Map<String, Object>>> streams,
                         java.util.function.BiConsumer<SimPhone, String> browser,
                         Function<SimPhone, Map<String, Object>> browserState) {
        this.browser = browser;
        this.browserState = browserState;
        Map<String, SimPhone> m = new LinkedHashMap<>();
        all.forEach(p -> m.put(p.name(), p));
        this.phones = m;
        this.streams = streams;
    }

    /** An inspection API for xAPI devices only (no phones in this process). */
    public static InspectionApi forDevices(Collection<SimulatedXapiDevice> devices) {
        InspectionApi api = new InspectionApi(List.of(), p -> List.of(), (p, url) -> { });
        api.devices(devices);
        return api;
    }

    /** Serves these simulated xAPI devices too, under {@code /devices}. */
    public void devices(Collection<SimulatedXapiDevice> all) {
        Map<String, SimulatedXapiDevice> m = new LinkedHashMap<>();
        all.forEach(d -> m.put(d.name(), d));
        this.devices = m;
    }

    /**
     * Routes under {@code /prefix/…} served by another simulated system (the CUCM under {@code /cucm}), on this same
     * port. {@code path} holds the decoded segments after the prefix.
     */
    public interface Extension {
        Reply handle(String method, List<String> path, byte[] body);
    }

    /** Serves {@code /prefix/…} with this extension. */
    public void extension(String prefix, Extension e) {
        Map<String, Extension> m = new LinkedHashMap<>(extensions);
        m.put(prefix, e);
        this.extensions = Map.copyOf(m);
    }

    public Reply handle(String method, String path, String query, byte[] body) {
        try {
            return route(method, path, body);
        } catch (MalformedPath e) {
            return error(400, e.getMessage());
        }
    }

    private Reply route(String method, String path, byte[] body) {
        String[] parts = path.split("/");
        // "", "phones"|"devices", name, action, arg…
        if (path.equals("/phones") && method.equals("GET")) {
            return ok(phones.values().stream().map(PhoneView::summary).toList());
        }
        if (path.equals("/devices") && method.equals("GET")) {
            return ok(devices.values().stream().map(DeviceView::summary).toList());
        }
        if (path.equals("/reset") && method.equals("POST")) {
            phones.values().forEach(SimPhone::reset);
            devices.values().forEach(SimulatedXapiDevice::reset);
            return ok(Map.of("reset", phones.size() + devices.size()));
        }
        Extension extension = parts.length >= 2 ? extensions.get(parts[1]) : null;
        if (extension != null) {
            return extension.handle(method, java.util.Arrays.stream(parts, 2, parts.length).map(InspectionApi::decode)
                    .toList(), body);
        }
        if (parts.length >= 3 && parts[1].equals("devices")) {
            return device(method, parts, body);
        }
        if (parts.length < 3 || !parts[1].equals("phones")) {
            return error(404, "no such resource: " + path);
        }
        SimPhone phone = phones.get(decode(parts[2]));
        if (phone == null) {
            return error(404, "no phone named " + decode(parts[2]));
        }
        if (parts.length == 3 && method.equals("GET")) {
            return ok(view(phone));
        }
        String action = parts.length > 3 ? parts[3] : "";
        String arg = parts.length > 4 ? decode(parts[4]) : "";
        if (action.equals("screenshot") && method.equals("GET")) {
            return Screenshots.of(phone);
        }
        if (!method.equals("POST")) {
            return error(405, "use POST for " + action);
        }
        PhoneKeys.Outcome outcome = switch (action) {
            case "press" -> arg.isEmpty() ? null : PhoneKeys.press(phone, arg);
            case "softkey" -> arg.isEmpty() ? null : arg.chars().allMatch(Character::isDigit) && arg.length() <= 2
                    ? PhoneKeys.softKey(phone, Integer.parseInt(arg)) : PhoneKeys.softKey(phone, arg);
            case "type" -> io.phonectl.sim.phone.InputForm.type(phone, arg)
                    ? new PhoneKeys.Outcome(true, "typed") : new PhoneKeys.Outcome(false, "no input field");
            case "offhook" -> PhoneKeys.press(phone, "Offhook");
            case "ring" -> arg.isEmpty() ? null : new PhoneKeys.Outcome(phone.ring(arg), phone.call() == io.phonectl.sim.phone.CallState.RINGING
                    ? "ringing" : "busy");
            case "onhook" -> PhoneKeys.press(phone, "Onhook");
            case "reset" -> {
                phone.reset();
                yield new PhoneKeys.Outcome(true, "reset");
            }
            default -> null;
        };
        if (outcome == null) {
            return error(404, "no action \"" + action + "\" (with argument \"" + arg + "\")");
        }
        if (outcome.follow() != null) {
            browser.accept(phone, outcome.follow());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("known", outcome.known());
        out.put("effect", outcome.effect());
        out.put("phone", view(phone));
        return ok(out);
    }

    private Reply device(String method, String[] parts, byte[] body) {
        SimulatedXapiDevice device = devices.get(decode(parts[2]));
        if (device == null) {
            return error(404, "no xAPI device named " + decode(parts[2]));
        }
        if (parts.length == 3 && method.equals("GET")) {
            return ok(DeviceView.of(device));
        }
        String action = parts.length > 3 ? parts[3] : "";
        if (!method.equals("POST")) {
            return error(405, "use POST for " + action);
        }
        List<String> args = java.util.Arrays.stream(parts, Math.min(4, parts.length), parts.length)
                .map(InspectionApi::decode).toList();
        DeviceActions.Outcome outcome;
        try {
            outcome = DeviceActions.act(device, action, args, body);
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage());
        }
        if (outcome == null) {
            return error(404, "no action \"" + action + "\" (with arguments " + args + ")");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("known", outcome.known());
        out.put("effect", outcome.effect());
        out.put("device", DeviceView.of(device));
        return ok(out);
    }

    private PhoneView view(SimPhone phone) {
        return PhoneView.of(phone, streams.apply(phone), browserState.apply(phone));
    }

    private Reply ok(Object value) {
        return new Reply(200, JSON, Map.of(), json.writeValueAsBytes(value));
    }

    private Reply error(int status, String message) {
        return new Reply(status, JSON, Map.of(), json.writeValueAsBytes(Map.of("error", message)));
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MalformedPath("path segment \"" + s + "\": bad percent-encoding (" + e.getMessage() + ")");
        }
    }

    /** A path segment that is not valid percent-encoding: answered 400, whichever route it was for. */
    private static final class MalformedPath extends RuntimeException {
        MalformedPath(String message) {
            super(message, null, false, false);
        }
    }
}
