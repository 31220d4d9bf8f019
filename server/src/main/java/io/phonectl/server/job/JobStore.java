package io.phonectl.server.job;

import io.phonectl.server.db.Database;
import io.phonectl.server.db.DatabaseException;
import io.phonectl.server.db.Sql;
import io.phonectl.server.http.Json;
import io.phonectl.server.replica.Replicas;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The item state machine in SQL, written once for H2 and PostgreSQL. Every transition is a conditional UPDATE, so
 * an item reaches {@code final} exactly once: claims take only {@code pending} rows ({@link ItemClaims}: concurrent
 * claimers never take the same row), outcomes are written only onto
 * rows still {@code in_flight} under the writer's claim.
 */
final class JobStore {

    /** What a run found of a previous run that died: items sent again (resumed) and items ended INTERRUPTED. */
    record Recovery(int resumed, int interrupted) {
    }

    /** An outcome waiting to be written, with the device it updates. */
    record Finished(ClaimedItem item, ItemOutcome outcome) {
    }

    private static final Comparator<Finished> BY_ITEM = Comparator.comparingLong(f -> f.item().id());

    /**
     * What a run needs of its job.
     *
     * @param creatingBy the replica inserting the job's items, null once they are all in ({@link ItemCreation})
     */
    record JobRow(long id, String state, String spec, String options, int total, int runs, String creatingBy) {
        boolean open() {
            return state.equals("queued") || state.equals("running");
        }
    }

    /** A job's (?) final items by outcome; {@link #counts(Handle, long)}. */
    static final String FINAL_COUNTS = "SELECT outcome, count(*) AS n FROM job_items WHERE job_id = ? "
            + "AND state = 'final' GROUP BY outcome ORDER BY outcome";
    /** A job's (?) items in one state (?). */
    static final String OPEN_COUNT = "SELECT count(*) FROM job_items WHERE job_id = ? AND state = ?";

    private final Database db;
    private final Replicas replicas;
    private final ItemClaims claims;

    JobStore(Database db, Replicas replicas) {
        this.db = db;
        this.replicas = replicas;
        this.claims = new ItemClaims(db);
    }

    Optional<JobRow> load(long jobId) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT id, state, spec, options, total, runs, creating_by "
                        + "FROM jobs WHERE id = ?").bind(0, jobId)
                .map((rs, ctx) -> new JobRow(rs.getLong("id"), rs.getString("state"), rs.getString("spec"),
                        rs.getString("options"), rs.getInt("total"), rs.getInt("runs"), rs.getString("creating_by")))
                .findOne());
    }

    /**
     * Jobs that should be running or waiting to run, and jobs whose items are still being inserted (a job cancelled
     * while queued too: if its creator dies, a run still inserts the rest, which end cancelled).
     */
    List<Long> open() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM jobs WHERE state IN ('queued', 'running') "
                + "OR creating_by IS NOT NULL ORDER BY id").mapTo(Long.class).list());
    }

    /** queued/running → running (the first start sets started_at and the deadline); false when the job is final. */
    boolean markRunning(long jobId, Instant now, Instant deadline) {
        return db.jdbi().withHandle(h -> h.createUpdate("UPDATE jobs SET state = 'running', "
                        + "started_at = coalesce(started_at, ?), deadline_at = coalesce(deadline_at, ?) "
                        + "WHERE id = ? AND state IN ('queued', 'running')")
                .bind(0, Sql.ts(now)).bind(1, Sql.ts(deadline)).bind(2, jobId).execute()) == 1;
    }

    /** A run joins the job with work to do: the job's run count, this run's number. */
    int join(long jobId) {
        return db.jdbi().inTransaction(h -> {
            h.createUpdate("UPDATE jobs SET runs = runs + 1 WHERE id = ?").bind(0, jobId).execute();
            return h.createQuery("SELECT runs FROM jobs WHERE id = ?").bind(0, jobId).mapTo(Integer.class).one();
        });
    }

    Instant deadline(long jobId) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT deadline_at FROM jobs WHERE id = ?").bind(0, jobId)
                .map((rs, ctx) -> Sql.instant(rs, "deadline_at")).one());
    }

    /**
     * Items in flight under a replica that is dead (heartbeat older than the lease, or stopped), or under this
     * replica from a run of it that ended (one run per job per replica, so nothing of ours is in flight when a run
     * starts): items already resumed once end INTERRUPTED (never a third send); the others go back to pending,
     * marked resumed, for their second and last send.
     */
    Recovery recover(long jobId, String replica, Instant now) {
        String orphaned = "job_id = ? AND state = 'in_flight' AND (claimed_by IS NULL OR claimed_by = ? OR NOT "
                + replicas.aliveSql("job_items.claimed_by") + ")";
        return db.jdbi().inTransaction(h -> {
            int interrupted = h.createUpdate("UPDATE job_items SET state = 'final', outcome = ?, success = FALSE, "
                            + "detail = ?, finished_at = ?, claimed_by = NULL, lease_until = NULL "
                            + "WHERE resumed = TRUE AND " + orphaned)
                    .bind(0, Outcomes.INTERRUPTED).bind(1, "in flight when two runs of the job died: not sent a third "
                            + "time").bind(2, Sql.ts(now)).bind(3, jobId).bind(4, replica).execute();
            int resumed = h.createUpdate("UPDATE job_items SET state = 'pending', resumed = TRUE, claimed_by = NULL, "
                    + "lease_until = NULL WHERE " + orphaned).bind(0, jobId).bind(1, replica).execute();
            return new Recovery(resumed, interrupted);
        });
    }

    /** What a claim took, and whether pending items are left that a later claim may take. */
    record Claim(List<ClaimedItem> items, boolean more) {
    }

    /**
     * Claims up to {@code limit} pending items for {@code replica}: they are in flight once this returns. With a
     * per-site limit, items in flight of each site or subnet ({@code pace}; on every replica: the database counts
     * them) stay within it: such claims hold the job's row lock, so two replicas never both fill the same room.
     */
    Claim claim(long jobId, String replica, int limit, Integer siteLimit, PaceBy pace) {
        return claims.claim(jobId, replica, limit, siteLimit, pace);
    }

    /**
     * Writes final outcomes in one transaction: the items (only those still in flight under this run), their kept
     * results, and what each outcome says about its device. Returns how many items were written. The two statements
     * run once per item are JDBC batches on the handle's connection: Jdbi's binding of each value (its argument
     * lookup per type, a binding object per row) was a ninth of the write's time (JobBench, docs/BENCHMARKS.md).
     */
    int write(String runId, long jobId, List<Finished> done) {
        try {
            return db.jdbi().inTransaction(h -> written(h, runId, jobId, done));
        } catch (SQLException e) {
            throw new DatabaseException("writing " + done.size() + " outcomes of job " + jobId + " failed: "
                    + e.getMessage(), e);
        }
    }

    private static int written(Handle h, String runId, long jobId, List<Finished> arrived) throws SQLException {
        // in id order (the items' and so their devices' order): outcomes arrive as phones answer, scattered over
        // what is in flight, and H2 spent about a tenth more on a batch's rows in that order (JobRowsBench with
        // -Djobrows.window, docs/BENCHMARKS.md)
        List<Finished> done = arrived.stream().sorted(BY_ITEM).toList();
        int[] counts;
        try (PreparedStatement items = h.getConnection().prepareStatement("UPDATE job_items SET state = 'final', "
                + "outcome = ?, success = ?, detail = ?, data = ?, attempts = attempts + ?, elapsed_ms = ?, "
                + "started_at = coalesce(started_at, ?), finished_at = ?, claimed_by = NULL, lease_until = NULL "
                + "WHERE id = ? AND state = 'in_flight' AND claimed_by = ?")) {
            for (Finished f : done) {
                ItemOutcome o = f.outcome();
                items.setString(1, o.outcome());
                items.setBoolean(2, o.success());
                items.setString(3, o.detail());
                items.setString(4, o.data() == null ? null : clip(Json.mapper().writeValueAsString(o.data())));
                items.setInt(5, o.attempts());
                items.setLong(6, o.elapsedMillis());
                Sql.ts(items, 7, o.startedAt());
                Sql.ts(items, 8, o.finishedAt());
                items.setLong(9, f.item().id());
                items.setString(10, runId);
                items.addBatch();
            }
            counts = items.executeBatch();
        }
        List<Finished> written = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 1) {
                written.add(done.get(i));
            }
        }
        results(h, written);
        devices(h, jobId, written);
        return written.size();
    }

    private static void results(Handle h, List<Finished> written) {
        PreparedBatch b = h.prepareBatch("INSERT INTO job_item_results (item_id, content_type, bytes) VALUES (?, ?, ?)");
        int n = 0;
        for (Finished f : written) {
            ItemOutcome.Result r = f.outcome().result();
            if (r != null) {
                b.bind(0, f.item().id()).bind(1, r.contentType()).bind(2, r.bytes()).add();
                n++;
            }
        }
        if (n > 0) {
            b.execute();
        }
    }

    /** Last known state: only what an outcome says (a device not contacted keeps its reachability and contact). */
    private static void devices(Handle h, long jobId, List<Finished> written) throws SQLException {
        try (PreparedStatement b = h.getConnection().prepareStatement("UPDATE devices SET reachable = "
                + "coalesce(?, reachable), last_contact_at = coalesce(?, last_contact_at), last_outcome = ?, "
                + "last_detail = ?, last_job_id = ? WHERE id = ?")) {
            int n = 0;
            for (Finished f : written) {
                if (f.item().deviceId() == null) {
                    continue;
                }
                ItemOutcome o = f.outcome();
                if (o.reachable() == null) {
                    b.setNull(1, Types.BOOLEAN);
                } else {
                    b.setBoolean(1, o.reachable());
                }
                Sql.ts(b, 2, Boolean.TRUE.equals(o.reachable()) ? o.finishedAt() : null);
                b.setString(3, o.outcome());
                b.setString(4, o.detail().length() > 500 ? o.detail().substring(0, 500) : o.detail());
                b.setLong(5, jobId);
                b.setLong(6, f.item().deviceId());
                b.addBatch();
                n++;
            }
            if (n > 0) {
                b.executeBatch();
            }
        }
    }

    /** Whether a cancel was asked (a run stops sending what it claimed but has not sent). */
    boolean cancelRequested(long jobId) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT cancel_requested FROM jobs WHERE id = ?").bind(0, jobId)
                .mapTo(Boolean.class).one());
    }

    /** Claimed but never sent (a clean stop): back to pending, not resumed, for the next run. */
    void release(String runId, List<ClaimedItem> items) {
        if (items.isEmpty()) {
            return;
        }
        db.jdbi().useHandle(h -> h.createUpdate("UPDATE job_items SET state = 'pending', claimed_by = NULL, "
                        + "lease_until = NULL WHERE id IN (<ids>) AND state = 'in_flight' AND claimed_by = :run")
                .bindList("ids", items.stream().map(ClaimedItem::id).toList()).bind("run", runId).execute());
    }

    /** Ends every pending item of a job with an outcome that was never sent (cancelled, deadline). */
    int finishPending(long jobId, String outcome, String detail, Instant now) {
        return db.jdbi().withHandle(h -> finishPending(h, jobId, outcome, detail, now));
    }

    /** The same in the caller's transaction. */
    static int finishPending(Handle h, long jobId, String outcome, String detail, Instant now) {
        return h.createUpdate("UPDATE job_items SET state = 'final', outcome = ?, success = FALSE, detail = ?, "
                        + "finished_at = ? WHERE job_id = ? AND state = 'pending'")
                .bind(0, outcome).bind(1, detail).bind(2, Sql.ts(now)).bind(3, jobId).execute();
    }

    /**
     * running → done, or cancelled when a cancel was asked, once every item is in and final; false when the job was
     * not running, its items are still being inserted ({@link ItemCreation}) or an item is still open (then
     * whichever replica ends the last item finishes the job).
     */
    boolean finish(long jobId, Instant now) {
        return db.jdbi().withHandle(h -> h.createUpdate("UPDATE jobs SET state = CASE WHEN cancel_requested "
                        + "THEN 'cancelled' ELSE 'done' END, finished_at = ? WHERE id = ? AND state = 'running' "
                        + "AND creating_by IS NULL "
                        + "AND NOT EXISTS (SELECT 1 FROM job_items WHERE job_id = ? AND state <> 'final')")
                .bind(0, Sql.ts(now)).bind(1, jobId).bind(2, jobId).execute()) == 1;
    }

    /** Items by state ({@code pending}, {@code in_flight}) and final outcome. */
    Map<String, Long> counts(long jobId) {
        return db.jdbi().withHandle(h -> counts(h, jobId));
    }

    /**
     * The final items by outcome (sorted), then the open ones by state, each counted in a range of the index
     * {@code job_items_job_state_outcome (job_id, state, outcome, id)} without reading a row (final is having an
     * outcome: V21's CHECK). One {@code GROUP BY coalesce(outcome, state)} read every row of the job, ~7 ms for 10,000
     * items at each progress event (JobBench, docs/BENCHMARKS.md).
     */
    static Map<String, Long> counts(Handle h, long jobId) {
        Map<String, Long> out = new LinkedHashMap<>();
        h.createQuery(FINAL_COUNTS)
                .bind(0, jobId).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        // one range of the index per state (with IN, H2 read every entry of the job in it)
        for (String state : List.of("in_flight", "pending")) {
            long n = h.createQuery(OPEN_COUNT).bind(0, jobId)
                    .bind(1, state).mapTo(Long.class).one();
            if (n > 0) {
                out.put(state, n);
            }
        }
        return out;
    }

    private static String clip(String json) {
        return json.length() <= 8000 ? json : "{\"truncated\":true}";
    }
}
