package io.phonectl.client.xapi;

import java.net.URI;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * Settings of an {@link XapiClient}. Build with {@link #builder(String)}; defaults: Basic auth, certificates
 * verified, 10 s per request, 5 s connect, reconnect on with backoff 250 ms doubling to 30 s, no keepalive,
 * 8 MiB messages.
 *
 * @param uri             {@code ws://host[:port]} or {@code wss://host[:port]}; the path is always {@code /ws}
 * @param username        account name (no ':')
 * @param password        never printed by {@link #toString()}
 * @param auth            where the credentials travel
 * @param tls             how a wss certificate is checked
 * @param pinnedSha256    with {@link Tls#PINNED}: SHA-256 of the device certificate (DER), 64 hex digits
 * @param requestTimeout  per call, 1 ms..10 min
 * @param connectTimeout  TCP + TLS + upgrade, 1 ms..5 min
 * @param reconnect       reconnect automatically after a drop, re-subscribing with NotifyCurrentValue
 * @param backoffMin      first reconnect delay
 * @param backoffMax      largest reconnect delay
 * @param keepalive       WebSocket ping interval; zero disables (a missed pong for two intervals drops the link)
 * @param maxMessageBytes largest incoming message, 64 KiB..64 MiB (full Status documents exceed Jetty's 64 KiB)
 */
public record XapiClientConfig(URI uri, String username, String password, Auth auth, Tls tls, String pinnedSha256,
                               Duration requestTimeout, Duration connectTimeout, boolean reconnect,
                               Duration backoffMin, Duration backoffMax, Duration keepalive, long maxMessageBytes) {
    public static final long MIN_MESSAGE = 64 * 1024;
    public static final long MAX_MESSAGE = 64L * 1024 * 1024;

    /** Basic header (CE 9.7+) or the {@code auth-<base64url>} subprotocol (CE 9.8+, what browsers and jsxapi use). */
    public enum Auth { BASIC, SUBPROTOCOL }

    /** VERIFY (default): CA chain and host name; TRUST_ALL: no checks (lab only); PINNED: certificate hash only. */
    public enum Tls {
        VERIFY, TRUST_ALL, PINNED;

        /** The shared policy this stands for; {@code pin} is used with PINNED only. */
        public io.phonectl.client.tls.TlsPolicy policy(String pin) {
            return switch (this) {
                case VERIFY -> io.phonectl.client.tls.TlsPolicy.verify();
                case TRUST_ALL -> io.phonectl.client.tls.TlsPolicy.trustAll();
                case PINNED -> io.phonectl.client.tls.TlsPolicy.pinned(pin);
            };
        }
    }

    public XapiClientConfig {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(tls, "tls");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            throw new XapiClientException.Config("uri", uri, "scheme must be ws or wss (seed 004: ws://<ip>/ws)");
        }
        if (uri.getHost() == null) throw new XapiClientException.Config("uri", uri, "needs a host");
        uri = URI.create(scheme + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + "/ws");
        if (username.indexOf(':') >= 0) {
            throw new XapiClientException.Config("username", username, "must not contain ':' (RFC 7617)");
        }
        if (tls == Tls.PINNED) {
            if (pinnedSha256 == null || !pinnedSha256.replace(":", "").matches("(?i)[0-9a-f]{64}")) {
                throw new XapiClientException.Config("pinnedSha256", pinnedSha256, "must be 64 hex digits (SHA-256)");
            }
            pinnedSha256 = pinnedSha256.replace(":", "").toLowerCase(Locale.ROOT);
        }
        check("requestTimeout", requestTimeout, Duration.ofMillis(1), Duration.ofMinutes(10));
        check("connectTimeout", connectTimeout, Duration.ofMillis(1), Duration.ofMinutes(5));
        check("backoffMin", backoffMin, Duration.ofMillis(1), Duration.ofMinutes(10));
        check("backoffMax", backoffMax, backoffMin, Duration.ofHours(1));
        check("keepalive", keepalive, Duration.ZERO, Duration.ofHours(1));
        if (maxMessageBytes < MIN_MESSAGE || maxMessageBytes > MAX_MESSAGE) {
            throw new XapiClientException.Config("maxMessageBytes", maxMessageBytes,
                    "must be " + MIN_MESSAGE + ".." + MAX_MESSAGE);
        }
    }

    private static void check(String field, Duration d, Duration min, Duration max) {
        Objects.requireNonNull(d, field);
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new XapiClientException.Config(field, d, "must be " + min + ".." + max);
        }
    }

    public static Builder builder(String uri) {
        return new Builder(URI.create(uri));
    }

    public static Builder builder(URI uri) {
        return new Builder(uri);
    }

    /** A copy with different credentials (e.g. for a second account). */
    public XapiClientConfig withCredentials(String user, String pass) {
        return new XapiClientConfig(uri, user, pass, auth, tls, pinnedSha256, requestTimeout, connectTimeout,
                reconnect, backoffMin, backoffMax, keepalive, maxMessageBytes);
    }

    @Override
    public String toString() {
        return "XapiClientConfig[" + uri + ", user=" + username + ", password=***, auth=" + auth + ", tls=" + tls
                + ", requestTimeout=" + requestTimeout + ", reconnect=" + reconnect + "]";
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private final URI uri;
        private String username = "admin";
        private String password = "";
        private Auth auth = Auth.BASIC;
        private Tls tls = Tls.VERIFY;
        private String pin;
        private Duration requestTimeout = Duration.ofSeconds(10);
        private Duration connectTimeout = Duration.ofSeconds(5);
        private boolean reconnect = true;
        private Duration backoffMin = Duration.ofMillis(250);
        private Duration backoffMax = Duration.ofSeconds(30);
        private Duration keepalive = Duration.ZERO;
        private long maxMessageBytes = 8L * 1024 * 1024;

        private Builder(URI uri) { this.uri = uri; }

        public Builder credentials(String user, String pass) { this.username = user; this.password = pass; return this; }

        public Builder auth(Auth a) { this.auth = a; return this; }

        public Builder trustAll() { this.tls = Tls.TRUST_ALL; return this; }

        /** Accept exactly the certificate with this SHA-256 (hex, colons allowed). */
        public Builder pinnedCertificate(String sha256) { this.tls = Tls.PINNED; this.pin = sha256; return this; }

        public Builder pinnedCertificate(byte[] sha256) { return pinnedCertificate(HexFormat.of().formatHex(sha256)); }

        public Builder requestTimeout(Duration d) { this.requestTimeout = d; return this; }

        public Builder connectTimeout(Duration d) { this.connectTimeout = d; return this; }

        public Builder reconnect(boolean on) { this.reconnect = on; return this; }

        public Builder backoff(Duration min, Duration max) { this.backoffMin = min; this.backoffMax = max; return this; }

        public Builder keepalive(Duration interval) { this.keepalive = interval; return this; }

        public Builder maxMessageBytes(long bytes) { this.maxMessageBytes = bytes; return this; }

        public XapiClientConfig build() {
            return new XapiClientConfig(uri, username, password, auth, tls, pin, requestTimeout, connectTimeout,
                    reconnect, backoffMin, backoffMax, keepalive, maxMessageBytes);
        }
    }
}
