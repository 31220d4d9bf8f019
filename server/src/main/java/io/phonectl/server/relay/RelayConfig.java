package io.phonectl.server.relay;

import java.net.URI;
import java.time.Duration;

/**
 * The authentication relay: the path phones are given as their Authentication URL, and where every request that
 * does not carry the service's one-time credentials goes.
 *
 * @param path            the path on the service's HTTP port (default {@code /authenticate})
 * @param upstream        the authentication URL the phones had before (the CUCM's
 *                        {@code http://cucm:8080/ccmcip/authenticate.jsp}); null = no upstream, every other request is
 *                        answered {@code ERROR}
 * @param upstreamTimeout one relayed exchange, connect included (default 5 s; 100 ms..60 s)
 * @param ratePerSecond   relayed requests per second to the upstream (default 100; 1..100,000); a request beyond
 *                        the rate and the burst is answered 429 {@code ERROR} without reaching the upstream
 * @param burst           how many relayed requests may go at once before the rate applies (default 200)
 */
public record RelayConfig(String path, URI upstream, Duration upstreamTimeout, int ratePerSecond, int burst) {

    public static final String DEFAULT_PATH = "/authenticate";
    /** What the upstream may answer; a longer answer is a failure (the phone accepts exactly AUTHORIZED anyway). */
    public static final int MAX_ANSWER_BYTES = 4096;
    /** A POST's form body: three short fields. */
    public static final int MAX_BODY_BYTES = 4096;

    public RelayConfig {
        path = path == null ? DEFAULT_PATH : path;
        if (!path.matches("/[A-Za-z0-9._~/-]{1,200}") || path.startsWith("/api/") || path.equals("/metrics")) {
            throw new IllegalArgumentException("relay path = \"" + path + "\": must be a plain path starting with / "
                    + "(letters, digits, . _ ~ - /), outside /api/ and /metrics");
        }
        if (upstream != null && (upstream.getHost() == null || !("http".equals(upstream.getScheme())
                || "https".equals(upstream.getScheme())) || upstream.getRawFragment() != null)) {
            throw new IllegalArgumentException("relay upstream = \"" + upstream + "\": must be an http:// or https:// "
                    + "URL with a host and no fragment");
        }
        upstreamTimeout = upstreamTimeout == null ? Duration.ofSeconds(5) : upstreamTimeout;
        if (upstreamTimeout.toMillis() < 100 || upstreamTimeout.toSeconds() > 60) {
            throw new IllegalArgumentException("relay upstreamTimeout = " + upstreamTimeout + ": must be 100 ms..60 s");
        }
        if (ratePerSecond < 1 || ratePerSecond > 100_000) {
            throw new IllegalArgumentException("relay ratePerSecond = " + ratePerSecond + ": must be 1..100000");
        }
        if (burst < 1 || burst > 100_000) {
            throw new IllegalArgumentException("relay burst = " + burst + ": must be 1..100000");
        }
    }

    public static RelayConfig defaults() {
        return new RelayConfig(DEFAULT_PATH, null, null, 100, 200);
    }

    public RelayConfig withUpstream(URI u) {
        return new RelayConfig(path, u, upstreamTimeout, ratePerSecond, burst);
    }

    public RelayConfig withRate(int perSecond, int burstSize) {
        return new RelayConfig(path, upstream, upstreamTimeout, perSecond, burstSize);
    }
}
