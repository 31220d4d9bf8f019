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
}
