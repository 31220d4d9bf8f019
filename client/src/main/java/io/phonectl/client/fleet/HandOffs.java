package io.phonectl.client.fleet;

import java.util.ArrayDeque;

/**
 * Runs the callbacks of granted permit requests one after another on the current thread. A callback sends; a send
 * that fails at once releases its permit, which grants the next request, whose callback would run inside the first:
 * ten thousand phones that all fail at once would nest ten thousand deep. Here a callback run from inside another is
 * queued and run when the outer one returns.
 */
final class HandOffs {

    private static final ThreadLocal<ArrayDeque<Runnable>> RUNNING = new ThreadLocal<>();

    private HandOffs() {
    }

    static void run(Runnable callback) {
        ArrayDeque<Runnable> queue = RUNNING.get();
        if (queue != null) {
            queue.addLast(callback);
            return;
        }
        queue = new ArrayDeque<>();
        RUNNING.set(queue);
        RuntimeException first = null;
        try {
            Runnable next = callback;
            while (next != null) {
                try {
                    next.run();
                } catch (RuntimeException e) {
                    // the queued callbacks hold granted permits: run them all, then report the first failure
                    first = first == null ? e : first;
                }
                next = queue.pollFirst();
            }
        } finally {
            RUNNING.remove();
        }
        if (first != null) {
            throw first;
        }
    }
}
