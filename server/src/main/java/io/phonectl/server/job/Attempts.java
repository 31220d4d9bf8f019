package io.phonectl.server.job;

import io.phonectl.client.fleet.RetryPolicy;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The attempts of one item, as the client's fleet push makes them: an exchange is repeated only when it failed
 * transiently (refused, timed out), with the retry policy's backoff, while attempts and the job's deadline allow;
 * each exchange gets at most what is left of the deadline.
 */
final class Attempts {

    /**
     * @param timeout longest single exchange
     * @param retry   attempts and backoff (the client's policy)
     */
    record Policy(Duration timeout, RetryPolicy retry) {
    }

    /**
     * What the attempts came to.
     *
     * @param last      the last exchange's result, or null when none was made (the deadline passed first)
     * @param attempts  exchanges made
     * @param startedAt when the first began (null when none)
     */
    record Result<T>(T last, int attempts, Instant startedAt, long elapsedMillis) {
    }

    private final Policy policy;
    private final InstantSource clock;
    private final Instant deadline;

    Attempts(Policy policy, InstantSource clock, Instant deadline) {
        this.policy = policy;
        this.clock = clock;
        this.deadline = deadline;
    }

    /** Runs {@code exchange(timeout)} until it is not a transient failure or nothing more is allowed. */
    <T> Result<T> run(Function<Duration, T> exchange, Predicate<T> transientFailure) {
        long t0 = System.nanoTime();
        Instant started = null;
        T last = null;
        int n = 0;
        while (n < policy.retry().maxAttempts()) {
            Duration timeout = ItemDispatch.timeout(policy.timeout(), clock, deadline);
            if (timeout.isNegative() || timeout.isZero()) {
                break;
            }
            if (started == null) {
                started = clock.instant();
            }
            n++;
            last = exchange.apply(timeout);
            if (!transientFailure.test(last) || n >= policy.retry().maxAttempts()) {
                break;
            }
            Duration wait = policy.retry().backoff(n);
            if (!clock.instant().plus(wait).isBefore(deadline)) {
                break;
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new Result<>(last, n, started, (System.nanoTime() - t0) / 1_000_000);
    }
}
