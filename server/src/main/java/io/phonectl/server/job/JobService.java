package io.phonectl.server.job;

import io.phonectl.client.fleet.Preflight;
import io.phonectl.client.xsi.OutcomeKind;
import io.phonectl.client.xsi.PhoneAddress;
import io.phonectl.server.db.Sql;
import io.phonectl.server.device.DeviceKind;
import io.phonectl.server.group.GroupService;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Json;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.Map;
import java.util.TreeMap;

/**
 * Jobs: create (the target resolved once into items, the job scheduled after commit), cancel, and retry the failed
 * items as a new job. Reads are {@link JobViews}. The API and the console both call this; nothing here knows HTTP.
 */
public final class JobService {

    private final JobEngine engine;
    private final ItemTargets targets;
    private final ItemCreation creation;
    private final JobViews views;

    public JobService(JobEngine engine, GroupService groups) {
        this.engine = engine;
        this.targets = new ItemTargets(groups, engine.config().maxItems());
        this.creation = new ItemCreation(engine.database(), engine.replicas(), targets, engine.clock(),
                engine::itemsAdded);
        engine.useCreation(creation);
        this.views = new JobViews(engine.database(), engine::limit);
    }

    public JobViews views() {
        return views;
    }

    /**
     * Checks a job request as {@link #create} would (target, name, options, action), without storing it: for saved job
     * definitions (schedules) that run later. Which devices the target selects is decided when it runs.
     */
    public void check(JobRequest request) {
        if (request.target() == null) {
            throw new ApiException.Invalid("target", null, "one of all (true), selector, devices, groups");
        }
        request.target().checked();
        JobOptions options = (request.options() == null ? JobOptions.DEFAULTS : request.options())
                .resolved((int) engine.config().requestTimeout().toMillis());
        engine.actions().build(request.spec(), options.callback());
    }

    /** Checks and stores a job with one pending item per target device; it starts as soon as a thread is free. */
    public Job create(JobRequest request, String actor) {
        return create(request, actor, (h, id) -> { });
    }

    /**
     * The same, with {@code link} run in the transaction that stores the job, given its id: what records that the job
     * was made (a schedule's slot) commits with it or not at all.
     */
    public Job create(JobRequest request, String actor, BiConsumer<Handle, Long> link) {
        if (request.target() == null) {
            throw new ApiException.Invalid("target", null, "one of all (true), selector, devices, groups");
        }
        JobTarget target = request.target().checked();
        String name = request.name() == null ? "" : request.name().strip();
        if (name.length() > JobRequest.MAX_NAME) {
            throw new ApiException.Invalid("name", name.substring(0, 40) + "…", "at most " + JobRequest.MAX_NAME
                    + " characters");
        }
        JobOptions options = (request.options() == null ? JobOptions.DEFAULTS : request.options())
                .resolved((int) engine.config().requestTimeout().toMillis());
        if (options.callback() && !engine.callbacks()) {
            throw new ApiException.Invalid("options.callback", true, "a service with a callback receiver "
                    + "(it was started with callbackPort = -1)");
        }
        if (options.oneTimeCredentials() && engine.itemCredentials() == null) {
            throw new ApiException.Invalid("options.oneTimeCredentials", true, "a service with the authentication "
                    + "relay (it was started without one)");
        }
        JobSpec spec = request.spec();
        JobAction action = engine.actions().build(spec, options.callback());
        ObjectNode targetJson = Json.mapper().valueToTree(target);
        ItemCreation.Started made = engine.database().jdbi().inTransaction(h -> {
            ItemCreation.Started m = creation.start(h, name, action.id(), spec, options, targetJson, actor, null,
                    targets.where(h, target), engine.clock().instant());
            link.accept(h, m.id());
            return m;
        });
        long id = made.id();
        // the total as inserted: reading the job's view here would count its items before the run can start
        engine.events().created(id, actor, action.id(), made.total(), null);
        engine.schedule(id);
        creation.complete(made);
        engine.actions().created(id, spec, actor);
        return views.get(id);
    }

    /**
     * The pre-flight of a job that is not made: its target resolved now and counted by model, each model with the
     * verdict the engine would reach for it (the same pre-flight, once per model), so a person sees before sending
     * which devices will get it and which will not, and why.
     */
    public JobPreview preview(JobRequest request) {
        if (request.target() == null) {
            throw new ApiException.Invalid("target", null, "one of all (true), selector, devices, groups");
        }
        JobTarget target = request.target().checked();
        JobAction action = engine.actions().build(request.spec(), false);
        record Count(String model, String kind, long n) {
        }
        List<Count> counts = engine.database().jdbi().withHandle(h -> {
            List<Count> out = new ArrayList<>();
            for (ItemTargets.Cond part : targets.where(h, target).parts()) {
                Sql.bind(h.createQuery("SELECT d.model, d.kind, count(*) AS n FROM devices d WHERE " + part.sql()
                        + " GROUP BY d.model, d.kind"), part.args())
                        .map((rs, ctx) -> new Count(rs.getString("model"), rs.getString("kind"), rs.getLong("n")))
                        .forEach(out::add);
            }
            return out;
        });
        Map<String, Count> merged = new TreeMap<>();
        for (Count c : counts) {
            merged.merge(c.model() + "\n" + c.kind(), c, (a, b) -> new Count(a.model(), a.kind(), a.n() + b.n()));
        }
        XsiPushPath.Prepared prepared = action instanceof JobAction.Push p && p.perItem() == null
                ? engine.pushPath().prepare(p.id(), p.document(), true) : null;
        List<JobPreview.Line> lines = new ArrayList<>();
        long total = 0;
        long send = 0;
        for (Count c : merged.values()) {
            total += c.n();
            DeviceKind kind = DeviceKind.parse(c.kind()).orElseThrow();
            JobPreview.Line line;
            if (!action.accepts(kind)) {
                line = new JobPreview.Line(c.model(), c.kind(), c.n(), false, OutcomeKind.UNSUPPORTED.name(),
                        action.id() + " is " + (action.kind() == DeviceKind.XSI
                                ? "an XSI push to IP phones" : "an xAPI action") + "; " + c.kind() + " devices "
                                + (kind == DeviceKind.XSI ? "take XSI" : "take xAPI"));
            } else if (prepared != null) {
                line = switch (engine.pushPath().verdict(prepared, PhoneAddress.parse("127.0.0.1:1"), c.model())) {
                    case Preflight.Verdict.Skip skip -> new JobPreview.Line(c.model(), c.kind(), c.n(), false,
                            skip.outcome().kind().name(), skip.outcome().detail());
                    case Preflight.Verdict.Send ok -> new JobPreview.Line(c.model(), c.kind(), c.n(), true, null, null);
                };
            } else {
                line = new JobPreview.Line(c.model(), c.kind(), c.n(), true, null, null);
            }
            if (line.send()) {
                send += c.n();
            }
            lines.add(line);
        }
        if (total > engine.config().maxItems()) {
            throw targets.tooMany(total);
        }
        return new JobPreview(action.id(), total, send, lines);
    }

    /**
     * Cancels a queued or running job: its pending items end CANCELLED at once; items in flight finish with their
     * own outcome, then the job is {@code cancelled}. A queued job is cancelled on the spot.
     */
    /** Whether the job exists and is not final (queued or running). */
    public boolean active(long id) {
        return engine.store().load(id).map(JobStore.JobRow::open).orElse(false);
    }

    public Job cancel(long id, String actor) {
        Instant now = engine.clock().instant();
        String before = engine.database().jdbi().inTransaction(h -> {
            String state = h.createQuery("SELECT state FROM jobs WHERE id = ? FOR UPDATE").bind(0, id)
                    .mapTo(String.class).findOne().orElseThrow(() -> new ApiException.NotFound("job", id));
            if (!state.equals("queued") && !state.equals("running")) {
                throw new ApiException.Conflict("state", state, "a queued or running job can be cancelled");
            }
            h.createUpdate("UPDATE jobs SET cancel_requested = TRUE, state = CASE WHEN state = 'queued' "
                            + "THEN 'cancelled' ELSE state END, finished_at = CASE WHEN state = 'queued' THEN ? "
                            + "ELSE finished_at END WHERE id = ?")
                    .bind(0, Sql.ts(now)).bind(1, id).execute();
            JobStore.finishPending(h, id, Outcomes.CANCELLED, "not sent: the job was cancelled by " + actor, now);
            return state;
        });
        if (before.equals("queued")) {
            Job j = views.get(id);
            engine.events().finished(id, "cancelled", j.total(), engine.store().counts(id), actor);
        }
        return views.get(id);
    }

    /**
     * A new job of the same action and options for the devices whose items failed ({@code outcomes}, or every
     * outcome that is no success), linked to this one. The job must be done or cancelled.
     */
    public Job retryFailed(long id, List<String> outcomes, String actor) {
        JobStore.JobRow row = engine.store().load(id).orElseThrow(() -> new ApiException.NotFound("job", id));
        if (row.open()) {
            throw new ApiException.Conflict("state", row.state(), "a done or cancelled job (its failures are final)");
        }
        List<String> kinds = outcomes.isEmpty() ? Outcomes.all().stream().filter(o -> !Outcomes.success(o)).toList()
                : outcomes;
        JobSpec spec = Json.mapper().readValue(row.spec(), JobSpec.class);
        JobOptions options = Json.mapper().readValue(row.options(), JobOptions.class);
        JobAction action = engine.actions().build(spec, options.callback());
        String name = "retry of job " + id;
        ObjectNode target = Json.mapper().createObjectNode().put("retryOf", id);
        kinds.forEach(target.putArray("outcomes")::add);
        ItemCreation.Started made = engine.database().jdbi().inTransaction(h -> {
            try {
                return creation.start(h, name, action.id(), spec, options, target, actor, id,
                        ItemTargets.retry(id, kinds), engine.clock().instant());
            } catch (ApiException.Invalid e) {
                throw new ApiException.Conflict("outcome", String.join(",", kinds), "a job with items that ended so "
                        + "(and whose devices still exist)");
            }
        });
        engine.events().created(made.id(), actor, action.id(), made.total(), id);
        engine.schedule(made.id());
        creation.complete(made);
        return views.get(made.id());
    }
}
