package io.phonectl.client.xapi;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs its tasks one at a time, in the order given, on threads of a pool shared with other such executors: one
 * client's listeners keep their order (and may block) without a thread of their own per client. A task that throws
 * an exception is reported to the running thread's uncaught-exception handler and the next one runs.
 */
final class SerialExecutor implements Executor {

    private final Executor pool;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    /** Whether a drain is queued or running on the pool: at most one at a time. */
    private boolean draining;

    SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            tasks.add(task);
            if (draining) {
                return;
            }
            draining = true;
        }
        try {
            pool.execute(this::drain);
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                tasks.clear(); // the pool is shut down: so are the clients that used it
                draining = false;
            }
            throw e;
        }
    }

    private void drain() {
        boolean ended = false;
        try {
            while (true) {
                Runnable next;
                synchronized (this) {
                    next = tasks.poll();
                    if (next == null) {
                        draining = false;
                        ended = true;
                        return;
                    }
                }
                try {
                    next.run();
                } catch (RuntimeException e) {
                    Thread t = Thread.currentThread();
                    t.getUncaughtExceptionHandler().uncaughtException(t, e);
                }
            }
        } finally {
            if (!ended) {
                synchronized (this) {
                    draining = false; // an Error left the loop: the next task given starts a drain again
                }
            }
        }
    }
}
