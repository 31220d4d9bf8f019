package io.phonectl.server.cucm;

import io.phonectl.server.db.Database;
import io.phonectl.server.db.Sql;
import io.phonectl.server.http.ApiException;
import org.jdbi.v3.core.Handle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The lease on a source row that makes a run the source's only one, whichever replica of the service runs it. A run
 * starts by taking the lease with a conditional UPDATE (free, or expired); the replica running it renews it while it
 * runs and gives it back with the run's last write. A replica that stops (killed, cut off) stops renewing: once the
 * lease has expired, any replica fails the run with the reason and the source is free again. A scheduled slot is
 * taken the same way: the UPDATE that takes the lease also moves {@code next_run_at} on from the slot it read, so of
 * the replicas that saw the slot come only one gets it.
 *
 * <p>Expiry is judged on each replica's own clock: replicas need clocks within a few seconds of each other (NTP);
 * the lease is a minute, renewed every few seconds.
 */
final class SourceLease {

    static final Duration LEASE = Duration.ofSeconds(60);

    /** A run still marked running whose lease has expired (or that has none). */
    record Stale(long run, long source, String owner, Instant until) {

        String reason() {
            return until == null ? "the service running it stopped while the run was in progress; start it again"
                    : "the service running it (" + owner + ") stopped renewing its lease on the source, which expired "
                    + "at " + until + "; start it again";
        }
    }

    private final Database db;
    private final String owner;

    SourceLease(Database db, String owner) {
        this.db = db;
        this.owner = owner;
    }

    String owner() {
        return owner;
    }

    /** What stands on a source row when the lease could not be taken. */
    private record Holder(boolean enabled, Long run, String owner, Instant until, Instant next) {
    }

    /**
     * Takes the lease in {@code h}'s transaction, for a run by hand ({@code slot} null) or for the scheduled slot
     * {@code slot}, then moved on to {@code following}. Throws what stands in the way: 404, 409 disabled, 409 busy, 409
     * slot taken (another replica got there first).
     */
    void take(Handle h, long source, Instant now, Instant slot, Instant following) {
        var update = h.createUpdate("UPDATE cucm_sources SET lease_owner = ?, lease_until = ?, lease_run_id = NULL"
                + (slot == null ? "" : ", next_run_at = ?") + " WHERE id = ? AND enabled = TRUE "
                + "AND (lease_until IS NULL OR lease_until <= ?)" + (slot == null ? "" : " AND next_run_at = ?"));
        int i = 0;
        update.bind(i++, owner).bind(i++, Sql.ts(now.plus(LEASE)));
        if (slot != null) {
            update.bind(i++, following == null ? null : Sql.ts(following));
        }
        update.bind(i++, source).bind(i++, Sql.ts(now));
        if (slot != null) {
            update.bind(i, Sql.ts(slot));
        }
        if (update.execute() == 1) {
            return;
        }
        Holder row = h.createQuery("SELECT enabled, lease_run_id, lease_owner, lease_until, next_run_at FROM "
                        + "cucm_sources WHERE id = ?").bind(0, source)
                .map((rs, ctx) -> new Holder(rs.getBoolean("enabled"), Sql.longOrNull(rs, "lease_run_id"),
                        rs.getString("lease_owner"), Sql.instant(rs, "lease_until"), Sql.instant(rs, "next_run_at")))
                .findOne().orElseThrow(() -> new ApiException.NotFound("CUCM source", source));
        if (!row.enabled()) {
            throw new ApiException.Conflict("enabled", false, "an enabled source (PATCH enabled: true first)");
        }
        if (row.until() != null && row.until().isAfter(now)) {
            throw new ApiException.Conflict("source", source, "one run at a time per source (run " + row.run()
                    + " is running on " + row.owner() + ")");
        }
        throw new ApiException.Conflict("slot", slot, "a slot not taken yet (the next slot is " + row.next() + ")");
    }

    /** Names the run that holds the lease just taken in {@code h}'s transaction. */
    void bind(Handle h, long source, long run) {
        h.createUpdate("UPDATE cucm_sources SET lease_run_id = ? WHERE id = ? AND lease_owner = ?").bind(0, run)
                .bind(1, source).bind(2, owner).execute();
    }

    /** A slot that came while the source was busy or disabled: moved on without a run; false when another did it. */
    boolean skip(long source, Instant slot, Instant following) {
        return db.jdbi().withHandle(h -> h.createUpdate("UPDATE cucm_sources SET next_run_at = ? WHERE id = ? "
                        + "AND next_run_at = ?").bind(0, following == null ? null : Sql.ts(following)).bind(1, source)
                .bind(2, Sql.ts(slot)).execute()) == 1;
    }

    /** Extends this replica's lease for the run; false when it is not this run's any more (it was taken over). */
    boolean renew(long source, long run, Instant now) {
        return db.jdbi().withHandle(h -> h.createUpdate("UPDATE cucm_sources SET lease_until = ? WHERE id = ? "
                        + "AND lease_run_id = ? AND lease_owner = ?").bind(0, Sql.ts(now.plus(LEASE))).bind(1, source)
                .bind(2, run).bind(3, owner).execute()) == 1;
    }

    boolean holds(long source, long run) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM cucm_sources WHERE id = ? "
                + "AND lease_run_id = ? AND lease_owner = ?").bind(0, source).bind(1, run).bind(2, owner)
                .mapTo(Integer.class).one()) == 1;
    }

    /** Gives the lease back in {@code h}'s transaction (the run's last write); false when it was not the run's. */
    boolean release(Handle h, long source, long run) {
        return h.createUpdate("UPDATE cucm_sources SET lease_owner = NULL, lease_run_id = NULL, lease_until = NULL "
                + "WHERE id = ? AND lease_run_id = ? AND lease_owner = ?").bind(0, source).bind(1, run).bind(2, owner)
                .execute() == 1;
    }

    /** Runs marked running that hold no valid lease: their service stopped (or the row predates leases). */
    List<Stale> stale(Instant now) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT r.id, r.source_id, s.lease_run_id, s.lease_owner, "
                        + "s.lease_until "
                        + "FROM cucm_runs r JOIN cucm_sources s ON s.id = r.source_id WHERE r.state = 'running' "
                        + "AND NOT (s.lease_run_id IS NOT NULL AND s.lease_run_id = r.id AND s.lease_until > ?)")
                .bind(0, Sql.ts(now)).map((rs, ctx) -> {
                    Long holder = Sql.longOrNull(rs, "lease_run_id");
                    boolean ownLease = holder != null && holder == rs.getLong(1);
                    return new Stale(rs.getLong(1), rs.getLong(2), ownLease ? rs.getString("lease_owner") : null,
                            ownLease ? Sql.instant(rs, "lease_until") : null);
                }).list());
    }

    /**
     * Fails a stale run and frees its expired lease in one transaction, unless its lease was renewed meanwhile;
     * true when this call failed it.
     */
    boolean failStale(Stale s, Instant now) {
        return db.jdbi().inTransaction(h -> {
            int n = h.createUpdate("UPDATE cucm_runs SET state = 'failed', detail = ?, finished_at = ? WHERE id = ? "
                            + "AND state = 'running' AND NOT EXISTS (SELECT 1 FROM cucm_sources s WHERE s.id = ? "
                            + "AND s.lease_run_id = ? AND s.lease_until > ?)")
                    .bind(0, s.reason()).bind(1, Sql.ts(now)).bind(2, s.run()).bind(3, s.source()).bind(4, s.run())
                    .bind(5, Sql.ts(now)).execute();
            if (n == 1) {
                h.createUpdate("UPDATE cucm_sources SET lease_owner = NULL, lease_run_id = NULL, lease_until = NULL "
                        + "WHERE id = ? AND lease_run_id = ? AND lease_until <= ?").bind(0, s.source())
                        .bind(1, s.run()).bind(2, Sql.ts(now)).execute();
            }
            return n == 1;
        });
    }
}
