package io.phonectl.server.api;

import io.phonectl.server.audit.AuditLog;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Reply;
import io.phonectl.server.http.Role;
import io.phonectl.server.http.Route;
import io.phonectl.server.job.Job;
import io.phonectl.server.job.JobItem;
import io.phonectl.server.job.JobPreview;
import io.phonectl.server.job.JobRequest;
import io.phonectl.server.job.JobService;
import io.phonectl.server.job.JobViews;
import io.phonectl.server.job.Outcomes;

import java.util.List;
import java.util.Set;

/** Jobs: create, list, read, items, a collected result, cancel, retry the failed ones, export. */
final class JobResource {

    private static final String BASE = "/api/v1/jobs";
    private static final Set<String> STATES = Set.of("queued", "running", "done", "cancelled");
    private static final Set<String> ITEM_STATES = Set.of("pending", "in_flight", "final");

    /** POST …/retry-failed: which outcomes count as failed (default: every outcome that is no success). */
    record RetryRequest(List<String> outcomes) {
    }

    private JobResource() {
    }

    static List<Route> routes(JobService jobs) {
        JobViews views = jobs.views();
        return List.of(
                Route.post(BASE).role(Role.OPERATOR)
                        .doc("jobs", "Create a job: one action to a target resolved now; it runs on the server")
                        .request(JobRequest.class).response(201, Job.class).handler(ex -> {
                            Job j = jobs.create(ex.json(JobRequest.class), ex.principal().name());
                            ex.target(j.id());
                            return Reply.created(j);
                        }),
                Route.post(BASE + "/preview").role(Role.OPERATOR)
                        .doc("jobs", "What a job would do, without making it: its target counted by model, each model "
                                + "with the pre-flight verdict (sent, or not and why)")
                        .request(JobRequest.class).response(200, JobPreview.class)
                        .handler(ex -> Reply.ok(jobs.preview(ex.json(JobRequest.class)))),
                Route.get(BASE).role(Role.VIEWER).doc("jobs", "List jobs, newest first").paged()
                        .query("state", "string", "queued, running, done or cancelled")
                        .query("createdBy", "string", "who created them (user or user/token)")
                        .query("since", "string", "created at or after this ISO-8601 instant")
                        .query("action", "string", "of this action only (e.g. notification, readiness)")
                        .responsePage(Job.class).handler(ex -> {
                            String state = ex.query("state");
                            if (state != null && !STATES.contains(state)) {
                                throw new ApiException.Invalid("state", state, "one of " + String.join(", ", STATES));
                            }
                            return Reply.ok(views.list(new JobViews.Filter(state, ex.query("createdBy"),
                                    AuditLog.instant("since", ex.query("since")), action(ex.query("action"))),
                                    ex.paging()));
                        }),
                Route.get(BASE + "/{id}").role(Role.VIEWER)
                        .doc("jobs", "One job: state, counts by outcome, timings to the first/median/p99/last outcome")
                        .response(Job.class).handler(ex -> Reply.ok(views.get(ex.id("id")))),
                Route.get(BASE + "/{id}/items").role(Role.VIEWER).doc("jobs", "A job's items with their outcomes")
                        .paged().query("outcome", "string", "outcome kinds, comma-separated (e.g. TIMED_OUT,REFUSED)")
                        .query("state", "string", "pending, in_flight or final, comma-separated")
                        .query("model", "string", "the device model").responsePage(JobItem.class)
                        .handler(ex -> Reply.ok(views.items(ex.id("id"), new JobViews.ItemFilter(
                                Outcomes.parse("outcome", ex.query("outcome")), itemStates(ex.query("state")),
                                ex.query("model")), ex.paging()))),
                Route.get(BASE + "/{id}/items/{itemId}/result").role(Role.VIEWER)
                        .doc("jobs", "What a collection job kept for an item (a screenshot, a device page)")
                        .responseType("application/octet-stream").handler(ex -> {
                            long id = ex.id("id");
                            long item = Long.parseLong(ex.pathParam("itemId").matches("\\d{1,18}")
                                    ? ex.pathParam("itemId") : "0");
                            var r = views.result(id, item).orElseThrow(() -> new ApiException.NotFound(
                                    "kept result for item", ex.pathParam("itemId") + " of job " + id));
                            return Reply.raw(200, r.contentType(), r.bytes());
                        }),
                Route.post(BASE + "/{id}/cancel").role(Role.OPERATOR)
                        .doc("jobs", "Cancel: pending items end CANCELLED, items in flight finish")
                        .response(Job.class).handler(ex -> Reply.ok(jobs.cancel(ex.id("id"), ex.principal().name()))),
                Route.post(BASE + "/{id}/retry-failed").role(Role.OPERATOR)
                        .doc("jobs", "A new job of the failed items' devices (optional body: the outcomes to retry)")
                        .request(RetryRequest.class).response(201, Job.class).handler(ex -> {
                            long id = ex.id("id");
                            List<String> outcomes = ex.body().length == 0 ? List.of()
                                    : Outcomes.parse("outcomes", String.join(",", orEmpty(ex.json(RetryRequest.class))));
                            Job j = jobs.retryFailed(id, outcomes, ex.principal().name());
                            return Reply.created(j);
                        }),
                Route.get(BASE + "/{id}/export").role(Role.VIEWER)
                        .doc("jobs", "Every item as CSV or JSON (format=csv|json, default json)")
                        .query("format", "string", "csv or json").responseType("text/csv")
                        .handler(ex -> JobExport.reply(views, ex.id("id"), ex.query("format"))));
    }

    private static List<String> orEmpty(RetryRequest r) {
        return r.outcomes() == null ? List.of() : r.outcomes();
    }

    private static List<String> itemStates(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> out = List.of(text.split(",")).stream().map(String::strip).toList();
        for (String s : out) {
            if (!ITEM_STATES.contains(s)) {
                throw new ApiException.Invalid("state", s, "pending, in_flight or final");
            }
        }
        return out;
    }

    /** An action filter: at most 64 characters of an action id's alphabet (anything else matches no job anyway). */
    private static String action(String a) {
        if (a == null || a.isBlank()) {
            return null;
        }
        if (!a.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new ApiException.Invalid("action", a.length() > 64 ? a.substring(0, 64) + "…" : a,
                    "an action id (letters, digits, _ . -; at most 64 characters)");
        }
        return a;
    }
}
