package io.phonectl.server.event;

import io.phonectl.server.db.Database;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * The event stream across replicas on PostgreSQL: one connection of this replica LISTENs on {@value #CHANNEL};
 * a notification only wakes it, and the events table is the content: it reads every row after the last one it
 * published, in id order, and delivers them to this replica's hub and live listeners. Appends are serialised cluster-wide (see
 * {@link EventService}), so reading "after the last id" never skips a late commit. A lost connection is opened
 * again and the rows committed meanwhile are read then: readers miss nothing.
 */
final class PgEventFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PgEventFeed.class);
    static final String CHANNEL = "phonectl_events";
    /** The advisory lock that orders appends across replicas (an arbitrary constant of this service). */
    static final long LOCK = 0x70686f6e65L;
    private static final int BATCH = 1000;
    /** A notification can be lost with its connection; this look catches up anyway. */
    private static final Duration LOOK = Duration.ofSeconds(1);

    private final Database db;
    private final EventService events;
    private final Thread thread;
    private volatile boolean closed;
    private long last;

    private PgEventFeed(Database db, EventService events) {
        this.db = db;
        this.events = events;
        this.last = events.lastId();
        this.thread = Thread.ofPlatform().daemon().name("phonectl-event-feed").unstarted(this::run);
    }

    static PgEventFeed start(Database db, EventService events) {
        PgEventFeed f = new PgEventFeed(db, events);
        f.thread.start();
        return f;
    }

    private void run() {
        boolean failing = false;
        while (!closed) {
            try (Connection c = db.dataSource().getConnection()) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                if (failing) {
                    LOG.info("event feed: listening again");
                    failing = false;
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                catchUp();
                while (!closed) {
                    pg.getNotifications((int) LOOK.toMillis());
                    catchUp();
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                if (!failing) {
                    LOG.warn("event feed: {}; live readers wait until the database answers", e.toString());
                    failing = true;
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** Publishes every committed event after the last one published. */
    private void catchUp() {
        while (true) {
            List<Event> batch = events.after(EventFilter.ALL, last, BATCH);
            if (batch.isEmpty()) {
                return;
            }
            events.deliver(batch);
            last = batch.getLast().id();
            if (batch.size() < BATCH) {
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        // the listening connection is the pool's: it goes back when the thread ends its wait (at most LOOK)
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
