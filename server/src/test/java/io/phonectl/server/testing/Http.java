package io.phonectl.server.testing;

import io.phonectl.server.http.Json;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JDK HttpClient against a running service (never our own client), with a bearer token or a session cookie
 * and CSRF token. Every request has a deadline.
 */
public final class Http {

    /** An answer: status, headers, body as text and, when it is JSON, as a tree. */
    public record Answer(int status, HttpResponse<String> raw) {
        public String body() {
            return raw.body();
        }

        public JsonNode json() {
            return Json.mapper().readTree(raw.body());
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public Http(URI base) {
        this.base = base;
    }

    public static Http at(URI base) {
        return new Http(base);
    }

    public Http bearer(String token) {
        Http h = copy();
        h.headers.put("Authorization", "Bearer " + token);
        return h;
    }

    /** A session: the cookie, and the CSRF header when {@code csrf} is not null. */
    public Http session(String cookie, String csrf) {
        Http h = copy();
        h.headers.put("Cookie", "phonectl_session=" + cookie);
        if (csrf != null) {
            h.headers.put("X-CSRF-Token", csrf);
        }
        return h;
    }

    public Http header(String name, String value) {
        Http h = copy();
        h.headers.put(name, value);
        return h;
    }

    private Http copy() {
        Http h = new Http(base);
        h.headers.putAll(headers);
        return h;
    }

    public Answer get(String path) {
        return send("GET", path, null, null);
    }

    public Answer delete(String path) {
        return send("DELETE", path, null, null);
    }

    public Answer post(String path, Object json) {
        return send("POST", path, "application/json", json(json));
    }

    public Answer put(String path, Object json) {
        return send("PUT", path, "application/json", json(json));
    }

    public Answer patch(String path, Object json) {
        return send("PATCH", path, "application/json", json(json));
    }

    public Answer send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        headers.forEach(b::header);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(method + " " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static byte[] json(Object value) {
        if (value == null) {
            return new byte[0];
        }
        if (value instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        return Json.write(value);
    }
}
