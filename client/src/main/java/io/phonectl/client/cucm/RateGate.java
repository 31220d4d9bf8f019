package io.phonectl.client.cucm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Keeps RisPort requests within a per-minute budget: at most {@code perMinute} requests in any 61 s (a second more
 * than CUCM's minute, so clock differences cannot tip a request over), and nothing before a back-off after a rate
 * fault has passed. Time comes from a clock and waiting from a {@link Sleeper}, both injected, so tests run without
 * waiting a real minute. Not thread-safe: one discovery asks RisPort one request at a time.
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
    private final Deque<Instant> sent = new ArrayDeque<>();
    private Instant notBefore = Instant.MIN;
    private Duration waited = Duration.ZERO;

    public RateGate(int perMinute, Clock clock, Sleeper sleeper) {
        this.perMinute = perMinute;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Waits until one more request fits, telling {@code announce} how long first; returns the wait. */
    public Duration acquire(Consumer<Duration> announce) throws InterruptedException {
        Instant now = clock.instant();
        while (!sent.isEmpty() && !sent.peekFirst().plus(WINDOW).isAfter(now)) {
            sent.removeFirst();
        }
        Instant at = now;
        if (sent.size() >= perMinute) {
            at = sent.peekFirst().plus(WINDOW);
        }
        if (notBefore.isAfter(at)) {
            at = notBefore;
        }
        Duration wait = Duration.between(now, at);
        if (!wait.isZero() && !wait.isNegative()) {
            announce.accept(wait);
            sleeper.sleep(wait);
            waited = waited.plus(wait);
        } else {
            wait = Duration.ZERO;
        }
        sent.addLast(clock.instant());
        while (sent.size() > perMinute) {
            sent.removeFirst();
        }
        return wait;
    }

    /** After a rate fault (someone else used the cluster's budget): nothing goes for {@code d}. */
    public void backOff(Duration d) {
        notBefore = clock.instant().plus(d);
    }

    /** Total time spent waiting so far. */
    public Duration waited() {
        return waited;
    }
}
