package io.phonectl.server.event;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.phonectl.server.db.Database;
import io.phonectl.server.db.Writes;
import io.phonectl.server.db.Dialect;
import io.phonectl.server.db.Sql;
import io.phonectl.server.http.Cursor;
import io.phonectl.server.http.Json;
import io.phonectl.server.http.Page;
import io.phonectl.server.http.Paging;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The one writer and reader of the event stream. Appends are serialised in this process and, on PostgreSQL, across
 * replicas (a transaction-scoped advisory lock taken before the ids are drawn), so ids are committed in increasing
 * order and a reader that resumes after id N never misses an event committed later with a smaller id. On
 * PostgreSQL each append also notifies {@value PgEventFeed#CHANNEL}; every replica's {@link PgEventFeed} then
 * reads the new rows and publishes them to its hub, its own included, so live readers on any replica see events
 * of all.
 * Each append is one transaction (hooks such as webhook deliveries join it) and is then published to the live
 * hub. Hot producers (device callbacks, the audit trail) use {@link #appendLater}: a writer thread batches them.
 */
public final class EventService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventService.class);
    public static final int MAX_DATA_CHARS = 16_384;
    /** Queued {@link #appendLater} events; producers wait when it is full rather than grow memory. */
    static final int LATER_CAPACITY = 10_000;
    private static final int BATCH = 500;

    /** Work done inside the transaction that stores events (e.g. creating webhook deliveries). */
    @FunctionalInterface
    public interface TransactionHook {
        void stored(Handle h, List<Event> events);
    }

    private static final RowMapper<Event> EVENT = (rs, ctx) -> new Event(rs.getLong("id"),
            Sql.instant(rs, "occurred_at"), rs.getString("type"), Sql.longOrNull(rs, "job_id"),
            Sql.longOrNull(rs, "device_id"), rs.getString("actor"), Json.mapper().readTree(rs.getString("data")));

    private final Database db;
    private final InstantSource clock;
    private final EventHub hub;
    private final MeterRegistry meters;
    private final boolean shared;
    private final ReentrantLock order = new ReentrantLock();
    private final List<TransactionHook> hooks = new CopyOnWriteArrayList<>();
    private final List<Consumer<List<Event>>> committed = new CopyOnWriteArrayList<>();
    private final List<Consumer<List<Event>>> live = new CopyOnWriteArrayList<>();
    private final BlockingQueue<NewEvent> later = new LinkedBlockingQueue<>(LATER_CAPACITY);
    private final Thread writer;
    private volatile boolean closing;

    public EventService(Database db, InstantSource clock, EventHub hub, MeterRegistry meters) {
        this.db = db;
        this.clock = clock;
        this.hub = hub;
        this.meters = meters;
        this.shared = db.dialect() == Dialect.POSTGRESQL;
        Gauge.builder("phonectl.sse.subscribers", hub, EventHub::subscribers)
                .description("Server-Sent Events readers connected").register(meters);
        this.writer = Thread.ofVirtual().name("phonectl-event-writer").start(this::writeLater);
    }

    public EventHub hub() {
        return hub;
    }

    /** Joins every future append's transaction. */
    public void addTransactionHook(TransactionHook hook) {
        hooks.add(hook);
    }

    /**
     * Called with committed events as live readers get them: on this process's appends alone with one process, on
     * every replica's appends with several (from {@link PgEventFeed}); must return quickly.
     */
    public void onLive(Consumer<List<Event>> listener) {
        live.add(listener);
    }

    /** Committed events to the hub's readers and the {@link #onLive} listeners, in id order. */
    void deliver(List<Event> events) {
        hub.publish(events);
        for (Consumer<List<Event>> l : live) {
            try {
                l.accept(events);
            } catch (RuntimeException ex) {
                LOG.warn("live event listener failed: {}", ex.toString());
            }
        }
    }

    /** Called after each append commits (on the appender's thread, in id order). */
    public void onCommitted(Consumer<List<Event>> listener) {
        committed.add(listener);
    }

    public Event append(NewEvent e) {
        return appendAll(List.of(e)).getFirst();
    }

    /** Stores events in one transaction, in order, and publishes them. */
    public List<Event> appendAll(List<NewEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        order.lock();
        try {
            // the events table and the webhooks' deliveries alone, which no devices page reads: a job appends
            // several a second
            List<Event> stored = Writes.uncounted(() -> db.jdbi().inTransaction(h -> {
                if (shared) {
                    h.createQuery("SELECT pg_advisory_xact_lock(?)").bind(0, PgEventFeed.LOCK).mapTo(String.class)
                            .one();
                }
                List<Event> out = insert(h, events);
                for (TransactionHook hook : hooks) {
                    hook.stored(h, out);
                }
                if (shared) {
                    h.createQuery("SELECT pg_notify('" + PgEventFeed.CHANNEL + "', ?)")
                            .bind(0, Long.toString(out.getLast().id())).mapTo(String.class).one();
                }
                return out;
            }));
            if (!shared) {
                deliver(stored);
            }
            for (Consumer<List<Event>> l : committed) {
                try {
                    l.accept(stored);
                } catch (RuntimeException ex) {
                    LOG.warn("event listener failed: {}", ex.toString());
                }
            }
            for (Event e : stored) {
                Counter.builder("phonectl.events.appended").tag("type", family(e.type()))
                        .description("Events appended to the stream").register(meters).increment();
            }
            return stored;
        } finally {
            order.unlock();
        }
    }

    /** Queues an event for the batching writer (hot paths); waits only when {@value #LATER_CAPACITY} are queued. */
    public void appendLater(NewEvent e) {
        if (closing) {
            append(e);
            return;
        }
        try {
            later.put(e);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeLater() {
        List<NewEvent> batch = new ArrayList<>();
        while (!closing || !later.isEmpty()) {
            try {
                NewEvent first = later.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                later.drainTo(batch, BATCH - 1);
                appendAll(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("{} events could not be stored", batch.size(), e);
            }
            batch.clear();
        }
    }

    private List<Event> insert(Handle h, List<NewEvent> events) {
        var now = clock.instant();
        PreparedBatch batch = h.prepareBatch("INSERT INTO events (occurred_at, type, job_id, device_id, actor, data) "
                + "VALUES (?, ?, ?, ?, ?, ?)");
        List<String> data = new ArrayList<>(events.size());
        for (NewEvent e : events) {
            String json = capped(e.data());
            data.add(json);
            batch.bind(0, Sql.ts(now)).bind(1, e.type()).bind(2, e.job()).bind(3, e.device())
                    .bind(4, clip(e.actor(), 140)).bind(5, json).add();
        }
        List<Long> ids = batch.executePreparedBatch("id").mapTo(Long.class).list();
        List<Event> out = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            NewEvent e = events.get(i);
            out.add(new Event(ids.get(i), now, e.type(), e.job(), e.device(), clip(e.actor(), 140),
                    Json.mapper().readTree(data.get(i))));
        }
        return out;
    }

    /** The events after {@code afterId} that match, oldest first. */
    public List<Event> after(EventFilter filter, long afterId, int limit) {
        EventFilter.Where w = filter.where();
        return db.jdbi().withHandle(h -> {
            Query q = h.createQuery("SELECT * FROM events WHERE id > ? AND " + w.sql() + " ORDER BY id LIMIT ?");
            q.bind(0, afterId);
            Sql.bind(q, w.args(), 1);
            q.bind(w.args().size() + 1, limit);
            return q.map(EVENT).list();
        });
    }

    /** The newest matching events, newest first (the console's dashboard and device page). */
    public List<Event> latest(EventFilter filter, int limit) {
        EventFilter.Where w = filter.where();
        return db.jdbi().withHandle(h -> {
            Query q = h.createQuery("SELECT * FROM events WHERE " + w.sql() + " ORDER BY id DESC LIMIT ?");
            Sql.bind(q, w.args(), 0);
            q.bind(w.args().size(), limit);
            return q.map(EVENT).list();
        });
    }

    /** A page of matching events, oldest first; the cursor is the last id seen (for clients that poll). */
    public Page<Event> list(EventFilter filter, Paging paging) {
        long after = paging.cursor() == null ? 0 : paging.cursor().id();
        List<Event> rows = after(filter, after, paging.limit() + 1);
        EventFilter.Where w = filter.where();
        long total = db.jdbi().withHandle(h -> Sql.bind(h.createQuery("SELECT count(*) FROM events WHERE " + w.sql()),
                w.args(), 0).mapTo(Long.class).one());
        return Page.of(rows, paging.limit(), total, e -> new Cursor("", e.id()));
    }

    public java.util.Optional<Event> get(long id) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM events WHERE id = ?").bind(0, id).map(EVENT)
                .findOne());
    }

    /** Whether committed events reach the hub through the database (several replicas) rather than directly. */
    boolean shared() {
        return shared;
    }

    /** The newest committed id (0 when there is none). */
    public long lastId() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT coalesce(max(id), 0) FROM events").mapTo(Long.class).one());
    }

    /** Stops the batching writer after it stored what is queued. */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        hub.close();
    }

    private static String capped(ObjectNode data) {
        String json = Json.mapper().writeValueAsString(data);
        if (json.length() <= MAX_DATA_CHARS) {
            return json;
        }
        ObjectNode cut = Json.mapper().createObjectNode();
        cut.put("truncated", true);
        cut.put("bytes", json.getBytes(StandardCharsets.UTF_8).length);
        return Json.mapper().writeValueAsString(cut);
    }

    private static String family(String type) {
        int dot = type.indexOf('.');
        return dot < 0 ? type : type.substring(0, dot);
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
