package io.phonectl.server.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code application/x-www-form-urlencoded} bodies and query strings (the console's forms carry {@code _csrf} in
 * one; phones ask the authentication relay in one).
 */
public final class FormFields {

    private FormFields() {
    }

    static Map<String, List<String>> parse(byte[] body) {
        return parse(new String(body, StandardCharsets.UTF_8));
    }

    /** Fields by name in order; a broken percent-encoding is an {@link ApiException.Invalid} naming the field only. */
    public static Map<String, List<String>> parse(String text) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return out;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
            } catch (IllegalArgumentException e) {
                // the value may be a password: name only the field
                String name = eq < 0 ? pair : pair.substring(0, eq);
                throw new ApiException.Invalid("body", name.length() > 40 ? name.substring(0, 40) + "…" : name,
                        "form fields in application/x-www-form-urlencoded with valid percent-encoding");
            }
        }
        return out;
    }
}
