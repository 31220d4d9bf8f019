package io.phonectl.client.http;

import org.eclipse.jetty.client.HttpClient;

/**
 * The caps every HTTP client of the project puts on what a peer sends before it is read into memory: a phone, a
 * device or a CUCM that sends headers forever, or a body without end, costs that one exchange, never the process
 * (issue 16). Bodies are capped per request by each transport (its {@code maxAnswerBytes}); headers here, on the
 * Jetty client, because Jetty reads them unbounded unless told.
 */
public final class HttpLimits {

    /**
     * Largest response header block (status line and fields). Phones answer with well under 1 KiB; xAPI devices and
     * CUCM's Tomcat with a few; 16 KiB leaves room for long cookies and still fails a hostile peer at once.
     */
    public static final int MAX_RESPONSE_HEADER_BYTES = 16 * 1024;

    private HttpLimits() {
    }

    /** Caps the response headers of every exchange of {@code http} (call before it starts); returns it. */
    public static HttpClient capHeaders(HttpClient http, int maxBytes) {
        if (maxBytes < 1024) {
            throw new IllegalArgumentException("maxResponseHeaderBytes = " + maxBytes + ": must be at least 1024");
        }
        http.setMaxResponseHeadersSize(maxBytes);
        return http;
    }

    public static HttpClient capHeaders(HttpClient http) {
        return capHeaders(http, MAX_RESPONSE_HEADER_BYTES);
    }

    /** Whether a failure is Jetty refusing a header block over the cap (for messages that say so). */
    public static boolean headersTooLarge(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("header") && (m.contains("too large") || m.contains("too big") || m.contains("431"))) {
                return true;
            }
        }
        return false;
    }
}
