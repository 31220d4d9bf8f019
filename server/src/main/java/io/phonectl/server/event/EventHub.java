package io.phonectl.server.event;

import java.util.List;

/**
 * Hands committed events to live readers. In one process the event service publishes what it has just committed;
 * with several replicas (issue 13) a PostgreSQL LISTEN/NOTIFY wake-up reads the new rows and publishes them here,
 * behind the same interface. Thread-safe; {@link #publish} never blocks on a reader.
 */
public interface EventHub extends AutoCloseable {

    /** A new reader's bounded queue of live events that match {@code filter}. */
    Subscription subscribe(EventFilter filter, int capacity);

    /** Offers committed events, in id order, to every matching reader. */
    void publish(List<Event> committed);

    /** Readers right now (the SSE subscribers gauge). */
    int subscribers();

    /** Ends every subscription (readers see {@link Subscription.Next.Closed}). */
    @Override
    void close();

    /** The in-process hub. */
    static EventHub local() {
        return new LocalEventHub();
    }
}
