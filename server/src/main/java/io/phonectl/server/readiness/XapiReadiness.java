package io.phonectl.server.readiness;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.xapi.XapiClientConfig;
import io.phonectl.client.xapi.XapiClientException;
import io.phonectl.client.xapi.XapiHttpClient;
import io.phonectl.client.xsi.PhoneAddress;
import io.phonectl.server.device.DeviceKind;
import io.phonectl.xapi.XapiException;
import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.schema.DeviceSchema;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The readiness checks of one RoomOS or PhoneOS device over its HTTP API, reads only: the API answers with the
 * registry's credentials (reachable, connected, credentials), the device's schema has the notification commands, no
 * call is up (media), and it is registered (RoomOS: a SIP registration {@code Registered}; PhoneOS: a line's
 * {@code RegistrationState Registered}).
 */
final class XapiReadiness {

    static final XPath ALERT = XPath.parseWords("Command UserInterface Message Alert Display");

    Findings check(PhoneAddress address, DeviceKind kind, Credentials c, Duration timeout, Findings f) {
        URI base = URI.create((address.port() == 443 ? "https" : "http") + "://" + address);
        try (XapiHttpClient http = new XapiHttpClient(base, c.user(), c.password(), XapiClientConfig.Tls.VERIFY, null,
                timeout)) {
            JsonNode unit;
            try {
                unit = http.getxml(XPath.parseWords("Status SystemUnit"));
            } catch (XapiClientException.Connect e) {
                if (e.httpStatus() == 0) {
                    f.reachable(false);
                    return f.fail("reachable", ReadinessReason.UNREACHABLE, e.getMessage());
                }
                f.reachable(true);
                f.pass("reachable", "answered");
                return f.fail(e.httpStatus() == 401 || e.httpStatus() == 403 ? "credentials" : "webServer",
                        e.httpStatus() == 401 || e.httpStatus() == 403 ? ReadinessReason.CREDENTIALS_REFUSED
                                : ReadinessReason.NO_WEB_SERVER, e.getMessage());
            } catch (XapiClientException.Timeout e) {
                f.reachable(false);
                return f.fail("reachable", ReadinessReason.UNREACHABLE, e.getMessage());
            }
            f.reachable(true);
            f.pass("reachable", "answered");
            f.pass("webServer", "HTTP API (getxml) answered");
            f.pass("credentials", unit.isEmpty() ? "accepted" : "accepted (Status SystemUnit read)");
            DeviceSchema schema = kind == DeviceKind.PHONEOS ? DeviceSchema.phoneOs() : DeviceSchema.roomOs();
            if (schema.exists(ALERT)) {
                f.pass("model", "the " + schema.profile() + " schema has x" + ALERT.words());
            } else {
                f.skip("model", "the " + schema.profile() + " schema has no UserInterface Message commands yet");
            }
            String call = activeCall(read(http, XPath.parseWords("Status Call")));
            if (call != null) {
                return f.fail("media", ReadinessReason.MEDIA_BUSY, "a call is " + call);
            }
            f.pass("media", "no call");
            boolean roomos = kind != DeviceKind.PHONEOS;
            JsonNode reg = read(http, roomos ? XPath.parseWords("Status SIP Registration")
                    : XPath.parseWords("Status ExtStatus"));
            String field = roomos ? "Status" : "RegistrationState";
            if (!contains(reg, field, "Registered")) {
                return f.fail("signedIn", ReadinessReason.NOT_SIGNED_IN, roomos ? "no SIP registration is Registered"
                        : "no line's RegistrationState is Registered");
            }
            f.pass("signedIn", "registered");
            return f;
        } catch (XapiClientException | XapiException e) {
            return f.fail("webServer", ReadinessReason.NO_WEB_SERVER, e.getMessage());
        }
    }

    /** A status branch, or null when the device has nothing there (no call, no registration). */
    private static JsonNode read(XapiHttpClient http, XPath path) {
        try {
            return http.getxml(path);
        } catch (io.phonectl.xapi.XapiRpcException e) {
            return null;
        }
    }

    /** The status of a call that is not Idle in getxml's {@code {"Status":{"Call":[…]}}}, or null when none is. */
    private static String activeCall(JsonNode n) {
        if (n == null) {
            return null;
        }
        JsonNode calls = n.path("Status").path("Call");
        for (JsonNode call : calls.isArray() ? calls : List.of(calls)) {
            JsonNode st = call.get("Status");
            if (st != null && st.isValueNode() && !st.asString().isBlank() && !st.asString().equalsIgnoreCase("Idle")) {
                return st.asString();
            }
        }
        return null;
    }

    private static boolean contains(JsonNode n, String field, String value) {
        if (n == null) {
            return false;
        }
        if (n.isObject()) {
            JsonNode v = n.get(field);
            if (v != null && v.isValueNode() && v.asString().equalsIgnoreCase(value)) {
                return true;
            }
        }
        for (JsonNode child : n) {
            if (contains(child, field, value)) {
                return true;
            }
        }
        return false;
    }
}
