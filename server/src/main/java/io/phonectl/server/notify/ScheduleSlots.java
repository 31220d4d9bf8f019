package io.phonectl.server.notify;

import io.phonectl.server.db.Database;
import io.phonectl.server.db.Sql;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.job.JobService;
import io.phonectl.server.paging.PageService;
import io.phonectl.server.replica.Replicas;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * A schedule's slots as they come: each is claimed once by its {@code schedule_runs} primary key, whichever replica
 * (or thread) gets there first, and a job's slot says {@code started} only in the transaction that stores its job.
 */
final class ScheduleSlots {

    /** A slot claimed whose job is not stored yet; it becomes started (with the job) or failed. */
    static final String STARTING = "starting";

    private final Database db;
    private final Supplier<JobService> jobs;
    private final TemplateService templates;
    private final PageService pages;
    private final InstantSource clock;
    private final Replicas replica;
    /** Slots this replica is starting now ("id@slot"): a look meanwhile must not take them over. */
    private final Set<String> firing = ConcurrentHashMap.newKeySet();

    ScheduleSlots(Database db, Supplier<JobService> jobs, TemplateService templates, PageService pages,
                  InstantSource clock, Replicas replica) {
        this.db = db;
        this.jobs = jobs;
        this.templates = templates;
        this.pages = pages;
        this.clock = clock;
        this.replica = replica;
    }

    /** See {@link ScheduleService#fireDue}. */
    Instant fireDue(Schedule s) {
        long id = s.id();
        Instant now = clock.instant();
        Optional<Claim> lastRun = db.jdbi().withHandle(h -> h.createQuery("SELECT slot_at, result, claimed_by FROM "
                        + "schedule_runs WHERE schedule_id = ? ORDER BY slot_at DESC LIMIT 1").bind(0, id)
                .map((rs, ctx) -> new Claim(Sql.instant(rs, "slot_at"), rs.getString("result"),
                        rs.getString("claimed_by"))).findOne());
        Instant last = lastRun.map(Claim::slot).orElse(null);
        List<Instant> due = ScheduleRules.due(s, last, now);
        lastRun.filter(c -> c.result().equals(STARTING)).ifPresent(c -> resume(s, c, due.isEmpty(), now));
        for (int i = 0; i < due.size(); i++) {
            Instant slot = due.get(i);
            if (i < due.size() - 1) {
                record(id, slot, "missed", "a later slot had come by " + now);
            } else {
                fire(s, slot);
            }
        }
        return ScheduleRules.next(s, due.isEmpty() ? last : due.getLast(), now);
    }

    /** A slot's row: {@code claimed_by} is the replica that claimed it while its start is under way (never null then). */
    private record Claim(Instant slot, String result, String claimedBy) {
    }

    private void fire(Schedule s, Instant slot) {
        String result = !s.enabled() ? "disabled" : ScheduleRules.holiday(s, slot) ? "holiday" : STARTING;
        if (!result.equals(STARTING)) {
            record(s.id(), slot, result, "");
            return;
        }
        String key = key(s, slot);
        if (!firing.add(key)) {
            return; // this replica is starting it now
        }
        try {
            if (record(s.id(), slot, result, "")) {
                start(s, slot);
            } // else another replica (or run) has this slot
        } finally {
            firing.remove(key);
        }
    }

    /**
     * Takes over a slot left {@code starting} by a replica that is gone (or by a run of this one that failed before
     * its job was stored): it starts now when no later slot has come, else it is recorded missed. A page is not
     * started again: whether the first start reached the phones is not known, and a page heard twice is worse.
     */
    private void resume(Schedule s, Claim c, boolean stillLatest, Instant now) {
        String key = key(s, c.slot());
        if (!firing.add(key)) {
            return; // under way here
        }
        try {
            // taken only if its claimer is this replica (then not under way: above) or a replica that is not alive
            int taken = db.jdbi().withHandle(h -> h.createUpdate("UPDATE schedule_runs SET claimed_by = ?, ran_at = ?, "
                            + "detail = 'taken over: the service that claimed it stopped before its job was stored' "
                            + "WHERE schedule_id = ? AND slot_at = ? AND result = ? AND claimed_by = ? AND "
                            + "(claimed_by = ? OR NOT " + replica.aliveSql("schedule_runs.claimed_by") + ")")
                    .bind(0, replica.id()).bind(1, Sql.ts(now)).bind(2, s.id()).bind(3, Sql.ts(c.slot()))
                    .bind(4, STARTING).bind(5, c.claimedBy()).bind(6, replica.id()).execute());
            if (taken == 0) {
                return; // its replica is alive and under way there, or another replica took it first
            }
            if (stillLatest && s.runs().page() == null) {
                start(s, c.slot());
            } else {
                update(s.id(), c.slot(), stillLatest ? "failed" : "missed", "the service stopped while "
                        + "starting it" + (stillLatest ? " (a page is not started twice)"
                        : "; a later slot had come by " + now));
            }
        } finally {
            firing.remove(key);
        }
    }

    /**
     * Starts the slot's job (its row says {@code started} and the job in the job's own transaction, so a slot never
     * says started without its job) or page.
     */
    private void start(Schedule s, Instant slot) {
        String actor = "schedule " + s.name();
        try {
            Schedule.Runs r = s.runs();
            if (r.page() != null) {
                long page = pages.start(r.page(), actor).id();
                db.jdbi().useHandle(h -> started(h, s.id(), slot, "page_id", page));
                return;
            }
            BiConsumer<Handle, Long> link = (h, job) -> started(h, s.id(), slot, "job_id", job);
            if (r.job() != null) {
                jobs.get().create(r.job(), actor, link);
            } else {
                templates.send(r.template(), new TemplateService.Send(actor, r.target(), r.variables(), r.options()),
                        actor, link);
            }
        } catch (ApiException e) {
            update(s.id(), slot, "failed", e.getMessage());
        }
    }

    /** The slot's row says started with what it started ({@code column}: job_id or page_id). */
    private static void started(Handle h, long id, Instant slot, String column, long started) {
        h.createUpdate("UPDATE schedule_runs SET result = 'started', " + column + " = ?, claimed_by = NULL WHERE "
                + "schedule_id = ? AND slot_at = ?").bind(0, started).bind(1, id).bind(2, Sql.ts(slot)).execute();
    }

    private static String key(Schedule s, Instant slot) {
        return s.id() + "@" + slot;
    }

    /** Claims a slot; false when it was claimed before. */
    private boolean record(long id, Instant slot, String result, String detail) {
        try {
            db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO schedule_runs (schedule_id, slot_at, result, "
                            + "detail, ran_at, claimed_by) VALUES (?, ?, ?, ?, ?, ?)").bind(0, id).bind(1, Sql.ts(slot))
                    .bind(2, result).bind(3, clip(detail)).bind(4, Sql.ts(clock.instant()))
                    .bind(5, result.equals(STARTING) ? replica.id() : null).execute());
            return true;
        } catch (RuntimeException e) {
            if (Sql.uniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    /** The slot ends without a job or page: failed or missed, and why. */
    private void update(long id, Instant slot, String result, String detail) {
        db.jdbi().useHandle(h -> h.createUpdate("UPDATE schedule_runs SET result = ?, detail = ?, claimed_by = NULL "
                + "WHERE schedule_id = ? AND slot_at = ?").bind(0, result).bind(1, clip(detail)).bind(2, id)
                .bind(3, Sql.ts(slot)).execute());
    }

    private static String clip(String s) {
        return s.length() > 1000 ? s.substring(0, 1000) : s;
    }
}
