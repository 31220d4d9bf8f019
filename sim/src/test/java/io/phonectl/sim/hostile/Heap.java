package io.phonectl.sim.hostile;

import static org.assertj.core.api.Assertions.assertThat;

/** The heap of the small-heap JVM that {@link SmallHeap} tests need. */
final class Heap {

    /** The largest heap the small-heap execution gives; a bigger one would hide an unbounded read. */
    static final long MAX = 128L << 20;

    private Heap() {
    }

    /** Heap in use after a full collection (the JVM may ignore the request; it rarely does with the default GC). */
    static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /** Fails unless this JVM has the small heap. */
    static void checkSmall() {
        assertThat(Runtime.getRuntime().maxMemory())
                .as("hostile-peer tests run in the small-heap JVM (-Xmx64m); this one has more")
                .isLessThanOrEqualTo(MAX);
    }
}
