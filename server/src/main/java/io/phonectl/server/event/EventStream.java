package io.phonectl.server.event;

import io.phonectl.server.http.ApiException;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * A live stream of events for one reader, independent of the wire format: first what the table holds after the
 * reader's position (the backlog, read in pages), then live events from a bounded {@link Subscription}, each event
 * exactly once and in id order; a heartbeat while idle. It ends when the reader goes away (the sink throws), when
 * it falls too far behind (overflow: it resumes from the table with its last id) or when the server stops.
 */
public final class EventStream {

    static final int PAGE = 500;

    /** Where a stream writes; both methods may block (the client's TCP window) and throw when it is gone. */
    public interface Sink {
        void event(Event e) throws IOException;

        void comment(String text) throws IOException;
    }

    /** How a stream ended. */
    public enum End { CLIENT_GONE, OVERFLOW, SERVER_STOPPING }

    private final EventService events;
    private final EventsConfig config;

    public EventStream(EventService events, EventsConfig config) {
        this.events = events;
        this.config = config;
    }

    /**
     * Where a reader starts: after {@code lastEventId} when it resumes; from the start of the job when it asks for
     * a job's events; otherwise from now on.
     */
    public long start(EventFilter filter, Long lastEventId) {
        if (lastEventId != null) {
            return lastEventId;
        }
        return filter.byJob() ? 0 : -1;
    }

    /** Refuses a new reader when the stream has its most readers (before the answer starts). */
    public void admit() {
        if (events.hub().subscribers() >= config.maxSubscribers()) {
            throw new ApiException.Unavailable("the event stream has " + config.maxSubscribers()
                    + " readers, its limit (maxSubscribers); try again later");
        }
    }

    /**
     * Streams until the reader leaves, falls behind or the server stops.
     *
     * @param after the last id the reader has, 0 for everything the filter selects, -1 for "from now on"
     */
    public End run(EventFilter filter, long after, Sink sink) throws InterruptedException {
        try (Subscription live = events.hub().subscribe(filter, config.subscriberQueue())) {
            long last = after >= 0 ? after : events.lastId();
            try {
                sink.comment("phonectl events after " + last);
                last = backlog(filter, last, sink);
                while (true) {
                    switch (live.next(config.heartbeat())) {
                        case Subscription.Next.Got got -> {
                            if (got.event().id() > last) {
                                sink.event(got.event());
                                last = got.event().id();
                            }
                        }
                        case Subscription.Next.Idle idle -> sink.comment("heartbeat");
                        case Subscription.Next.Overflowed o -> {
                            sink.comment("behind by more than " + config.subscriberQueue()
                                    + " events: reconnect with Last-Event-ID " + last);
                            return End.OVERFLOW;
                        }
                        case Subscription.Next.Closed c -> {
                            return End.SERVER_STOPPING;
                        }
                    }
                }
            } catch (IOException e) {
                return End.CLIENT_GONE;
            }
        }
    }

    private long backlog(EventFilter filter, long after, Sink sink) throws IOException {
        long last = after;
        while (true) {
            List<Event> page = events.after(filter, last, PAGE);
            for (Event e : page) {
                sink.event(e);
                last = e.id();
            }
            if (page.size() < PAGE) {
                return last;
            }
        }
    }
}
