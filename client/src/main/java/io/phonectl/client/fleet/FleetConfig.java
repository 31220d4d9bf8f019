package io.phonectl.client.fleet;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of one fleet push.
 *
 * @param concurrency    phones being talked to at once across the fleet (default 128); each phone has at most one
 * @param deadline       every phone has its outcome by then (default 60 s)
 * @param requestTimeout longest single exchange (default 10 s; a {@code Play:} push needs the clip length)
 * @param retry          retries of transient failures
 */
public record FleetConfig(int concurrency, Duration deadline, Duration requestTimeout, RetryPolicy retry) {

    public static final FleetConfig DEFAULTS =
            new FleetConfig(128, Duration.ofSeconds(60), Duration.ofSeconds(10), RetryPolicy.DEFAULTS);

    public FleetConfig {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retry, "retry");
        if (concurrency < 1 || concurrency > 10_000) {
            throw new IllegalArgumentException("concurrency = " + concurrency + ": must be 1..10000");
        }
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline = " + deadline + ": must be positive");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout = " + requestTimeout + ": must be positive");
        }
    }

    public FleetConfig withConcurrency(int c) {
        return new FleetConfig(c, deadline, requestTimeout, retry);
    }

    public FleetConfig withDeadline(Duration d) {
        return new FleetConfig(concurrency, d, requestTimeout, retry);
    }

    public FleetConfig withRequestTimeout(Duration d) {
        return new FleetConfig(concurrency, deadline, d, retry);
    }

    public FleetConfig withRetry(RetryPolicy r) {
        return new FleetConfig(concurrency, deadline, requestTimeout, r);
    }
}
