package io.phonectl.sim.cucm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * RisPort's cluster-wide limit: a count of answered requests that starts again every minute; requests refused for
 * the rate do not count (as Cisco's developers describe the throttle). The clock is injected so tests move time.
 */
final class RateLimiter {

    static final Duration WINDOW = Duration.ofMinutes(1);

    private final Clock clock;
    private final int perMinute;
    private Instant windowStart;
    private int count;

    RateLimiter(Clock clock, int perMinute) {
        this.clock = clock;
        this.perMinute = perMinute;
    }

    synchronized boolean tryAcquire() {
        Instant now = clock.instant();
        if (windowStart == null || !now.isBefore(windowStart.plus(WINDOW))) {
            windowStart = now;
            count = 0;
        }
        if (count >= perMinute) {
            return false;
        }
        count++;
        return true;
    }

    int perMinute() {
        return perMinute;
    }
}
