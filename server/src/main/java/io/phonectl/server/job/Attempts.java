package io.phonectl.server.job;

import io.phonectl.client.fleet.ConcurrencyLimiter;
import io.phonectl.client.fleet.RetryPolicy;
import io.phonectl.client.xsi.OutcomeKind;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The attempts of one item, as the client's fleet push makes them: an exchange is repeated only when it failed
 * transiently (refused, timed out), with the retry policy's backoff, while attempts and the job's deadline allow;
 * each exchange gets at most what is left of the deadline. In a job's run each exchange holds a permit of the run's
 * concurrency limit ({@link ItemSlot}), given back with what the exchange says about the device's path.
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
    private final ItemSlot slot;

    /** @param slot the item's place in its run's limit, or null (one device's operation, outside any job run) */
    Attempts(Policy policy, InstantSource clock, Instant deadline, ItemSlot slot) {
        this.policy = policy;
        this.clock = clock;
        this.deadline = deadline;
        this.slot = slot;
    }

    /**
     * Runs {@code exchange(timeout)} until its outcome's kind ({@code kind}) is not a transient failure or nothing
     * more is allowed; the kind also says what the exchange tells the concurrency limit.
     */
    <T> Result<T> run(Function<Duration, T> exchange, Function<T, OutcomeKind> kind) {
        return run(exchange, t -> kind.apply(t).transientFailure(), t -> ConcurrencyLimiter.Outcome.of(kind.apply(t)));
    }

    /**
     * Runs {@code exchange(timeout)} until it is not a transient failure or nothing more is allowed; {@code signal}
     * says what each exchange tells the concurrency limit (an answer, or none).
     */
    <T> Result<T> run(Function<Duration, T> exchange, Predicate<T> transientFailure,
                      Function<T, ConcurrencyLimiter.Outcome> signal) {
        long t0 = System.nanoTime();
        Instant started = null;
        T last = null;
        int n = 0;
        while (n < policy.retry().maxAttempts()) {
            Duration timeout = ItemDispatch.timeout(policy.timeout(), clock, deadline);
            if (timeout.isNegative() || timeout.isZero()) {
                break;
            }
            ConcurrencyLimiter.Permit permit = null;
            if (slot != null) {
                permit = slot.take(Duration.between(clock.instant(), deadline));
                timeout = ItemDispatch.timeout(policy.timeout(), clock, deadline);
                if (permit == null || timeout.isNegative() || timeout.isZero()) {
                    if (permit != null) {
                        slot.give(permit, ConcurrencyLimiter.Outcome.UNUSED, 0);
                    }
                    break; // the deadline passed while waiting for a slot
                }
            }
            if (started == null) {
                started = clock.instant();
            }
            n++;
            long sent = System.nanoTime();
            ConcurrencyLimiter.Outcome said = ConcurrencyLimiter.Outcome.NO_ANSWER;
            try {
                last = exchange.apply(timeout);
                said = signal.apply(last);
            } finally {
                if (permit != null) {
                    slot.give(permit, said, System.nanoTime() - sent);
                }
            }
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
