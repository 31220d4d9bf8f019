package io.phonectl.cli.sim;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Keeps started servers running until Ctrl-C: a shutdown hook stops them (in reverse order) and releases the
 * waiting command thread, so the JVM exits after a clean stop. The stop has a deadline: whatever holds it up (a
 * close that waits on a peer, a heap so full that every step is a garbage collection), the process is gone
 * {@link #STOP_DEADLINE} after the signal, as an operator expects of SIGTERM (issue 16).
 */
public final class Foreground {

    /** How long a clean stop may take before the process exits without it. */
    static final Duration STOP_DEADLINE = Duration.ofSeconds(5);
    /** What a process ended by SIGTERM reports (128 + 15), so scripts see the same status either way. */
    static final int SIGTERM_STATUS = 143;

    private Foreground() {
    }

    /** Blocks until the JVM is asked to stop (Ctrl-C, SIGTERM); then closes {@code resources}. */
    public static void hold(PrintWriter err, List<AutoCloseable> resources) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> stop(err, resources, stopped), "phonectl-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stopped.await();
    }

    /**
     * Closes on a thread of its own and waits for it at most {@link #STOP_DEADLINE}; past it, halts. Printing happens
     * on that thread too: a hook blocked on a full stderr pipe would hold the process as surely as a stuck close.
     */
    static void stop(PrintWriter err, List<AutoCloseable> resources, CountDownLatch stopped) {
        Thread closer = Thread.ofPlatform().daemon().name("phonectl-stop").start(() -> {
            closeAll(resources);
            err.println("phonectl: stopped");
            err.flush();
        });
        try {
            closer.join(STOP_DEADLINE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopped.countDown();
        if (closer.isAlive()) {
            Thread note = Thread.ofPlatform().daemon().start(() -> {
                err.println("phonectl: stopping took longer than " + STOP_DEADLINE.toSeconds() + " s; exiting without it");
                err.flush();
            });
            try {
                note.join(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(SIGTERM_STATUS);
        }
    }

    /** Closes in reverse order of start, ignoring failures (stopping: nothing more to do). */
    public static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                // stopping anyway
            }
        }
    }
}
