package io.phonectl.client.xsi;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of an {@link XsiTransport}, shared by every phone it talks to. Every exchange has a connection of its
 * own ({@code Connection: close}), so there is nothing per phone to configure.
 *
 * @param connectTimeout time to open a TCP connection (default 3 s; a fleet push wants a shorter one, so that a
 *                       dead phone holds its slot briefly: {@code FleetConfig.connectTimeout})
 * @param requestTimeout default total time for one exchange (default 10 s); {@code Play:} pushes hold the answer
 *                       until the clip ends, so callers raise it per push
 * @param maxAnswerBytes largest answer read (default 4 MiB, enough for a full-colour BMP screenshot)
 */
public record TransportConfig(Duration connectTimeout, Duration requestTimeout, int maxAnswerBytes) {

    public static final TransportConfig DEFAULTS =
            new TransportConfig(Duration.ofSeconds(3), Duration.ofSeconds(10), 4 << 20);

    /**
     * A fleet push's transport: the defaults with a 1 s connect timeout, so that a dead phone holds its slot of the
     * concurrency limit briefly (a phone on a LAN or WAN connects in milliseconds; a lost SYN is retried as a push).
     */
    public static final TransportConfig FLEET = DEFAULTS.withConnectTimeout(Duration.ofSeconds(1));

    public TransportConfig {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout = " + connectTimeout + ": must be positive");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout = " + requestTimeout + ": must be positive");
        }
        if (maxAnswerBytes < 1024) {
            throw new IllegalArgumentException("maxAnswerBytes = " + maxAnswerBytes + ": must be at least 1024");
        }
    }

    public TransportConfig withConnectTimeout(Duration d) {
        return new TransportConfig(d, requestTimeout, maxAnswerBytes);
    }

    public TransportConfig withRequestTimeout(Duration d) {
        return new TransportConfig(connectTimeout, d, maxAnswerBytes);
    }

    public TransportConfig withMaxAnswerBytes(int max) {
        return new TransportConfig(connectTimeout, requestTimeout, max);
    }
}
