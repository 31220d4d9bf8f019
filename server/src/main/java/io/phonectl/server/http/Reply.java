package io.phonectl.server.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an endpoint answers: a status, and a JSON value, raw bytes or a stream of a given type, plus headers.
 * JSON values are serialised by the router ({@link Json}).
 */
public record Reply(int status, Object json, byte[] bytes, Streaming stream, String contentType,
                    Map<String, String> headers) {

    /**
     * A body written while it is produced (long exports, event streams): runs on the request's virtual thread,
     * may block, and ends the response when it returns. The status and headers are sent before it starts, so it
     * cannot fail with a problem any more: it just stops.
     */
    @FunctionalInterface
    public interface Streaming {
        void writeTo(OutputStream out) throws IOException;
    }

    public Reply {
        headers = Map.copyOf(headers);
    }

    public static Reply ok(Object json) {
        return new Reply(200, json, null, null, "application/json", Map.of());
    }

    public static Reply created(Object json) {
        return new Reply(201, json, null, null, "application/json", Map.of());
    }

    public static Reply noContent() {
        return new Reply(204, null, null, null, null, Map.of());
    }

    /** Bytes as they are (CSV exports, Prometheus text, images). */
    public static Reply raw(int status, String contentType, byte[] bytes) {
        return new Reply(status, null, bytes, null, contentType, Map.of());
    }

    /** A 200 whose body is written by {@code body} as it goes. */
    public static Reply stream(String contentType, Streaming body) {
        return new Reply(200, null, null, body, contentType, Map.of());
    }

    public Reply header(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Reply(status, json, bytes, stream, contentType, h);
    }
}
