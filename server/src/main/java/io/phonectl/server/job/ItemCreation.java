package io.phonectl.server.job;

import io.phonectl.server.db.Database;
import io.phonectl.server.db.Sql;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Json;
import io.phonectl.server.job.ItemTargets.Cond;
import io.phonectl.server.replica.Replicas;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;

/**
 * A job's items, one per target device in device-id order, inserted in chunks: the first chunk commits with the job's
 * row, so the job can start sending at once, and the rest follow in transactions of their own while it sends. A
 * 10,000-item job inserted in one transaction held its first send back by 120–400 ms (JobBench, docs/BENCHMARKS.md,
 * issue 10).
 * <p>
 * While items are still being inserted the job's {@code creating_by} names the replica inserting them and
 * {@code created_through} the last device id inserted; the job cannot finish (JobStore.finish) and its runs wait for
 * more items instead of ending. When that replica dies (or stops) in the middle, whichever run looks next
 * ({@link #resumeIfOrphaned}) takes the creation over and inserts the target's devices after
 * {@code created_through}: each device gets one item however often creation is taken over, because a chunk and
 * the progress it records commit together.
 */
final class ItemCreation {

    private static final Logger LOG = LoggerFactory.getLogger(ItemCreation.class);

    /** Items inserted with the job's row. */
    static final int FIRST = 256;
    /** Items per later transaction. */
    static final int CHUNK = 2_000;

    private final Database db;
    private final Replicas replicas;
    private final ItemTargets targets;
    private final LongConsumer added;
    private final InstantSource clock;
    private final int first;
    private final int chunk;
    /** Jobs whose creation a thread of this replica is doing now. */
    private final Set<Long> active = ConcurrentHashMap.newKeySet();

    /** @param added told after each chunk commits (the job's runs and the worker look for the new items) */
    ItemCreation(Database db, Replicas replicas, ItemTargets targets, InstantSource clock, LongConsumer added) {
        this(db, replicas, targets, clock, added, FIRST, CHUNK);
    }

    ItemCreation(Database db, Replicas replicas, ItemTargets targets, InstantSource clock, LongConsumer added,
                 int first, int chunk) {
        this.clock = clock;
        this.db = db;
        this.replicas = replicas;
        this.targets = targets;
        this.added = added;
        this.first = first;
        this.chunk = Math.min(chunk, ItemTargets.IDS_PER_STATEMENT);
    }

    /** A job just stored with its first chunk: its id, the target's size, whether more items are to come. */
    record Started(long id, int total, Long through, boolean more, Cond cond, Instant queuedAt) {
    }

    /** What one chunk inserted: the last device id it covers, and whether devices are left after it. */
    private record Step(Long through, boolean more) {
    }

    /**
     * In the caller's transaction: the job's row (queued, its total the target's size now) and its first chunk of
     * items. The caller then commits, tells of the job, and calls {@link #complete}; until that returns (or the
     * transaction rolls back) this replica counts a creation with more to come as its own.
     */
    Started start(Handle h, String name, String action, JobSpec spec, JobOptions options, ObjectNode target,
                  String actor, Long retryOf, Cond cond, Instant now) {
        long n = 0;
        if (cond.ids() != null) {
            n = cond.ids().size();
        } else {
            n = Sql.bind(h.createQuery("SELECT count(*) FROM devices d WHERE " + cond.sql()), cond.args())
                    .mapTo(Long.class).one();
        }
        if (n == 0) {
            throw new ApiException.Invalid("target", target.toString(), "selects at least one device");
        }
        if (n > targets.maxItems()) {
            throw targets.tooMany(n);
        }
        long id = h.createUpdate("INSERT INTO jobs (name, state, action, spec, options, target, total, created_by, "
                        + "created_at, retry_of, creating_by) VALUES (?, 'queued', ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .bind(0, name).bind(1, action).bind(2, Json.mapper().writeValueAsString(spec))
                .bind(3, Json.mapper().writeValueAsString(options)).bind(4, target.toString()).bind(5, (int) n)
                .bind(6, actor).bind(7, Sql.ts(now)).bind(8, retryOf).bind(9, replicas.id())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        Step s = insert(h, id, now, cond, null, first);
        int recorded = record(h, id, s);
        if (s.more()) {
            active.add(id); // before the commit: a run that starts then must not take the creation over
            h.afterRollback(() -> forget(id));
        }
        return new Started(id, s.more() ? (int) n : recorded, s.through(), s.more(), cond, now);
    }

    /** The creation is no longer this replica's thread's ({@link #start}'s transaction rolled back). */
    void forget(long jobId) {
        active.remove(jobId);
    }

    /**
     * Inserts the rest of a started job's items, a chunk per transaction, then marks its creation complete (its
     * total the items it has). A failure is logged and left to {@link #resumeIfOrphaned} (the job's next run).
     */
    void complete(Started s) {
        try {
            if (s.more()) {
                rest(s.id(), s.cond(), s.through(), s.queuedAt());
            }
        } catch (RuntimeException e) {
            LOG.warn("job {}: inserting its items failed ({}); the job's next run takes it over", s.id(), e.toString());
        } finally {
            active.remove(s.id());
            added.accept(s.id());
        }
    }

    /**
     * Whether the job's items are still being inserted by a live creator (this replica's thread, or another live
     * replica): its runs wait for them. False when complete, or when the creator is gone (the next run takes over).
     */
    boolean open(long jobId) {
        if (active.contains(jobId)) {
            return true;
        }
        return db.jdbi().withHandle(h -> h.createQuery("SELECT creating_by IS NOT NULL AND creating_by <> ? AND "
                        + replicas.aliveSql("jobs.creating_by") + " FROM jobs WHERE id = ?")
                .bind(0, replicas.id()).bind(1, jobId).mapTo(Boolean.class).findOne().orElse(false));
    }

    /**
     * Takes over and completes the creation of a job whose creator is gone (its replica dead or stopped, or this
     * replica with no thread creating it); true when this call did it.
     */
    boolean resumeIfOrphaned(long jobId) {
        if (!active.add(jobId)) {
            return false;
        }
        try {
            record Orphan(Long through, String target, Instant createdAt) {
            }
            Orphan o = db.jdbi().inTransaction(h -> h.createQuery("SELECT created_through, target, created_at FROM jobs "
                            + "WHERE id = ? AND creating_by IS NOT NULL AND (creating_by = ? OR NOT "
                            + replicas.aliveSql("jobs.creating_by") + ") FOR UPDATE").bind(0, jobId)
                    .bind(1, replicas.id())
                    .map((rs, ctx) -> new Orphan(Sql.longOrNull(rs, "created_through"), rs.getString("target"),
                            Sql.instant(rs, "created_at")))
                    .findOne()
                    .map(found -> {
                        h.createUpdate("UPDATE jobs SET creating_by = ? WHERE id = ?").bind(0, replicas.id())
                                .bind(1, jobId).execute();
                        return found;
                    })
                    .orElse(null));
            if (o == null) {
                return false;
            }
            LOG.info("job {}: its creator stopped while inserting its items (through device {}); replica {} inserts "
                    + "the rest", jobId, o.through(), replicas.id());
            Cond cond = db.jdbi().withHandle(h -> targets.stored(h, o.target()));
            rest(jobId, cond, o.through(), o.createdAt());
            return true;
        } finally {
            active.remove(jobId);
            added.accept(jobId);
        }
    }

    /** This creation is no longer this replica's (taken over): the chunk in hand rolls back. */
    private static final class TakenOver extends RuntimeException {
        TakenOver() {
            super(null, null, false, false);
        }
    }

    /**
     * Chunks after {@code through}, each committed with its progress, the last one marking the creation complete.
     * The job's row is locked after a chunk's insert, not before: a cancel commits either before (then the chunk
     * ends its own items cancelled) or after it (then the cancel sees them), and the run's updates of the job's row
     * wait only for the chunk's commit, not its insert.
     */
    private void rest(long jobId, Cond cond, Long through, Instant queuedAt) {
        Long after = through;
        while (true) {
            Long from = after;
            Step s;
            try {
                s = db.jdbi().inTransaction(h -> {
                    Step step = insert(h, jobId, queuedAt, cond, from, chunk);
                    record Row(String creatingBy, boolean cancel) {
                    }
                    Row row = h.createQuery("SELECT creating_by, cancel_requested FROM jobs WHERE id = ? FOR UPDATE")
                            .bind(0, jobId).map((rs, ctx) -> new Row(rs.getString(1), rs.getBoolean(2))).findOne()
                            .orElse(null);
                    if (row == null || !replicas.id().equals(row.creatingBy())) {
                        throw new TakenOver(); // deleted, or taken over (this replica was taken for dead)
                    }
                    if (row.cancel()) {
                        JobStore.finishPending(h, jobId, Outcomes.CANCELLED, "not sent: the job was cancelled",
                                clock.instant());
                    }
                    record(h, jobId, step);
                    return step;
                });
            } catch (TakenOver e) {
                return;
            }
            added.accept(jobId);
            if (!s.more()) {
                return;
            }
            after = s.through();
        }
    }

    /**
     * Inserts the target's next {@code size} devices after {@code after} (null: from the first) in id order, as
     * pending items.
     */
    private static Step insert(Handle h, long jobId, Instant queuedAt, Cond cond, Long after, int size) {
        long floor = after == null ? Long.MIN_VALUE : after;
        Cond part;
        Long through;
        boolean more;
        if (cond.ids() != null) {
            List<Long> ids = cond.ids();
            int from = Collections.binarySearch(ids, floor);
            from = from >= 0 ? from + 1 : -from - 1;
            int to = Math.min(ids.size(), from + size);
            if (from == to) {
                return new Step(after, false);
            }
            part = Cond.in(ids.subList(from, to));
            through = ids.get(to - 1);
            more = to < ids.size();
        } else {
            List<Object> args = new ArrayList<>(cond.args());
            args.add(floor);
            args.add(size + 1);
            List<Long> next = Sql.bind(h.createQuery("SELECT d.id FROM devices d WHERE (" + cond.sql() + ") AND d.id > ? "
                    + "ORDER BY d.id LIMIT ?"), args).mapTo(Long.class).list();
            if (next.isEmpty()) {
                return new Step(after, false);
            }
            more = next.size() > size;
            through = next.get(Math.min(size, next.size()) - 1);
            List<Object> range = new ArrayList<>(cond.args());
            range.add(floor);
            range.add(through);
            part = Cond.where("(" + cond.sql() + ") AND d.id > ? AND d.id <= ?", range);
        }
        List<Object> args = new ArrayList<>(List.of(jobId, Sql.ts(queuedAt)));
        args.addAll(part.args());
        Sql.bind(h.createUpdate("INSERT INTO job_items (job_id, device_id, name, address, model, kind, site, state, "
                + "queued_at) SELECT ?, d.id, d.name, d.address, d.model, d.kind, d.site, 'pending', ? FROM devices d "
                + "WHERE " + part.sql() + " ORDER BY d.id"), args).execute();
        return new Step(through, more);
    }

    /** Records a chunk: how far creation got, or (the last chunk) that it is complete; returns the job's total then. */
    private static int record(Handle h, long jobId, Step s) {
        if (s.more()) {
            h.createUpdate("UPDATE jobs SET created_through = ? WHERE id = ?").bind(0, s.through()).bind(1, jobId)
                    .execute();
            return -1;
        }
        int total = h.createQuery("SELECT count(*) FROM job_items WHERE job_id = ?").bind(0, jobId)
                .mapTo(Integer.class).one();
        h.createUpdate("UPDATE jobs SET total = ?, created_through = ?, creating_by = NULL WHERE id = ?")
                .bind(0, total).bind(1, s.through()).bind(2, jobId).execute();
        return total;
    }
}
