package io.phonectl.cli.sim;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Keeps started servers running until Ctrl-C: a shutdown hook stops them (in reverse order) and releases the
 * waiting command thread, so the JVM exits after a clean stop.
 */
public final class Foreground {

    private Foreground() {
    }

    /** Blocks until the JVM is asked to stop (Ctrl-C, SIGTERM); then closes {@code resources}. */
    public static void hold(PrintWriter err, List<AutoCloseable> resources) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            closeAll(resources);
            err.println("phonectl: stopped");
            err.flush();
            stopped.countDown();
        }, "phonectl-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stopped.await();
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
