package io.phonectl.server.relay;

import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.FormFields;

import java.util.List;
import java.util.Map;

/**
 * One question a phone asks its authentication URL, as received: how it came (GET with a query, or a POST form) so
 * it can be relayed unchanged, and the three fields read from it. {@link #toString} never shows the password.
 *
 * @param query       the raw query string (null when none)
 * @param body        the raw POST body (empty for GET)
 * @param contentType of the body (null when none)
 * @param userAgent   the phone's User-Agent (null when none), passed on to the upstream
 * @param from        the phone's address
 */
public record AuthRequest(String method, String query, byte[] body, String contentType, String userAgent, String from,
                          String user, String password, String deviceName) {

    /** Reads the fields from the query (GET) or the form body (POST); null fields when absent or unreadable. */
    public static AuthRequest of(String method, String query, byte[] body, String contentType, String userAgent,
                                 String from) {
        Map<String, List<String>> fields;
        try {
            fields = FormFields.parse(body.length > 0 ? new String(body, java.nio.charset.StandardCharsets.UTF_8)
                    : query == null ? "" : query);
        } catch (ApiException e) {
            fields = Map.of();
        }
        return new AuthRequest(method, query, body, contentType, userAgent, from, field(fields, "UserID"),
                field(fields, "Password"), field(fields, "devicename"));
    }

    /** Phones spell the names as Cisco documents them; anything else asking may not: names are case-insensitive. */
    private static String field(Map<String, List<String>> fields, String name) {
        for (Map.Entry<String, List<String>> e : fields.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().getFirst();
            }
        }
        return null;
    }

    /** What a log line may say about it. */
    public String describe() {
        return "UserID=" + printable(user) + " devicename=" + printable(deviceName) + " from " + from;
    }

    private static String printable(String s) {
        if (s == null) {
            return "(none)";
        }
        String t = s.length() > 64 ? s.substring(0, 64) + "…" : s;
        return t.replaceAll("[^\\x20-\\x7E]", "?");
    }

    @Override
    public String toString() {
        return "AuthRequest[" + method + " " + describe() + "]";
    }
}
