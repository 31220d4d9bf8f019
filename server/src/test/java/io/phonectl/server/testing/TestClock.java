package io.phonectl.server.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests move by hand (throttling, expiry) instead of waiting. It stands still unless made {@link #running()},
 * when it goes on like the system's clock (plus what it was moved by): for pictures whose timings should be real.
 */
public final class TestClock implements InstantSource {

    private final AtomicReference<Instant> now;
    private final boolean running;
    private final long startNanos = System.nanoTime();

    public TestClock(Instant start) {
        this(start, false);
    }

    private TestClock(Instant start, boolean running) {
        this.now = new AtomicReference<>(start);
        this.running = running;
    }

    public static TestClock atSystemTime() {
        return new TestClock(Instant.now());
    }

    /** A clock that goes on by itself (and can still be moved forward). */
    public static TestClock running() {
        return new TestClock(Instant.now(), true);
    }

    @Override
    public Instant instant() {
        Instant t = now.get();
        return running ? t.plusNanos(System.nanoTime() - startNanos) : t;
    }

    public void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }
}
