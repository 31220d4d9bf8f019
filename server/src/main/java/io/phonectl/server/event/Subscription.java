package io.phonectl.server.event;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One reader's live events: a bounded queue the hub offers to without ever waiting. When the reader falls behind
 * by more than the capacity the subscription is marked overflowed and gets nothing more: the reader ends the
 * stream and the client resumes from the table with {@code Last-Event-ID}. Memory per reader never grows past the
 * capacity.
 */
public final class Subscription implements AutoCloseable {

    /** What {@link #next} found. */
    public sealed interface Next {
        record Got(Event event) implements Next {
        }

        /** Nothing within the wait: time for a heartbeat. */
        record Idle() implements Next {
        }

        /** The reader fell behind by more than the capacity; nothing more will come. */
        record Overflowed() implements Next {
        }

        /** The hub closed the subscription (the server stops). */
        record Closed() implements Next {
        }
    }

    private static final Event CLOSE = new Event(-1, null, "", null, null, "", null);

    private final EventFilter filter;
    private final BlockingQueue<Event> queue;
    private final Runnable onClose;
    private volatile boolean overflowed;
    private volatile boolean closed;

    Subscription(EventFilter filter, int capacity, Runnable onClose) {
        this.filter = filter;
        this.queue = new ArrayBlockingQueue<>(capacity + 1);
        this.onClose = onClose;
    }

    public EventFilter filter() {
        return filter;
    }

    /** Called by the hub for each committed event; never blocks. */
    void offer(Event e) {
        if (closed || overflowed || !filter.matches(e)) {
            return;
        }
        if (queue.remainingCapacity() <= 1 || !queue.offer(e)) {
            overflowed = true;
            queue.clear();
            queue.offer(CLOSE);
        }
    }

    /** Waits up to {@code wait} for the next live event. */
    public Next next(Duration wait) throws InterruptedException {
        if (overflowed) {
            return new Next.Overflowed();
        }
        Event e = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (overflowed) {
            return new Next.Overflowed();
        }
        if (e == null) {
            return closed ? new Next.Closed() : new Next.Idle();
        }
        return e == CLOSE ? new Next.Closed() : new Next.Got(e);
    }

    /** Ends the subscription from the hub's side (shutdown): a waiting reader wakes up. */
    void end() {
        closed = true;
        queue.offer(CLOSE);
    }

    public boolean overflowed() {
        return overflowed;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            onClose.run();
        }
    }
}
