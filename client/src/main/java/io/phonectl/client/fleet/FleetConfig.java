package io.phonectl.client.fleet;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of one fleet push.
 *
 * @param concurrency    {@link #ADAPTIVE} (the default): as many phones at once as an adaptive limit per site allows
 *                       ({@link ConcurrencyLimiter#adaptive()}); 1..10000: exactly that many at most, over all
 *                       sites ({@code --concurrency N}); each phone has at most one exchange at a time
 * @param deadline       every phone has its outcome by then (default 60 s)
 * @param requestTimeout longest single exchange (default 10 s; a {@code Play:} push needs the clip length)
 * @param retry          retries of transient failures
 */
public record FleetConfig(int concurrency, Duration deadline, Duration requestTimeout, RetryPolicy retry) {

    /** {@link #concurrency()} of an adaptive limit. */
    public static final int ADAPTIVE = 0;

    public static final FleetConfig DEFAULTS =
            new FleetConfig(ADAPTIVE, Duration.ofSeconds(60), Duration.ofSeconds(10), RetryPolicy.DEFAULTS);

    public FleetConfig {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retry, "retry");
        if (concurrency < 0 || concurrency > 10_000) {
            throw new IllegalArgumentException("concurrency = " + concurrency
                    + ": must be 1..10000, or 0 for an adaptive limit");
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
