package io.phonectl.server.job;

import io.phonectl.server.db.Database;
import io.phonectl.server.db.Dialect;
import io.phonectl.server.db.Sql;
import io.phonectl.server.device.DeviceKind;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Claims of pending items: pending → in flight under a replica's id, in id order, taken by whichever claimer gets
 * them, never by two. How claimers are kept apart depends on the database:
 * <ul>
 *   <li>PostgreSQL (replicas in several processes): the pending rows are read {@code FOR UPDATE SKIP LOCKED}, so
 *   concurrent claimers each lock and take other rows.</li>
 *   <li>H2 (embedded: one process holds the file): claims on one store are serialized by a lock in this JVM, held
 *   until the claim commits, so the pending rows are read without row locks. On H2 {@code FOR UPDATE} writes a lock
 *   into each row read before the {@code UPDATE} writes the row again: that lock was the costliest step of a job
 *   (JobBench, issue 10). The {@code UPDATE} stays conditional on {@code pending}, so a claimer this lock does not
 *   see (another store on the same database) still cannot take a row twice: its {@code UPDATE} waits on the row and
 *   skips it, and only what this claim updated is returned.</li>
 * </ul>
 * Both read pending items in id order spelled as the index {@code job_items_job_state_outcome (job_id, state,
 * outcome, id)} is ordered (a pending item has no outcome, so that is id order): with only {@code ORDER BY id} H2 does
 * not see that the index already gives that order, so each claim read every pending item of the job (and joined its
 * device) to sort them and keep the first few (a 10,000-item job read ~200,000 rows in its claims instead of 10,000).
 * With a per-site limit both hold the job's row lock instead: the limit is counted in the database, over what every
 * claimer has in flight.
 */
final class ItemClaims {

    /** A pending item of a paced job: its group ({@link PaceBy}) and its rank in that group by id. */
    private record Pending(long id, String pace, long rank) {
    }

    /** What a paced claim may take, and whether pending items are left. */
    private record Paced(List<Long> ids, boolean more) {
    }

    private static final String ITEMS = "SELECT i.id, i.device_id, i.name, i.address, i.model, i.kind, i.site, "
            + "i.resumed, d.username, d.credential_id FROM job_items i LEFT JOIN devices d ON d.id = i.device_id ";

    /** Id order among a job's pending items, as its index orders them (see above). */
    private static final String ORDER = "job_id, state, outcome, id";
    /** H2's claim: the first pending items of a job (?) with what sending needs, at most ? of them. */
    static final String PENDING = ITEMS + "WHERE i.job_id = ? AND i.state = 'pending' ORDER BY i.job_id, i.state, "
            + "i.outcome, i.id LIMIT ?";

    private final Database db;
    private final ReentrantLock local = new ReentrantLock();

    ItemClaims(Database db) {
        this.db = db;
    }

    /** See {@link JobStore#claim}. */
    JobStore.Claim claim(long jobId, String replica, int limit, Integer siteLimit, PaceBy pace) {
        if (siteLimit != null) {
            return db.jdbi().inTransaction(h -> {
                Paced p = paced(h, jobId, limit, siteLimit, pace);
                return new JobStore.Claim(p.ids().isEmpty() ? List.of() : take(h, replica, p.ids()), p.more());
            });
        }
        if (db.dialect() == Dialect.POSTGRESQL) {
            return db.jdbi().inTransaction(h -> {
                List<Long> ids = h.createQuery("SELECT id FROM job_items WHERE job_id = ? AND state = 'pending' "
                                + "ORDER BY " + ORDER + " LIMIT ? FOR UPDATE SKIP LOCKED")
                        .bind(0, jobId).bind(1, limit).mapTo(Long.class).list();
                return new JobStore.Claim(ids.isEmpty() ? List.of() : take(h, replica, ids), ids.size() == limit);
            });
        }
        local.lock();
        try {
            return db.jdbi().inTransaction(h -> {
                // the items with what sending needs, read before the UPDATE (one statement fewer than after it)
                List<ClaimedItem> read = items(h.createQuery(PENDING).bind(0, jobId).bind(1, limit));
                if (read.isEmpty()) {
                    return new JobStore.Claim(List.of(), false);
                }
                List<Long> ids = read.stream().map(ClaimedItem::id).toList();
                int updated = update(h, replica, ids);
                return new JobStore.Claim(updated == ids.size() ? read : ours(h, replica, ids), read.size() == limit);
            });
        } finally {
            local.unlock();
        }
    }

    /**
     * The first {@code siteLimit} pending items of each site or subnet in id order that fit beside what is in flight
     * there (on every replica), under the job's row lock so that two claimers never both fill the same room.
     */
    private static Paced paced(Handle h, long jobId, int limit, int siteLimit, PaceBy pace) {
        h.createQuery("SELECT id FROM jobs WHERE id = ? FOR UPDATE").bind(0, jobId).mapTo(Long.class).one();
        Map<String, Long> busy = new HashMap<>();
        h.createQuery("SELECT " + pace.sql() + " AS pace, count(*) AS n FROM job_items WHERE job_id = ? "
                        + "AND state = 'in_flight' GROUP BY " + pace.sql()).bind(0, jobId)
                .map((rs, ctx) -> Map.entry(rs.getString("pace"), rs.getLong("n")))
                .forEach(e -> busy.put(e.getKey(), e.getValue()));
        List<Pending> first = h.createQuery("SELECT id, pace, rn FROM (SELECT id, " + pace.sql() + " AS pace, "
                        + "ROW_NUMBER() OVER (PARTITION BY " + pace.sql() + " ORDER BY id) AS rn FROM job_items "
                        + "WHERE job_id = ? AND state = 'pending') p WHERE rn <= ? ORDER BY id")
                .bind(0, jobId).bind(1, siteLimit)
                .map((rs, ctx) -> new Pending(rs.getLong("id"), rs.getString("pace"), rs.getLong("rn")))
                .list();
        // nothing may fit now while items are pending: a later claim takes them
        return new Paced(first.stream().filter(p -> p.rank() + busy.getOrDefault(p.pace(), 0L) <= siteLimit)
                .map(Pending::id).limit(limit).toList(), !first.isEmpty());
    }

    /** Pending → in flight, for the rows still pending (on PostgreSQL all of them: they are locked). */
    private static List<ClaimedItem> take(Handle h, String replica, List<Long> ids) {
        update(h, replica, ids);
        return ours(h, replica, ids);
    }

    private static int update(Handle h, String replica, List<Long> ids) {
        return h.createUpdate("UPDATE job_items SET state = 'in_flight', claimed_by = :run, lease_until = NULL "
                + "WHERE id IN (<ids>) AND state = 'pending'").bind("run", replica).bindList("ids", ids).execute();
    }

    private static List<ClaimedItem> ours(Handle h, String replica, List<Long> ids) {
        return items(h.createQuery(ITEMS + "WHERE i.id IN (<ids>) AND i.state = 'in_flight' AND i.claimed_by = :run "
                + "ORDER BY i.id").bindList("ids", ids).bind("run", replica));
    }

    private static List<ClaimedItem> items(Query q) {
        return q.map((rs, ctx) -> new ClaimedItem(rs.getLong("id"), Sql.longOrNull(rs, "device_id"),
                rs.getString("name"), rs.getString("address"), rs.getString("model"),
                DeviceKind.parse(rs.getString("kind")).orElseThrow(), rs.getString("site"),
                rs.getString("username") == null ? "" : rs.getString("username"),
                Sql.longOrNull(rs, "credential_id"), rs.getBoolean("resumed"))).list();
    }
}
