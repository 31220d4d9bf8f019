package io.phonectl.client.cucm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Keeps RisPort requests within a per-minute budget: at most {@code perMinute} requests in any 61 s (a second more
 * than CUCM's minute, so clock differences cannot tip a request over), and nothing before a back-off after a rate
 * fault has passed. Time comes from a clock and waiting from a {@link Sleeper}, both injected, so tests run without
 * waiting a real minute.
 *
 * <p>Thread-safe, so that one gate can stand for a whole cluster: RisPort's limit is the cluster's, not a client's,
 * and discoveries of several sources on one cluster share it. A request's time is reserved under the lock before the
 * caller sleeps (outside it), in first-come order, so two callers never plan the same free slot.
 */
public final class RateGate {

    static final Duration WINDOW = Duration.ofSeconds(61);

    /** How the gate waits; tests pass one that moves their clock. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;

        static Sleeper real() {
            return d -> Thread.sleep(d);
        }
    }

    private final int perMinute;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ReentrantLock lock = new ReentrantLock();
    /** Reserved request times, oldest first; the newest may lie ahead of now (a caller waiting for it). */
    private final Deque<Instant> sent = new ArrayDeque<>();
    private Instant notBefore = Instant.MIN;
    private Duration waited = Duration.ZERO;

    public RateGate(int perMinute, Clock clock, Sleeper sleeper) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("perMinute = " + perMinute + ": must be at least 1");
        }
        this.perMinute = perMinute;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public int perMinute() {
        return perMinute;
    }

    /** Waits until one more request fits, telling {@code announce} how long first; returns the wait. */
    public Duration acquire(Consumer<Duration> announce) throws InterruptedException {
        Instant now;
        Instant at;
        lock.lock();
        try {
            now = clock.instant();
            while (!sent.isEmpty() && !sent.peekFirst().plus(WINDOW).isAfter(now)) {
                sent.removeFirst();
            }
            at = now;
            if (!sent.isEmpty() && sent.peekLast().isAfter(at)) {
                at = sent.peekLast(); // first come, first served: never before a request reserved earlier
            }
            if (sent.size() >= perMinute) {
                // the deque holds the last perMinute requests: the oldest must have left the window
                Instant freed = sent.peekFirst().plus(WINDOW);
                at = freed.isAfter(at) ? freed : at;
            }
            if (notBefore.isAfter(at)) {
                at = notBefore;
            }
            sent.addLast(at);
            while (sent.size() > perMinute) {
                sent.removeFirst();
            }
        } finally {
            lock.unlock();
        }
        Duration wait = Duration.between(now, at);
        if (wait.isZero() || wait.isNegative()) {
            return Duration.ZERO;
        }
        announce.accept(wait);
        sleeper.sleep(wait);
        lock.lock();
        try {
            waited = waited.plus(wait);
        } finally {
            lock.unlock();
        }
        return wait;
    }

    /** After a rate fault (someone else used the cluster's budget): nothing goes for {@code d}. */
    public void backOff(Duration d) {
        lock.lock();
        try {
            Instant until = clock.instant().plus(d);
            notBefore = until.isAfter(notBefore) ? until : notBefore;
        } finally {
            lock.unlock();
        }
    }

    /** Total time callers spent waiting so far (summed over callers: two waiting together count twice). */
    public Duration waited() {
        lock.lock();
        try {
            return waited;
        } finally {
            lock.unlock();
        }
    }
}
