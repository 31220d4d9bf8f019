package io.phonectl.client.fleet;

import java.util.concurrent.TimeUnit;

/**
 * A fleet push's view of time: deadlines, backoff between attempts and elapsed times. Replaced in tests so that
 * deadlines, retries and backoff are checked without waiting for real seconds (as media's RTP sender does).
 */
public interface FleetClock {

    /** Monotonic nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Waits {@code nanos} (a backoff); virtual threads park. */
    void sleep(long nanos) throws InterruptedException;

    FleetClock SYSTEM = new FleetClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(long nanos) throws InterruptedException {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
    };
}
