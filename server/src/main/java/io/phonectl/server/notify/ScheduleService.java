package io.phonectl.server.notify;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.phonectl.server.db.Database;
import io.phonectl.server.db.Sql;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Cursor;
import io.phonectl.server.http.Json;
import io.phonectl.server.http.Page;
import io.phonectl.server.http.Paging;
import io.phonectl.server.job.JobService;
import io.phonectl.server.paging.PageService;
import io.phonectl.server.replica.Replicas;
import tools.jackson.core.type.TypeReference;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Supplier;

/**
 * Schedules (of templates, job definitions and pages): stored checked ({@link ScheduleRules}), each with one
 * durable db-scheduler task instance ("schedule N")
 * that wakes at its next slot. Which slots are due is decided on the service's clock ({@link #fireDue}), and a slot
 * runs at most once whichever replica gets there: its row in {@code schedule_runs} is claimed by a primary key.
 */
public final class ScheduleService {

    static final String TASK = "phonectl-schedule";
    static final int NEXT_RUNS = 5;

    private final Database db;
    private final Supplier<JobService> jobs;
    private final TemplateService templates;
    private final PageService pages;
    private final InstantSource clock;
    private final ScheduleSlots slots;
    private final CustomTask<Void> task;
    private volatile SchedulerClient scheduler;

    ScheduleService(Database db, Supplier<JobService> jobs, TemplateService templates, PageService pages,
                    InstantSource clock, Replicas replica) {
        this.db = db;
        this.jobs = jobs;
        this.templates = templates;
        this.pages = pages;
        this.clock = clock;
        this.slots = new ScheduleSlots(db, jobs, templates, pages, clock, replica);
        this.task = Tasks.custom(TASK, Void.class).onFailure(new FailureHandler.OnFailureRetryLater<>(
                Duration.ofSeconds(5))).execute((instance, ctx) -> wake(Long.parseLong(instance.getId())));
    }

    CustomTask<Void> task() {
        return task;
    }

    void scheduler(SchedulerClient s) {
        this.scheduler = s;
    }

    public Schedule create(Schedule.Input in, String actor) {
        ScheduleRules.Checked c = ScheduleRules.check(in, clock.instant(), jobs.get(), templates, pages);
        var now = Sql.ts(clock.instant());
        long id;
        try {
            id = db.jdbi().withHandle(h -> h.createUpdate("INSERT INTO schedules (name, run_at, cron, zone, holidays, "
                            + "enabled, runs, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .bind(0, in.name()).bind(1, in.at() == null ? null : Sql.ts(in.at())).bind(2, in.cron())
                    .bind(3, c.zone()).bind(4, c.holidays()).bind(5, c.enabled()).bind(6, c.runs()).bind(7, actor)
                    .bind(8, now).bind(9, now).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        } catch (RuntimeException e) {
            throw Sql.uniqueViolation(e) ? new ApiException.Conflict("name", in.name(), "a schedule name not in use") : e;
        }
        plan(id);
        return get(id);
    }

    public Schedule update(long id, Schedule.Input in) {
        get(id);
        ScheduleRules.Checked c = ScheduleRules.check(in, clock.instant(), jobs.get(), templates, pages);
        try {
            db.jdbi().useHandle(h -> h.createUpdate("UPDATE schedules SET name = ?, run_at = ?, cron = ?, zone = ?, "
                            + "holidays = ?, enabled = ?, runs = ?, updated_at = ? WHERE id = ?")
                    .bind(0, in.name()).bind(1, in.at() == null ? null : Sql.ts(in.at())).bind(2, in.cron())
                    .bind(3, c.zone()).bind(4, c.holidays()).bind(5, c.enabled()).bind(6, c.runs())
                    .bind(7, Sql.ts(clock.instant())).bind(8, id).execute());
        } catch (RuntimeException e) {
            throw Sql.uniqueViolation(e) ? new ApiException.Conflict("name", in.name(), "a schedule name not in use") : e;
        }
        plan(id);
        return get(id);
    }

    public void delete(long id) {
        if (db.jdbi().withHandle(h -> h.createUpdate("DELETE FROM schedules WHERE id = ?").bind(0, id).execute()) == 0) {
            throw new ApiException.NotFound("schedule", id);
        }
        cancel(TaskInstanceId.of(TASK, Long.toString(id)));
    }

    public Schedule get(long id) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM schedules WHERE id = ?").bind(0, id)
                .map((rs, ctx) -> row(rs)).findOne()).orElseThrow(() -> new ApiException.NotFound("schedule", id));
    }

    public Page<Schedule> list(Paging paging) {
        long after = paging.cursor() == null ? 0 : paging.cursor().id();
        return db.jdbi().withHandle(h -> {
            List<Schedule> rows = h.createQuery("SELECT * FROM schedules WHERE id > ? ORDER BY id LIMIT ?")
                    .bind(0, after).bind(1, paging.limit() + 1).map((rs, ctx) -> row(rs)).list();
            long total = h.createQuery("SELECT count(*) FROM schedules").mapTo(Long.class).one();
            return Page.of(rows, paging.limit(), total, s -> new Cursor("", s.id()));
        });
    }

    /** The slots that came, newest first (at most 1,000). */
    public List<Schedule.Run> runs(long id) {
        get(id);
        return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM schedule_runs WHERE schedule_id = ? ORDER BY "
                + "slot_at DESC LIMIT 1000").bind(0, id).map((rs, ctx) -> new Schedule.Run(Sql.instant(rs, "slot_at"),
                rs.getString("result"), Sql.longOrNull(rs, "job_id"), Sql.longOrNull(rs, "page_id"),
                rs.getString("detail"), Sql.instant(rs, "ran_at"))).list());
    }

    /**
     * Runs what is due now by the service's clock: the latest slot that came and is not recorded (earlier ones that
     * were never run are recorded as missed: a bell is not rung hours late); answers the next slot, or null when
     * there is none (a one-time schedule that ran, a deleted schedule). A slot whose start was left half done by a
     * replica that died (claimed, its job never stored) is started now if it is still the latest, else missed.
     */
    public Instant fireDue(long id) {
        Schedule s = db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM schedules WHERE id = ?").bind(0, id)
                .map((rs, ctx) -> row(rs)).findOne()).orElse(null);
        return s == null ? null : slots.fireDue(s);
    }

    /** The task's execution: run what is due, then sleep until the next slot (by the service's clock). */
    private CompletionHandler<Void> wake(long id) {
        Instant next = fireDue(id);
        if (next == null) {
            return new CompletionHandler.OnCompleteRemove<>();
        }
        Instant at = Instant.now().plus(nonNegative(Duration.between(clock.instant(), next)));
        return (complete, ops) -> ops.reschedule(complete, at);
    }

    /** (Re)plans the schedule's task for its next slot. */
    private void plan(long id) {
        Schedule s = get(id);
        Instant next = s.nextRuns().isEmpty() ? null : s.nextRuns().getFirst();
        TaskInstanceId key = TaskInstanceId.of(TASK, Long.toString(id));
        if (next == null) {
            cancel(key);
            return;
        }
        Instant when = Instant.now().plus(nonNegative(Duration.between(clock.instant(), next)));
        boolean moved;
        try {
            moved = scheduler.reschedule(key, when);
        } catch (RuntimeException e) {
            // not planned yet, or running now (that run plans the next slot from the stored schedule itself)
            moved = e.getClass().getSimpleName().contains("CurrentlyExecuting");
        }
        if (!moved) {
            scheduler.scheduleIfNotExists(task.instance(Long.toString(id)), when);
        }
    }

    private void cancel(TaskInstanceId key) {
        try {
            scheduler.cancel(key);
        } catch (RuntimeException e) {
            // nothing planned, or running now: a run of a deleted schedule ends by itself
        }
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    private Schedule row(ResultSet rs) throws SQLException {
        Instant at = Sql.instant(rs, "run_at");
        String cron = rs.getString("cron");
        String zone = rs.getString("zone");
        List<String> holidays = Json.mapper().readValue(rs.getString("holidays"), new TypeReference<List<String>>() { });
        Schedule.Runs runs = Json.mapper().readValue(rs.getString("runs"), Schedule.Runs.class);
        Schedule s = new Schedule(rs.getLong("id"), rs.getString("name"), at, cron, zone, holidays,
                rs.getBoolean("enabled"), runs, List.of(), rs.getString("created_by"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
        return new Schedule(s.id(), s.name(), at, cron, zone, holidays, s.enabled(), runs,
                ScheduleRules.upcoming(s, clock.instant(), NEXT_RUNS), s.createdBy(), s.createdAt(), s.updatedAt());
    }
}
