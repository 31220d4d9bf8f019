package io.phonectl.client.fleet;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently transient failures (refused, timed out) are retried. Auth, validation,
 * phone errors and malformed answers are never retried: repeating them cannot help and an auth failure
 * repeated may lock the account.
 *
 * @param maxAttempts    attempts per phone including the first (default 3)
 * @param initialBackoff wait before the second attempt (default 200 ms)
 * @param multiplier     growth of the wait per attempt (default 2)
 * @param maxBackoff     longest wait (default 5 s)
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {

    public static final RetryPolicy DEFAULTS = new RetryPolicy(3, Duration.ofMillis(200), 2.0, Duration.ofSeconds(5));
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, 1.0, Duration.ZERO);

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("maxAttempts = " + maxAttempts + ": must be 1..20");
        }
        if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("backoff durations must not be negative");
        }
        if (multiplier < 1.0 || multiplier > 10.0) {
            throw new IllegalArgumentException("multiplier = " + multiplier + ": must be 1..10");
        }
    }

    /** The wait after failed attempt {@code attempt} (1-based). */
    public Duration backoff(int attempt) {
        double ms = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        return Duration.ofMillis((long) Math.min(ms, maxBackoff.toMillis()));
    }
}
