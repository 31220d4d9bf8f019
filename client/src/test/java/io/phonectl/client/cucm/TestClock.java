package io.phonectl.client.cucm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the simulated CUCM and the discovery share; the discovery's waits move it instead of sleeping. */
final class TestClock extends Clock {
    private volatile Instant now = Instant.parse("2026-03-02T09:00:00Z");
    volatile Duration slept = Duration.ZERO;

    synchronized void advance(Duration d) {
        now = now.plus(d);
    }

    RateGate.Sleeper sleeper() {
        return d -> {
            slept = slept.plus(d);
            advance(d);
        };
    }

    @Override public ZoneId getZone() { return ZoneOffset.UTC; }

    @Override public Clock withZone(ZoneId zone) { return this; }

    @Override public Instant instant() { return now; }
}
