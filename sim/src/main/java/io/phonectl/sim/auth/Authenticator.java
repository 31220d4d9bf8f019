package io.phonectl.sim.auth;

import io.phonectl.sim.net.HttpFetch;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * Decides whether a request's Basic credentials may control a phone. Two variants, as on real phones
 * (reference notes §2.3): a local user table, or delegation to an authentication URL that must answer
 * exactly {@code AUTHORIZED}. Thread-safe. Never logs or returns the password.
 */
public sealed interface Authenticator {

    enum Result {
        /** Credentials accepted. */
        OK,
        /** No (or unreadable) Authorization header: challenge with 401 + WWW-Authenticate. */
        MISSING,
        /** Credentials given and refused: the model's failure style (Error 4). */
        REJECTED
    }

    /** Checks one {@code Authorization} header value (may be null) for the named device. */
    Result check(String authorization, String deviceName);

    /** The local user table. */
    record Users(Map<String, String> users) implements Authenticator {
        public Users {
            users = Map.copyOf(users);
        }

        @Override
        public Result check(String authorization, String deviceName) {
            Credentials c = Credentials.parse(authorization);
            if (c == null) {
                return Result.MISSING;
            }
            String expected = users.get(c.user());
            if (expected == null) {
                return Result.REJECTED;
            }
            boolean same = MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                    c.password().getBytes(StandardCharsets.UTF_8));
            return same ? Result.OK : Result.REJECTED;
        }

        @Override
        public String toString() {
            return "Users" + users.keySet();
        }
    }

    /**
     * Delegation: asks {@code url} with {@code UserID}, {@code Password}, {@code devicename} (GET query, or a
     * form body with {@code post}); only the exact body {@code AUTHORIZED} (no newline) with status 200 accepts.
     * An unreachable URL rejects, as the phone does.
     */
    record Url(URI url, boolean post, HttpFetch http) implements Authenticator {
        public static final String AUTHORIZED = "AUTHORIZED";
        static final Duration TIMEOUT = HttpFetch.DEADLINE;
        /** More than {@code AUTHORIZED} is a refusal anyway: read a little past it, never a whole endless answer. */
        static final int MAX_ANSWER = 1024;

        public Url {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(http, "http");
        }

        public static Url of(URI url, boolean post, HttpFetch http) {
            return new Url(url, post, http);
        }

        @Override
        public Result check(String authorization, String deviceName) {
            Credentials c = Credentials.parse(authorization);
            if (c == null) {
                return Result.MISSING;
            }
            String form = "UserID=" + enc(c.user()) + "&Password=" + enc(c.password()) + "&devicename=" + enc(deviceName);
            HttpRequest.Builder b = HttpRequest.newBuilder().timeout(TIMEOUT);
            if (post) {
                b.uri(url).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form));
            } else {
                String sep = url.getRawQuery() == null ? "?" : "&";
                b.uri(URI.create(url + sep + form)).GET();
            }
            try {
                HttpFetch.Answer r = http.send(b.build(), MAX_ANSWER, TIMEOUT);
                return r.status() == 200 && AUTHORIZED.equals(new String(r.body(), StandardCharsets.ISO_8859_1))
                        ? Result.OK : Result.REJECTED;
            } catch (HttpFetch.FetchException e) {
                return Result.REJECTED; // unreachable, too slow or too long: the phone refuses
            }
        }

        @Override
        public String toString() {
            return "Url[" + url.getScheme() + "://" + url.getHost() + ":" + url.getPort() + url.getPath() + "]";
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }

    /** Basic credentials; toString hides the password. */
    public record Credentials(String user, String password) {
        /** Null when the header is absent, not Basic, or not decodable. */
        public static Credentials parse(String header) {
            if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return null;
            }
            try {
                String s = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = s.indexOf(':');
                return colon < 0 ? null : new Credentials(s.substring(0, colon), s.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        @Override
        public String toString() {
            return "Credentials[" + user + ", ****]";
        }
    }
}
