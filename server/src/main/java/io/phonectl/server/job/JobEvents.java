package io.phonectl.server.job;

import io.phonectl.server.event.EventService;
import io.phonectl.server.event.NewEvent;
import io.phonectl.server.http.Json;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;

/** The job life-cycle events, in one place: created, started, progress, done, cancelled. */
final class JobEvents {

    static final String CREATED = "job.created";
    static final String STARTED = "job.started";
    static final String PROGRESS = "job.progress";
    static final String DONE = "job.done";
    static final String CANCELLED = "job.cancelled";

    private final EventService events;

    JobEvents(EventService events) {
        this.events = events;
    }

    void created(long job, String actor, String action, int total, Long retryOf) {
        ObjectNode d = Json.mapper().createObjectNode().put("action", action).put("total", total);
        if (retryOf != null) {
            d.put("retryOf", retryOf);
        }
        events.append(new NewEvent(CREATED, job, null, actor, d));
    }

    void started(long job, int run, JobStore.Recovery recovery) {
        events.append(new NewEvent(STARTED, job, null, "system", Json.mapper().createObjectNode().put("run", run)
                .put("resumed", recovery.resumed()).put("interrupted", recovery.interrupted())));
    }

    /** @param limit the concurrency limit of the run that reports, on its replica (null: none runs there) */
    void progress(long job, int total, Map<String, Long> counts, Integer limit) {
        ObjectNode d = countsOf(total, counts);
        if (limit != null) {
            d.put("limit", limit);
        }
        events.append(new NewEvent(PROGRESS, job, null, "system", d));
    }

    void finished(long job, String state, int total, Map<String, Long> counts, String actor) {
        events.append(new NewEvent(state.equals("cancelled") ? CANCELLED : DONE, job, null, actor,
                countsOf(total, counts)));
    }

    private static ObjectNode countsOf(int total, Map<String, Long> counts) {
        ObjectNode d = Json.mapper().createObjectNode().put("total", total);
        // the final items counted (not the total minus the open ones: while a job's items are still being
        // inserted, those not yet in are neither)
        long done = counts.entrySet().stream().filter(e -> !e.getKey().equals("pending")
                && !e.getKey().equals("in_flight")).mapToLong(Map.Entry::getValue).sum();
        d.put("done", done);
        ObjectNode c = d.putObject("counts");
        counts.forEach((k, v) -> {
            if (!k.equals("pending") && !k.equals("in_flight")) {
                c.put(k, v);
            }
        });
        d.put("pending", counts.getOrDefault("pending", 0L)).put("inFlight", counts.getOrDefault("in_flight", 0L));
        return d;
    }
}
