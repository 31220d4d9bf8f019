package io.phonectl.xsi.object;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small URL facts every rule about "HTTP URL versus internal URI" needs. */
public final class Urls {
    private Urls() {
    }

    /** True when the string starts with {@code http:} or {@code https:} (scheme compared case-insensitively). */
    public static boolean isHttp(String url) {
        if (url == null) {
            return false;
        }
        String s = url.strip().toLowerCase(Locale.ROOT);
        return s.startsWith("http:") || s.startsWith("https:");
    }

    /**
     * Splits an event-handler value into its URIs. The control spec chains several URIs with {@code ;}
     * (examples write {@code "; "}), and URIs in handlers may not contain {@code ;} themselves.
     */
    public static List<String> handlerUris(String value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        for (String part : value.split(";")) {
            String p = part.strip();
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * The URL or URI with its credentials replaced by {@code ***}: the base64 {@code user:pass} field of a
     * {@code Notify:} URI and the user-info of an HTTP(S) URL. Used wherever a URI is shown (toString, violations).
     */
    public static String redact(String uri) {
        if (uri == null) {
            return null;
        }
        if (uri.contains(";")) {
            StringBuilder sb = new StringBuilder();
            for (String part : uri.split(";", -1)) {
                sb.append(sb.isEmpty() ? "" : ";").append(redactOne(part));
            }
            return sb.toString();
        }
        return redactOne(uri);
    }

    private static String redactOne(String uri) {
        String lead = uri.substring(0, uri.length() - uri.stripLeading().length());
        String u = uri.stripLeading();
        if (u.regionMatches(true, 0, "Notify:", 0, 7)) {
            String[] f = u.split(":", -1); // Notify, protocol, host, port, path, credentials, data
            if (f.length > 5 && !f[5].isEmpty()) {
                f[5] = "***";
                return lead + String.join(":", f);
            }
            return uri;
        }
        if (isHttp(u)) {
            int scheme = u.indexOf("//");
            int at = u.indexOf('@');
            int slash = scheme < 0 ? -1 : u.indexOf('/', scheme + 2);
            if (scheme >= 0 && at > scheme && (slash < 0 || at < slash)) {
                return lead + u.substring(0, scheme + 2) + "***" + u.substring(at);
            }
        }
        return uri;
    }
}
