package io.phonectl.server.event;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the event stream, the phones' callback endpoint and webhooks.
 *
 * @param subscriberQueue  live events one SSE reader may fall behind before it is disconnected (default 1024)
 * @param maxSubscribers   SSE readers at once (default 1000); more are refused with 503
 * @param heartbeat        comment line sent to an idle SSE reader (default 15 s; proxies drop silent streams)
 * @param callbackBind     where phones' Notify POSTs are received (default loopback, like the API)
 * @param callbackPort     its port (default 0 = ephemeral; set a fixed one for real phones); -1 = no receiver
 * @param callbackHost     the host phones are told to post to ({@code null} = the bind address)
 * @param webhookTimeout   one delivery attempt (default 5 s)
 * @param webhookAttempts  attempts per delivery before it is failed (default 8)
 * @param webhookBackoff   wait after the first failed attempt, doubled each time up to 10 minutes (default 1 s)
 */
public record EventsConfig(int subscriberQueue, int maxSubscribers, Duration heartbeat, InetAddress callbackBind,
                           int callbackPort, String callbackHost, Duration webhookTimeout, int webhookAttempts,
                           Duration webhookBackoff) {

    public static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

    public EventsConfig {
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(webhookTimeout, "webhookTimeout");
        Objects.requireNonNull(webhookBackoff, "webhookBackoff");
        callbackBind = callbackBind == null ? InetAddress.getLoopbackAddress() : callbackBind;
        check("subscriberQueue", subscriberQueue, 16, 1_000_000);
        check("maxSubscribers", maxSubscribers, 1, 100_000);
        check("callbackPort", callbackPort, -1, 65_535);
        check("webhookAttempts", webhookAttempts, 1, 50);
        if (heartbeat.toMillis() < 100 || heartbeat.toSeconds() > 300) {
            throw new IllegalArgumentException("heartbeat = " + heartbeat + ": must be 100 ms..300 s");
        }
        if (webhookTimeout.toMillis() < 100 || webhookTimeout.toSeconds() > 60) {
            throw new IllegalArgumentException("webhookTimeout = " + webhookTimeout + ": must be 100 ms..60 s");
        }
        if (webhookBackoff.toMillis() < 10 || webhookBackoff.compareTo(MAX_BACKOFF) > 0) {
            throw new IllegalArgumentException("webhookBackoff = " + webhookBackoff + ": must be 10 ms..10 min");
        }
    }

    private static void check(String field, int v, int min, int max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(field + " = " + v + ": must be " + min + ".." + max);
        }
    }

    public static EventsConfig defaults() {
        return new EventsConfig(1024, 1000, Duration.ofSeconds(15), null, 0, null, Duration.ofSeconds(5), 8,
                Duration.ofSeconds(1));
    }

    public EventsConfig withHeartbeat(Duration d) {
        return new EventsConfig(subscriberQueue, maxSubscribers, d, callbackBind, callbackPort, callbackHost,
                webhookTimeout, webhookAttempts, webhookBackoff);
    }

    public EventsConfig withSubscriberQueue(int n) {
        return new EventsConfig(n, maxSubscribers, heartbeat, callbackBind, callbackPort, callbackHost,
                webhookTimeout, webhookAttempts, webhookBackoff);
    }

    public EventsConfig withMaxSubscribers(int n) {
        return new EventsConfig(subscriberQueue, n, heartbeat, callbackBind, callbackPort, callbackHost,
                webhookTimeout, webhookAttempts, webhookBackoff);
    }

    public EventsConfig withCallback(InetAddress bind, int port, String host) {
        return new EventsConfig(subscriberQueue, maxSubscribers, heartbeat, bind, port, host, webhookTimeout,
                webhookAttempts, webhookBackoff);
    }

    public EventsConfig withWebhooks(Duration timeout, int attempts, Duration backoff) {
        return new EventsConfig(subscriberQueue, maxSubscribers, heartbeat, callbackBind, callbackPort, callbackHost,
                timeout, attempts, backoff);
    }

    /** The wait after failed attempt {@code attempt} (1-based): doubling from {@link #webhookBackoff}, capped. */
    public Duration backoff(int attempt) {
        long ms = webhookBackoff.toMillis() << Math.min(20, Math.max(0, attempt - 1));
        return Duration.ofMillis(Math.min(ms, MAX_BACKOFF.toMillis()));
    }
}
