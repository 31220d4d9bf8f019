package io.phonectl.sim.inspect;

import io.phonectl.sim.host.Reply;
import io.phonectl.sim.host.Screenshots;
import io.phonectl.sim.phone.PhoneKeys;
import io.phonectl.sim.phone.SimPhone;
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
 * The inspection API: JSON over HTTP on its own port (see docs/simulator.md). Lists phones, shows a phone's
 * whole state, acts as the user would (keys, softkeys, hook), resets. No authentication: it is a test
 * harness and binds to loopback unless told otherwise.
 */
public final class InspectionApi {

    public static final int MAX_BODY = 4096;
    private static final String JSON = "application/json";

    private final Map<String, SimPhone> phones;
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

    public Reply handle(String method, String path, String query, byte[] body) {
        String[] parts = path.split("/");
        // "", "phones", name, action, arg
        if (path.equals("/phones") && method.equals("GET")) {
            return ok(phones.values().stream().map(PhoneView::summary).toList());
        }
        if (path.equals("/reset") && method.equals("POST")) {
            phones.values().forEach(SimPhone::reset);
            return ok(Map.of("reset", phones.size()));
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
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
