package io.phonectl.server.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the pages write values: times in UTC to the second, a last known state in words. */
public final class Fmt {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Fmt() {
    }

    public static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    /** reachable, unreachable, or unknown (never contacted). */
    public static String state(Boolean reachable) {
        return reachable == null ? "unknown" : reachable ? "reachable" : "unreachable";
    }

    /** A query parameter's value, encoded for a URL. */
    public static String url(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A duration in milliseconds, to a tenth below 10 ms. */
    public static String millis(double ms) {
        return String.format(java.util.Locale.ROOT, ms < 10 ? "%.1f ms" : "%.0f ms", ms);
    }

    /** A percentage of a whole, rounded, for meters and labels. */
    public static long percent(long part, long whole) {
        return whole == 0 ? 0 : Math.round(100.0 * part / whole);
    }
}
