package io.phonectl.client.xsi;

import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SelectorManager;

import java.io.IOException;
import java.nio.channels.Selector;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;

/**
 * Jetty's selector without a wake-up per connect. Every connect hands its channel to the selector thread, and Jetty
 * wakes that thread from its {@code select} for it at once: a system call on each side and a thread switch per push,
 * the largest single cost of the client's own code (JFR, 10,000 phones). Here work handed over by other threads
 * waits in a queue of its own, and the selector thread runs it before each select; while exchanges are in flight it
 * selects with a timeout of {@link #PICKUP_MS}, so a connect waits at most that long (usually an answer's arrival
 * wakes the thread sooner). With nothing in flight it selects without a timeout, and the first hand-over wakes it as
 * Jetty would. A hand-over and the thread going to sleep may cross; both look at the other's side after writing their
 * own (queue, then flag; flag, then queue), so one of them always sees the other.
 */
final class WireSelector extends ManagedSelector {

    /** The longest a hand-over waits for the selector thread while exchanges are in flight. */
    static final long PICKUP_MS = 1;

    private final ConcurrentLinkedQueue<SelectorUpdate> handed = new ConcurrentLinkedQueue<>();
    private final BooleanSupplier busy;
    /** The selector thread is in (or about to enter) a select without a timeout. */
    private volatile boolean sleeping;
    private volatile Thread thread;

    WireSelector(SelectorManager manager, int id, BooleanSupplier busy) {
        super(manager, id);
        this.busy = busy;
    }

    @Override
    public void submit(SelectorUpdate update) {
        if (Thread.currentThread() == thread) {
            super.submit(update); // the selector's own: Jetty runs it before its next select, no wake-up needed
            return;
        }
        handed.add(update);
        if (sleeping) {
            Selector s = getSelector();
            if (s != null) {
                s.wakeup();
            }
        }
    }

    @Override
    protected int nioSelect(Selector selector, boolean now) throws IOException {
        thread = Thread.currentThread();
        runHanded(selector);
        if (now) {
            return selector.selectNow();
        }
        if (busy.getAsBoolean()) {
            return selector.select(PICKUP_MS);
        }
        sleeping = true;
        try {
            return handed.isEmpty() ? selector.select() : selector.selectNow();
        } finally {
            sleeping = false;
        }
    }

    /** Runs what other threads handed over, on the selector thread, as Jetty runs its own updates. */
    private void runHanded(Selector selector) {
        SelectorUpdate u;
        while ((u = handed.poll()) != null) {
            try {
                u.update(selector);
            } catch (RuntimeException e) {
                // Jetty's updates fail their own connection (a connect's channel closed meanwhile); the loop goes on
            }
        }
    }
}
