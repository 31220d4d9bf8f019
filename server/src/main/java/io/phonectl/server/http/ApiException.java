package io.phonectl.server.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every error the API answers, one subtype per status. Each becomes an RFC 9457 {@code application/problem+json}
 * body (type, title, status, detail, and {@code field}/{@code value}/{@code rule} where one field is at fault).
 * Services throw these too, so the console shows the same messages. A value that is a secret is never put here.
 */
public abstract sealed class ApiException extends RuntimeException {

    /** Problem types are URNs: stable names a client can switch on, documented in docs/service.md. */
    public static final String TYPE_PREFIX = "urn:phonectl:problem:";

    private final int status;
    private final String type;
    private final String title;
    private final String field;
    private final String value;
    private final String rule;

    ApiException(int status, String type, String title, String detail, String field, String value, String rule) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.field = field;
        this.value = value;
        this.rule = rule;
    }

    public int status() {
        return status;
    }

    /** The short problem name, e.g. {@code invalid}; the body's {@code type} is {@link #TYPE_PREFIX} + this. */
    public String type() {
        return type;
    }

    public String field() {
        return field;
    }

    public String value() {
        return value;
    }

    public String rule() {
        return rule;
    }

    /** Extra response headers (Retry-After, Allow, WWW-Authenticate). */
    public Map<String, String> headers() {
        return Map.of();
    }

    /** The problem document. */
    public Map<String, Object> problem() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", TYPE_PREFIX + type);
        p.put("title", title);
        p.put("status", status);
        p.put("detail", getMessage());
        if (field != null) {
            p.put("field", field);
            p.put("value", value);
            p.put("rule", rule);
        }
        return p;
    }

    private static String describe(String field, String value, String rule) {
        return field + " = " + (value == null ? "null" : "\"" + value + "\"") + ": " + rule;
    }

    /** 400: a field (query parameter, body member, path segment) breaks a rule. */
    public static final class Invalid extends ApiException {
        public Invalid(String field, Object value, String rule) {
            super(400, "invalid", "Invalid request", describe(field, str(value), rule), field, str(value), rule);
        }
    }

    /** 401: no credentials, or credentials that are unknown, expired or revoked. */
    public static final class Unauthenticated extends ApiException {
        public Unauthenticated(String detail) {
            super(401, "unauthenticated", "Authentication required", detail, null, null, null);
        }

        @Override
        public Map<String, String> headers() {
            return Map.of("WWW-Authenticate", "Bearer realm=\"phonectl\"");
        }
    }

    /** 403: authenticated but not allowed ({@code type} says why: forbidden, csrf, password-change-required). */
    public static final class Forbidden extends ApiException {
        public Forbidden(String type, String detail) {
            super(403, type, "Forbidden", detail, null, null, null);
        }

        public static Forbidden role(Role needed, Principal who) {
            return new Forbidden("forbidden", "this needs the role " + needed.spelling() + "; " + who.name()
                    + " has " + (who.role() == null ? "none" : who.role().spelling()));
        }
    }

    /** 404: no such resource. */
    public static final class NotFound extends ApiException {
        public NotFound(String what, Object id) {
            super(404, "not-found", "Not found", "no " + what + " " + id, null, null, null);
        }
    }

    /** 404 (type no-route): no route has this path; tells a client's typo from a missing resource. */
    public static final class NoRoute extends ApiException {
        public NoRoute(String path) {
            super(404, "no-route", "No such route", "no route for " + path + " (see /api/v1/openapi.json)",
                    null, null, null);
        }
    }

    /** 405: the path exists but not with this method. */
    public static final class MethodNotAllowed extends ApiException {
        private final List<String> allowed;

        public MethodNotAllowed(String method, String path, List<String> allowed) {
            super(405, "method-not-allowed", "Method not allowed", method + " " + path + ": allowed are "
                    + String.join(", ", allowed), null, null, null);
            this.allowed = List.copyOf(allowed);
        }

        @Override
        public Map<String, String> headers() {
            return Map.of("Allow", String.join(", ", allowed));
        }
    }

    /** 409: the request conflicts with what is stored (a name in use, a reference still held). */
    public static final class Conflict extends ApiException {
        public Conflict(String field, Object value, String rule) {
            super(409, "conflict", "Conflict", describe(field, str(value), rule), field, str(value), rule);
        }
    }

    /** 413: a body larger than the route's cap; reading stops at the cap. */
    public static final class TooLarge extends ApiException {
        public TooLarge(String field, Object value, String rule) {
            super(413, "too-large", "Payload too large", describe(field, str(value), rule), field, str(value), rule);
        }
    }

    /** 415: a body in a format the route does not read. */
    public static final class UnsupportedMediaType extends ApiException {
        public UnsupportedMediaType(Object value, String rule) {
            super(415, "unsupported-media-type", "Unsupported media type", describe("Content-Type", str(value), rule),
                    "Content-Type", str(value), rule);
        }
    }

    /** 429: too many attempts; {@code Retry-After} says when to try again. */
    public static final class TooManyRequests extends ApiException {
        private final long retryAfterSeconds;

        public TooManyRequests(String detail, long retryAfterSeconds) {
            super(429, "too-many-requests", "Too many requests", detail + "; retry after " + retryAfterSeconds + " s",
                    null, null, null);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }

        @Override
        public Map<String, String> headers() {
            return Map.of("Retry-After", Long.toString(retryAfterSeconds));
        }
    }

    /** 502: a device the call talked to failed (the detail is its outcome kind and explanation). */
    public static final class DeviceFailed extends ApiException {
        public DeviceFailed(String outcome, String detail) {
            super(502, "device-failed", "The device failed", outcome + ": " + detail, null, null, null);
        }
    }

    /** 503: the service cannot answer now (the database is unreachable). */
    public static final class Unavailable extends ApiException {
        public Unavailable(String detail) {
            super(503, "unavailable", "Service unavailable", detail, null, null, null);
        }
    }

    private static String str(Object value) {
        return value == null ? null : Objects.toString(value);
    }
}
