package io.phonectl.server.notify;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.phonectl.server.db.Database;
import io.phonectl.server.event.EventService;
import io.phonectl.server.event.NewEvent;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Json;
import io.phonectl.server.job.Job;
import io.phonectl.server.job.JobOptions;
import io.phonectl.server.job.JobRequest;
import io.phonectl.server.job.JobService;
import io.phonectl.server.job.JobSpec;
import io.phonectl.server.job.JobTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.phonectl.server.db.Sql;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Escalation of notifications: one durable check per notification that asks for it ("escalate job N", a db-scheduler
 * task instance due {@code afterSeconds} after creation, run once cluster-wide). The check counts the devices that
 * accepted and those that acknowledged; below the threshold it resends to those that did not (a new notification
 * job without escalation, so it cannot cascade) or leaves it to the webhooks; either way it raises
 * {@code notification.escalated}, and {@code notification.escalation-skipped} when enough acknowledged.
 */
public final class Escalations {

    private static final Logger LOG = LoggerFactory.getLogger(Escalations.class);
    static final String TASK = "phonectl-escalation";
    /** Longest wait between looks at the service's clock while a check is not due. */
    static final Duration RECHECK = Duration.ofSeconds(1);
    public static final String ESCALATED = "notification.escalated";
    public static final String SKIPPED = "notification.escalation-skipped";

    private final Database db;
    private final Receipts receipts;
    private final EventService events;
    private final InstantSource clock;
    private final Supplier<JobService> jobs;
    private final CustomTask<Void> task;
    private volatile SchedulerClient scheduler;

    Escalations(Database db, Receipts receipts, EventService events, InstantSource clock, Supplier<JobService> jobs) {
        this.db = db;
        this.receipts = receipts;
        this.events = events;
        this.clock = clock;
        this.jobs = jobs;
        this.task = Tasks.custom(TASK, Void.class).onFailure(new FailureHandler.OnFailureRetryLater<>(
                Duration.ofSeconds(5))).execute((instance, ctx) -> run(Long.parseLong(instance.getId())));
    }

    CustomTask<Void> task() {
        return task;
    }

    void scheduler(SchedulerClient s) {
        this.scheduler = s;
    }

    /**
     * Plans the check of a new notification job. db-scheduler runs on the system clock; whether the check is due is
     * decided on the service's clock ({@link #run}), so tests move time instead of waiting.
     */
    void created(long jobId, NotificationSpec.Escalation e) {
        scheduler.scheduleIfNotExists(task.instance(Long.toString(jobId)), Instant.now().plusSeconds(e.afterSeconds()));
    }

    /** Checks the job if it is due by the service's clock; otherwise looks again when it will be. */
    private CompletionHandler<Void> run(long jobId) {
        Instant created = db.jdbi().withHandle(h -> h.createQuery("SELECT created_at, spec FROM jobs WHERE id = ?")
                .bind(0, jobId).map((rs, ctx) -> Sql.instant(rs, "created_at").plusSeconds(NotificationSpec.of(
                        Json.mapper().readValue(rs.getString("spec"), JobSpec.class)).escalation().afterSeconds()))
                .findOne().orElse(null));
        Duration left = created == null ? Duration.ZERO : Duration.between(clock.instant(), created);
        if (left.isPositive()) {
            Instant again = Instant.now().plus(left.compareTo(RECHECK) < 0 ? left : RECHECK);
            return (complete, ops) -> ops.reschedule(complete, again);
        }
        if (created != null) {
            check(jobId);
        }
        return new CompletionHandler.OnCompleteRemove<>();
    }

    private record Original(JobSpec spec, JobOptions options) {
    }

    /** The check itself: counts, then resend or leave it to the webhooks, and the event. */
    void check(long jobId) {
        Original o = db.jdbi().withHandle(h -> h.createQuery("SELECT spec, options FROM jobs WHERE id = ?")
                .bind(0, jobId).map((rs, ctx) -> new Original(Json.mapper().readValue(rs.getString("spec"),
                        JobSpec.class), Json.mapper().readValue(rs.getString("options"), JobOptions.class)))
                .findOne().orElse(null));
        if (o == null) {
            return; // deleted meanwhile
        }
        NotificationSpec.Escalation e = NotificationSpec.of(o.spec()).escalation();
        Receipts.Summary s = receipts.summary(jobId);
        ObjectNode data = Json.mapper().createObjectNode().put("accepted", s.accepted())
                .put("acknowledged", s.acknowledged()).put("belowPercent", e.belowPercent()).put("action", e.action());
        if (s.accepted() == 0 || s.acknowledged() * 100 >= (long) e.belowPercent() * s.accepted()) {
            events.append(new NewEvent(SKIPPED, jobId, null, "system", data));
            return;
        }
        if (e.action().equals("resend")) {
            List<Long> devices = db.jdbi().withHandle(h -> h.createQuery("SELECT i.device_id FROM job_items i LEFT JOIN "
                    + "notification_acks a ON a.item_id = i.id WHERE i.job_id = ? AND i.success AND a.item_id IS NULL "
                    + "AND i.device_id IS NOT NULL ORDER BY i.id").bind(0, jobId).mapTo(Long.class).list());
            Map<String, JsonNode> params = new LinkedHashMap<>(o.spec().params());
            params.remove("escalation");
            try {
                Job follow = jobs.get().create(new JobRequest("escalation of job " + jobId, new JobTarget(null, null,
                        devices, null), NotificationSpec.ACTION, params, null, o.options()), "system");
                data.put("followUpJob", follow.id()).put("resentTo", devices.size());
            } catch (ApiException x) {
                LOG.warn("job {}: the escalation's resend was refused: {}", jobId, x.getMessage());
                data.put("refused", x.getMessage());
            }
        }
        events.append(new NewEvent(ESCALATED, jobId, null, "system", data));
    }
}
