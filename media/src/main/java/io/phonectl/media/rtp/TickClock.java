package io.phonectl.media.rtp;

import java.util.concurrent.locks.LockSupport;

/** The tick thread's view of time; replaced in tests so the schedule can be checked without real timing. */
interface TickClock {
    long nanoTime();

    void parkNanos(long nanos);

    TickClock SYSTEM = new TickClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void parkNanos(long nanos) {
            LockSupport.parkNanos(nanos);
        }
    };
}
