package io.phonectl.server.cucm;

import io.phonectl.client.cucm.DiscoveryResult;
import io.phonectl.server.db.Database;
import io.phonectl.server.db.Sql;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Cursor;
import io.phonectl.server.http.Page;
import io.phonectl.server.http.Paging;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.time.Instant;
import java.util.List;

/** {@code cucm_runs} and {@code cucm_changes}: one row per run with its counts, one per phone a run changed. */
final class RunStore {

    private static final String SELECT = "SELECT id, source_id, mode, state, full_pass, requested_by, found, added, "
            + "changed, gone, registered, unregistered, conflicts, axl_requests, ris_requests, waited_ms, detail, "
            + "slot_at, started_at, finished_at, resumed FROM cucm_runs ";
    private static final RowMapper<CucmRun> RUN = (rs, ctx) -> new CucmRun(rs.getLong("id"), rs.getLong("source_id"),
            rs.getString("mode"), rs.getString("state"), rs.getBoolean("full_pass"), rs.getString("requested_by"),
            rs.getInt("found"), rs.getInt("added"), rs.getInt("changed"), rs.getInt("gone"), rs.getInt("registered"),
            rs.getInt("unregistered"), rs.getInt("conflicts"), rs.getInt("axl_requests"), rs.getInt("ris_requests"),
            rs.getLong("waited_ms"), rs.getString("detail"), Sql.instant(rs, "slot_at"), Sql.instant(rs, "started_at"),
            Sql.instant(rs, "finished_at"), rs.getBoolean("resumed"));

    static final String SUPERSEDED = "the service running it stopped while the run was in progress, and a new run "
            + "took the source over before it was resumed";

    private final Database db;

    RunStore(Database db) {
        this.db = db;
    }

    /** A run just started, and the runs of the source it found still marked running with a dead lease. */
    record Started(CucmRun run, List<Long> failedStale) {
    }

    /**
     * A new running run holding the source's lease (see {@link SourceLease#take}: refused while another run holds it,
     * or when the source is disabled), for a scheduled {@code slot} (moved on to {@code following}) or by hand (null).
     * Runs the source still has marked running lost their lease with their replica and were not resumed yet (this
     * start came first): they fail here, with the reason; this run does what they would have.
     */
    Started start(SourceLease lease, long source, String mode, String actor, Instant now, Instant slot,
                  Instant following) {
        return db.jdbi().inTransaction(h -> {
            lease.take(h, source, slot, following);
            List<Long> stale = h.createQuery("SELECT id FROM cucm_runs WHERE source_id = ? AND state = 'running'")
                    .bind(0, source).mapTo(Long.class).list();
            for (long id : stale) {
                h.createUpdate("UPDATE cucm_runs SET state = 'failed', detail = ?, finished_at = ? WHERE id = ?")
                        .bind(0, SUPERSEDED).bind(1, Sql.ts(now)).bind(2, id).execute();
            }
            long id = h.createUpdate("INSERT INTO cucm_runs (source_id, mode, state, requested_by, started_at, slot_at) "
                            + "VALUES (?, ?, 'running', ?, ?, ?)").bind(0, source).bind(1, mode).bind(2, cut(actor, 140))
                    .bind(3, Sql.ts(now)).bind(4, slot == null ? null : Sql.ts(slot))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            lease.bind(h, source, id);
            return new Started(get(h, source, id), stale);
        });
    }

    /** The run succeeded: counts, changes and the sync position, in one transaction. */
    void succeed(SourceLease lease, long source, long run, DiscoveryResult result, Reconciler.Outcome o,
                 boolean fullPass, String detail, Instant now) {
        db.jdbi().useTransaction(h -> {
            if (!lease.release(h, source, run)) {
                throw new LeaseLost();
            }
            h.createUpdate("UPDATE cucm_runs SET state = 'succeeded', full_pass = ?, found = ?, added = ?, changed = ?, "
                            + "gone = ?, registered = ?, unregistered = ?, conflicts = ?, axl_requests = ?, "
                            + "ris_requests = ?, waited_ms = ?, detail = ?, finished_at = ? WHERE id = ?")
                    .bind(0, fullPass).bind(1, o.found()).bind(2, o.added()).bind(3, o.changed()).bind(4, o.gone())
                    .bind(5, o.registered()).bind(6, o.unregistered()).bind(7, o.conflicts())
                    .bind(8, result.axlRequests()).bind(9, result.risRequests()).bind(10, result.waited().toMillis())
                    .bind(11, cut(detail, 1000)).bind(12, Sql.ts(now)).bind(13, run).execute();
            if (!o.changes().isEmpty()) {
                PreparedBatch b = h.prepareBatch("INSERT INTO cucm_changes (run_id, name, device_id, kind, detail) "
                        + "VALUES (?, ?, ?, ?, ?)");
                for (Reconciler.Change c : o.changes()) {
                    b.bind(0, run).bind(1, c.name()).bind(2, c.device()).bind(3, c.kind())
                            .bind(4, cut(c.detail(), 1000)).add();
                }
                b.execute();
            }
            h.createUpdate("UPDATE cucm_sources SET queue_id = ?, next_change_id = ? WHERE id = ?")
                    .bind(0, cut(result.state().queueId(), 128)).bind(1, result.state().nextChangeId()).bind(2, source)
                    .execute();
        });
    }

    /**
     * The run failed: recorded, and its lease given back, when this replica still holds the lease for it (otherwise
     * another replica took it over and it is that one's to end); true when this call ended it.
     */
    boolean fail(SourceLease lease, long source, long run, String reason, Instant now) {
        return db.jdbi().inTransaction(h -> lease.release(h, source, run) && end(h, run, reason, now));
    }

    private static boolean end(Handle h, long run, String reason, Instant now) {
        return h.createUpdate("UPDATE cucm_runs SET state = 'failed', detail = ?, finished_at = ? WHERE id = ? "
                + "AND state = 'running'").bind(0, cut(reason, 1000)).bind(1, Sql.ts(now)).bind(2, run).execute() == 1;
    }

    /** What {@link #recover} did with a stale run. */
    enum Recovery { RESUMED, FAILED, NONE }

    /**
     * Takes a stale run over (its lease, in one transaction with the run's row): a run not resumed before is marked
     * resumed, holding the lease for this replica to run it again; one resumed before ends failed, with the reason,
     * and the lease is given back. NONE when a live replica holds the lease (another look got there first).
     */
    Recovery recover(SourceLease lease, SourceLease.Stale s, Instant now) {
        return db.jdbi().inTransaction(h -> {
            if (!lease.takeOver(h, s)) {
                return Recovery.NONE;
            }
            if (!s.resumed() && h.createUpdate("UPDATE cucm_runs SET resumed = TRUE WHERE id = ? AND state = 'running' "
                    + "AND resumed = FALSE").bind(0, s.run()).execute() == 1) {
                return Recovery.RESUMED;
            }
            lease.release(h, s.source(), s.run());
            return end(h, s.run(), interruptedTwice(s), now) ? Recovery.FAILED : Recovery.NONE;
        });
    }

    static String interruptedTwice(SourceLease.Stale s) {
        return "interrupted twice: " + s.reason() + ", after it had been resumed once; start it again";
    }

    CucmRun get(long source, long run) {
        return db.jdbi().withHandle(h -> get(h, source, run));
    }

    private static CucmRun get(Handle h, long source, long run) {
        return h.createQuery(SELECT + "WHERE id = ? AND source_id = ?").bind(0, run).bind(1, source).map(RUN)
                .findOne().orElseThrow(() -> new ApiException.NotFound("CUCM run", run));
    }

    /** The run's lease was taken over before it could record its result (its service stalled past the lease). */
    static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super("this service lost the source's lease before the run could record its result (its replica was "
                    + "taken for dead; another replica took the run over)", null, false, false);
        }
    }

    /** Newest first. */
    Page<CucmRun> list(long source, Paging paging) {
        long before = paging.cursor() == null ? Long.MAX_VALUE : paging.cursor().id();
        return db.jdbi().withHandle(h -> {
            List<CucmRun> rows = h.createQuery(SELECT + "WHERE source_id = ? AND id < ? ORDER BY id DESC LIMIT ?")
                    .bind(0, source).bind(1, before).bind(2, paging.limit() + 1).map(RUN).list();
            long total = h.createQuery("SELECT count(*) FROM cucm_runs WHERE source_id = ?").bind(0, source)
                    .mapTo(Long.class).one();
            return Page.of(rows, paging.limit(), total, r -> new Cursor("", r.id()));
        });
    }

    Page<CucmChange> changes(long source, long run, Paging paging) {
        get(source, run);
        long after = paging.cursor() == null ? 0 : paging.cursor().id();
        return db.jdbi().withHandle(h -> {
            List<CucmChange> rows = h.createQuery("SELECT id, name, device_id, kind, detail FROM cucm_changes "
                            + "WHERE run_id = ? AND id > ? ORDER BY id LIMIT ?").bind(0, run).bind(1, after)
                    .bind(2, paging.limit() + 1).map((rs, ctx) -> new CucmChange(rs.getLong(1), rs.getString(2),
                            Sql.longOrNull(rs, "device_id"), rs.getString(4), rs.getString(5))).list();
            long total = h.createQuery("SELECT count(*) FROM cucm_changes WHERE run_id = ?").bind(0, run)
                    .mapTo(Long.class).one();
            return Page.of(rows, paging.limit(), total, c -> new Cursor("", c.id()));
        });
    }

    private static String cut(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }
}
