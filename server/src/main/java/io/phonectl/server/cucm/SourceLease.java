package io.phonectl.server.cucm;

import io.phonectl.server.db.Database;
import io.phonectl.server.db.Sql;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.replica.Replicas;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;

/**
 * The lease on a source row that makes a run the source's only one, whichever replica of the service runs it. The
 * lease names the run and the replica running it ({@code lease_owner}, a {@code replicas} id), and holds exactly as
 * long as that replica is alive: heartbeating within the replica lease, on the database's clock, and not stopped
 * ({@link Replicas#aliveSql}). So no replica's own clock decides, and a replica needs nothing renewed per run. A run
 * starts by taking the lease with a conditional UPDATE (free, or its holder dead) and gives it back with its last
 * write. A scheduled slot is taken the same way: the UPDATE that takes the lease also moves {@code next_run_at} on
 * from the slot it read, so of the replicas that saw the slot come only one gets it.
 *
 * <p>A run still marked running whose lease is gone with its replica (killed, stopped, cut off longer than the
 * replica lease; on H2 every earlier process at start) is {@linkplain #stale stale}: the next look takes the lease
 * over for it ({@link #takeOver}) and runs it again, once ({@link RunStore#recover}).
 */
final class SourceLease {

    /** A run still marked running whose lease is not held for it by a live replica. */
    record Stale(long run, long source, boolean resumed, String owner) {

        String reason() {
            return owner == null ? "the service running it stopped while the run was in progress"
                    : "the service running it (" + owner + ") stopped while the run was in progress";
        }
    }

    private final Database db;
    private final String owner;
    private final String free;
    private final String alive;

    SourceLease(Database db, Replicas replicas) {
        this.db = db;
        this.owner = replicas.id();
        this.free = "(lease_owner IS NULL OR NOT " + replicas.aliveSql("lease_owner") + ")";
        this.alive = replicas.aliveSql("s.lease_owner");
    }

    String owner() {
        return owner;
    }

    /** What stands on a source row when the lease could not be taken. */
    private record Holder(boolean enabled, Long run, String owner, boolean held, Instant next) {
    }

    /**
     * Takes the lease in {@code h}'s transaction, for a run by hand ({@code slot} null) or for the scheduled slot
     * {@code slot}, then moved on to {@code following}. Throws what stands in the way: 404, 409 disabled, 409 busy, 409
     * slot taken (another replica got there first).
     */
    void take(Handle h, long source, Instant slot, Instant following) {
        var update = h.createUpdate("UPDATE cucm_sources SET lease_owner = ?, lease_run_id = NULL"
                + (slot == null ? "" : ", next_run_at = ?") + " WHERE id = ? AND enabled = TRUE AND " + free
                + (slot == null ? "" : " AND next_run_at = ?"));
        int i = 0;
        update.bind(i++, owner);
        if (slot != null) {
            update.bind(i++, following == null ? null : Sql.ts(following));
        }
        update.bind(i++, source);
        if (slot != null) {
            update.bind(i, Sql.ts(slot));
        }
        if (update.execute() == 1) {
            return;
        }
        Holder row = h.createQuery("SELECT s.enabled, s.lease_run_id, s.lease_owner, " + alive + " AS held, "
                        + "s.next_run_at FROM cucm_sources s WHERE s.id = ?").bind(0, source)
                .map((rs, ctx) -> new Holder(rs.getBoolean("enabled"), Sql.longOrNull(rs, "lease_run_id"),
                        rs.getString("lease_owner"), rs.getBoolean("held"), Sql.instant(rs, "next_run_at")))
                .findOne().orElseThrow(() -> new ApiException.NotFound("CUCM source", source));
        if (!row.enabled()) {
            throw new ApiException.Conflict("enabled", false, "an enabled source (PATCH enabled: true first)");
        }
        if (row.held()) {
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

    /**
     * Takes the lease for the stale run in {@code h}'s transaction when it is free or its holder is dead; false when
     * a live replica holds it (another look got there first).
     */
    boolean takeOver(Handle h, Stale s) {
        return h.createUpdate("UPDATE cucm_sources SET lease_owner = ?, lease_run_id = ? WHERE id = ? AND " + free)
                .bind(0, owner).bind(1, s.run()).bind(2, s.source()).execute() == 1;
    }

    /**
     * Hands the lease of a run this replica stopped without an end (stopping, or an end it could not write) to
     * whichever live replica looks next, this one included: the run stays named, its holder is gone. A no-op for a
     * run that ended (its lease was given back) or that another replica took over.
     */
    void handBack(long source, long run) {
        db.jdbi().useHandle(h -> h.createUpdate("UPDATE cucm_sources SET lease_owner = NULL WHERE id = ? "
                + "AND lease_run_id = ? AND lease_owner = ?").bind(0, source).bind(1, run).bind(2, owner).execute());
    }

    /** A slot that came while the source was busy or disabled: moved on without a run; false when another did it. */
    boolean skip(long source, Instant slot, Instant following) {
        return db.jdbi().withHandle(h -> h.createUpdate("UPDATE cucm_sources SET next_run_at = ? WHERE id = ? "
                        + "AND next_run_at = ?").bind(0, following == null ? null : Sql.ts(following)).bind(1, source)
                .bind(2, Sql.ts(slot)).execute()) == 1;
    }

    /** Whether this replica still holds the lease for the run (false: another replica took the run over). */
    boolean holds(long source, long run) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM cucm_sources WHERE id = ? "
                + "AND lease_run_id = ? AND lease_owner = ?").bind(0, source).bind(1, run).bind(2, owner)
                .mapTo(Integer.class).one()) == 1;
    }

    /** Gives the lease back in {@code h}'s transaction (the run's last write); false when it was not the run's. */
    boolean release(Handle h, long source, long run) {
        return h.createUpdate("UPDATE cucm_sources SET lease_owner = NULL, lease_run_id = NULL "
                + "WHERE id = ? AND lease_run_id = ? AND lease_owner = ?").bind(0, source).bind(1, run).bind(2, owner)
                .execute() == 1;
    }

    /** Runs marked running whose lease no live replica holds for them. */
    List<Stale> stale() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT r.id, r.source_id, r.resumed, s.lease_owner, "
                        + "s.lease_run_id FROM cucm_runs r JOIN cucm_sources s ON s.id = r.source_id "
                        + "WHERE r.state = 'running' AND NOT (s.lease_run_id IS NOT NULL AND s.lease_run_id = r.id "
                        + "AND s.lease_owner IS NOT NULL AND " + alive + ") ORDER BY r.id")
                .map((rs, ctx) -> {
                    Long holder = Sql.longOrNull(rs, "lease_run_id");
                    boolean own = holder != null && holder == rs.getLong(1);
                    return new Stale(rs.getLong(1), rs.getLong(2), rs.getBoolean(3), own ? rs.getString(4) : null);
                }).list());
    }
}
