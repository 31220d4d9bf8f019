package io.phonectl.client.fleet;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * One site's adaptive limit: a latency gradient on the median of each window of answers. The median, not the mean:
 * a tenth of phones that answer slowly (a busy phone, a clip that holds the answer) must not read as congestion,
 * and they do not move a median. Timeouts and refusals give no sample at all (a dead phone says nothing about
 * load; it only holds its slot for the connect timeout, which is why the limit has to be able to grow past it).
 *
 * <ul>
 *   <li>Growth: while the last window was within bounds, each answer raises the limit by one (it doubles per round
 *   trip, as TCP's slow start), as long as at least half of it has been in use in this window.</li>
 *   <li>At the end of each window (half the limit's worth of answers, 16..256) the window's median {@code m} is
 *   compared with the lowest median seen, {@code base} (which drifts up towards a higher median with a time constant
 *   of a minute, so that a changed path does not pin the limit forever, while a broadcast of seconds keeps its base):
 *   {@code gradient = min(1, (tolerance * base + slack) / m)}, at least 0.5.
 *   Below 1 the limit moves half of the way to {@code limit * gradient} (a quarter down at most) and stops growing
 *   until a window is within bounds again.</li>
 * </ul>
 * It grows fast and comes back fast on purpose: each phone is a server of its own, so what a limit protects is the
 * path and this machine, and a latency rise caused by other work on the machine must not leave the limit low for
 * long (a first version that then grew by its square root per window stalled at its floor on a loaded machine).
 * Not thread-safe: the {@link ConcurrencyLimiter} calls it under its lock.
 */
final class GradientLimit {

    /** Latency below a few milliseconds is scheduling noise, not load. */
    static final long SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    static final int MIN_WINDOW = 16;
    static final int MAX_WINDOW = 256;
    /** How far the limit moves towards a lower target per window: at the steepest gradient, by a quarter. */
    static final double SMOOTHING = 0.5;
    /** The time constant of the base median's drift towards higher medians. */
    static final long DRIFT_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final LimiterConfig config;
    private double limit;
    private boolean growing = true;
    private long base;
    private final long[] window = new long[MAX_WINDOW];
    private int count;
    private int windowSize;
    private int busiest;
    private long windowStart = Long.MIN_VALUE;

    GradientLimit(LimiterConfig config) {
        this.config = config;
        this.limit = config.initial();
        this.windowSize = windowFor(limit);
    }

    int current() {
        return (int) limit;
    }

    boolean growing() {
        return growing;
    }

    /**
     * How long an exchange may run before it is a straggler: twice the latency this site is allowed (tolerance times
     * its lowest median, plus the slack); never, until a first window has given a median.
     */
    long stragglerNanos() {
        return base == 0 ? Long.MAX_VALUE : (long) (2 * (config.tolerance() * base + SLACK_NANOS));
    }

    /** A permit was granted, leaving {@code inFlight} exchanges of the site running: how much of the limit is used. */
    void granted(int inFlight) {
        busiest = Math.max(busiest, inFlight);
    }

    /** An answer after {@code latencyNanos} at {@code now}; {@code inFlight} exchanges of the site still run. */
    void sample(long latencyNanos, int inFlight, long now) {
        if (windowStart == Long.MIN_VALUE) {
            windowStart = now;
        }
        if (growing && busiest * 2 >= limit) {
            limit = Math.min(config.siteCeiling(), limit + 1);
        }
        window[count++] = Math.max(0, latencyNanos);
        if (count >= windowSize) {
            endWindow(inFlight, now);
        }
    }

    private void endWindow(int inFlight, long now) {
        long[] sorted = Arrays.copyOf(window, count);
        Arrays.sort(sorted);
        long median = sorted[(count - 1) / 2];
        if (base == 0 || median < base) {
            base = Math.max(1, median);
        } else {
            base += (long) ((median - base) * Math.min(1.0, (now - windowStart) / (double) DRIFT_NANOS));
        }
        windowStart = now;
        double gradient = Math.max(0.5, Math.min(1.0, (config.tolerance() * base + SLACK_NANOS) / Math.max(1, median)));
        growing = gradient >= 1.0;
        if (!growing) {
            limit += SMOOTHING * (limit * gradient - limit);
        }
        limit = Math.max(config.min(), Math.min(config.siteCeiling(), limit));
        count = 0;
        busiest = inFlight;
        windowSize = windowFor(limit);
    }

    private static int windowFor(double limit) {
        return (int) Math.max(MIN_WINDOW, Math.min(MAX_WINDOW, limit / 2));
    }
}
