package io.phonectl.server.job;

import io.phonectl.client.fleet.ConcurrencyLimiter;
import io.phonectl.client.fleet.ConcurrencyLimiter.Permit;

import java.time.Duration;

/**
 * One item's place in its run's concurrency limit: the permit its run took for it before handing it out (the first
 * exchange's), and for each further exchange (a retry) one more from the same site, waited for. A permit is held
 * for one exchange only, never over a retry's backoff. Used by one thread, the item's.
 */
final class ItemSlot {

    private final ConcurrencyLimiter limiter;
    private final String site;
    private final Runnable freed;
    private Permit first;

    /** @param freed told after each permit is given back (the run then hands out what waits) */
    ItemSlot(ConcurrencyLimiter limiter, String site, Permit first, Runnable freed) {
        this.limiter = limiter;
        this.site = site;
        this.first = first;
        this.freed = freed;
    }

    /** The permit of the next exchange, or null when none came within {@code maxWait} (or the thread was stopped). */
    Permit take(Duration maxWait) {
        if (first != null) {
            Permit p = first;
            first = null;
            return p;
        }
        try {
            return limiter.acquire(site, maxWait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    void give(Permit p, ConcurrencyLimiter.Outcome outcome, long latencyNanos) {
        p.release(outcome, latencyNanos);
        freed.run();
    }

    /** Gives back the first permit if no exchange used it (the item ended before one: pre-flight, credentials). */
    void close() {
        if (first != null) {
            give(first, ConcurrencyLimiter.Outcome.UNUSED, 0);
            first = null;
        }
    }
}
