package io.phonectl.client.fleet;

import java.time.Duration;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/** Counts a run's progress and hands snapshots to the listener, one call at a time. */
final class ProgressTracker {

    private final int total;
    private final long start;
    private final FleetListener listener;
    private final LongSupplier nanoTime;
    private final IntSupplier limit;
    private int done;
    private int succeeded;
    private int failed;
    private int notSent;
    private int inFlight;
    private int retries;

    ProgressTracker(int total, long start, FleetListener listener, LongSupplier nanoTime, IntSupplier limit) {
        this.total = total;
        this.start = start;
        this.listener = listener;
        this.nanoTime = nanoTime;
        this.limit = limit;
    }

    synchronized void started(boolean retry) {
        inFlight++;
        if (retry) {
            retries++;
        }
    }

    synchronized void stopped() {
        inFlight--;
    }

    synchronized void finished(PhoneResult r) {
        done++;
        if (r.outcome().succeeded()) {
            succeeded++;
        } else if (r.attempts() == 0) {
            notSent++;
        } else {
            failed++;
        }
        FleetProgress snapshot = snapshot();
        try {
            listener.onResult(r, snapshot);
        } catch (RuntimeException e) {
            // a listener's failure must not cost a phone its outcome
        }
    }

    synchronized FleetProgress snapshot() {
        long elapsedNanos = nanoTime.getAsLong() - start;
        double seconds = Math.max(1e-9, elapsedNanos / 1e9);
        double rate = done / seconds;
        Duration eta = done == 0 ? null : Duration.ofMillis((long) ((total - done) / rate * 1000));
        return new FleetProgress(total, done, succeeded, failed, notSent, Math.max(0, inFlight), limit.getAsInt(),
                retries, Duration.ofNanos(elapsedNanos), rate, eta);
    }
}
