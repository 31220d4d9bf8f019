package io.phonectl.client.xsi;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of an {@link XsiTransport}, shared by every phone it talks to.
 *
 * @param connectTimeout          time to open a TCP connection (default 3 s)
 * @param requestTimeout          default total time for one exchange (default 10 s); {@code Play:} pushes
 *                                hold the answer until the clip ends, so callers raise it per push
 * @param maxConnectionsPerPhone  connections open at once to one phone (default 1: phones are small servers)
 * @param keepAlive               reuse connections (default false: phones and the push clients that work with
 *                                them use {@code Connection: close}, reference notes §2.1)
 * @param maxAnswerBytes          largest answer read (default 4 MiB, enough for a full-colour BMP screenshot)
 */
public record TransportConfig(Duration connectTimeout, Duration requestTimeout, int maxConnectionsPerPhone,
                              boolean keepAlive, int maxAnswerBytes) {

    public static final TransportConfig DEFAULTS =
            new TransportConfig(Duration.ofSeconds(3), Duration.ofSeconds(10), 1, false, 4 << 20);

    public TransportConfig {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout = " + connectTimeout + ": must be positive");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout = " + requestTimeout + ": must be positive");
        }
        if (maxConnectionsPerPhone < 1) {
            throw new IllegalArgumentException("maxConnectionsPerPhone = " + maxConnectionsPerPhone + ": must be at least 1");
        }
        if (maxAnswerBytes < 1024) {
            throw new IllegalArgumentException("maxAnswerBytes = " + maxAnswerBytes + ": must be at least 1024");
        }
    }

    public TransportConfig withConnectTimeout(Duration d) {
        return new TransportConfig(d, requestTimeout, maxConnectionsPerPhone, keepAlive, maxAnswerBytes);
    }

    public TransportConfig withRequestTimeout(Duration d) {
        return new TransportConfig(connectTimeout, d, maxConnectionsPerPhone, keepAlive, maxAnswerBytes);
    }

    public TransportConfig withKeepAlive(boolean k) {
        return new TransportConfig(connectTimeout, requestTimeout, maxConnectionsPerPhone, k, maxAnswerBytes);
    }
}
