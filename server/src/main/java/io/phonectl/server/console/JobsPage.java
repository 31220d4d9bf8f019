package io.phonectl.server.console;

import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Cursor;
import io.phonectl.server.http.Exchange;
import io.phonectl.server.http.Page;
import io.phonectl.server.http.Paging;
import io.phonectl.server.http.Reply;
import io.phonectl.server.http.Role;
import io.phonectl.server.http.Route;
import io.phonectl.server.job.Job;
import io.phonectl.server.job.JobItem;
import io.phonectl.server.job.JobService;
import io.phonectl.server.job.JobViews;
import io.phonectl.server.job.Outcomes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Jobs: the list, and one job with live counts (an SSE stream, {@link JobLive}), its items filterable by outcome and
 * model, the time to its last outcome, cancel, "retry the failed ones" and export.
 */
public final class JobsPage {

    static final int ITEMS = 50;

    /** The job list. */
    public record ListView(Frame frame, List<Job> jobs, long total, String nextHref, String state) {
    }

    /** One job: its counts ({@link Counts}, also what the live stream sends), and a page of its items. */
    public record View(Frame frame, Counts counts, List<JobItem> items, long itemsTotal, String outcome, String model,
                       String nextHref, String firstHref, JobChart chart) {
    }

    /**
     * The part of the job page the live stream replaces. {@code reload}: the last one a stream sends, which makes the
     * page fetch the items table again (their outcomes are final now). The cancel and retry buttons are part of it
     * ({@code operator}, {@code csrf}), so they follow the job's state.
     */
    public record Counts(Job job, List<Map.Entry<String, Long>> outcomes, boolean open, long done, boolean reload,
                         boolean operator, String csrf) {
        public long percent() {
            return Fmt.percent(done, job.total());
        }

        public boolean failures() {
            return outcomes.stream().anyMatch(e -> !Outcomes.success(e.getKey()) && e.getValue() > 0);
        }

        public String seconds(Long millis) {
            return millis == null ? "" : String.format(java.util.Locale.ROOT, "%.2f s", millis / 1000.0);
        }
    }

    private JobsPage() {
    }

    static Counts counts(Job j, Frame f) {
        List<Map.Entry<String, Long>> outcomes = new ArrayList<>(j.counts().entrySet());
        outcomes.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        long done = j.counts().values().stream().mapToLong(Long::longValue).sum();
        boolean open = j.state().equals("queued") || j.state().equals("running");
        return new Counts(j, outcomes, open, done, false, f.operator(), f.csrf());
    }

    static List<Route> routes(JobService jobs, JobLive live) {
        JobViews views = jobs.views();
        return List.of(
                Route.get("/jobs").role(Role.VIEWER).page().doc("console", "Jobs").handler(ex -> {
                    String state = blank(ex.query("state"));
                    Page<Job> page = views.list(new JobViews.Filter(state, null, null),
                            Paging.of(Integer.toString(ITEMS), ex.query("cursor")));
                    String next = page.next() == null ? null
                            : "/jobs?" + (state == null ? "" : "state=" + Html.url(state) + "&") + "cursor=" + page.next();
                    return Html.page("jobs.jte", new ListView(Html.frame(ex, "Jobs", "jobs"), page.items(),
                            page.total(), next, state == null ? "" : state));
                }),
                Route.get("/jobs/{id}").role(Role.VIEWER).page().doc("console", "A job").handler(ex -> job(ex, views)),
                Route.get("/jobs/{id}/live").role(Role.VIEWER).page()
                        .doc("console", "A job's counts as Server-Sent Events of HTML, until it ends").handler(ex -> {
                            long id = ex.id("id");
                            views.get(id);
                            return live.stream(id, Html.frame(ex, "", "jobs"));
                        }),
                Route.post("/jobs/{id}/cancel").role(Role.OPERATOR).page().doc("console", "Cancel a job")
                        .handler(ex -> {
                            long id = ex.id("id");
                            jobs.cancel(id, ex.principal().name());
                            return Html.redirect("/jobs/" + id);
                        }),
                Route.post("/jobs/{id}/retry").role(Role.OPERATOR).page().doc("console", "Retry a job's failed items")
                        .handler(ex -> {
                            long id = ex.id("id");
                            Job retry = jobs.retryFailed(id, List.of(), ex.principal().name());
                            return Html.redirect("/jobs/" + retry.id());
                        }));
    }

    private static Reply job(Exchange ex, JobViews views) {
        long id = ex.id("id");
        Job j = views.get(id);
        String outcome = blank(ex.query("outcome"));
        String model = blank(ex.query("model"));
        List<String> outcomes = outcome == null ? List.of() : Outcomes.parse("outcome", outcome);
        Page<JobItem> items = views.items(id, new JobViews.ItemFilter(outcomes, List.of(), model),
                new Paging(ITEMS, Cursor.decode(ex.query("cursor"))));
        String base = "/jobs/" + id + "?" + (outcome == null ? "" : "outcome=" + Html.url(outcome) + "&")
                + (model == null ? "" : "model=" + Html.url(model) + "&");
        String next = items.next() == null ? null : base + "cursor=" + items.next() + "#items";
        String first = ex.query("cursor") == null ? null : base + "#items";
        Frame frame = Html.frame(ex, "Job " + id, "jobs");
        return Html.page("job.jte", new View(frame, counts(j, frame), items.items(), items.total(),
                outcome == null ? "" : outcome, model == null ? "" : model, next, first,
                JobChart.of(views.timeline(id, JobChart.SLICES))));
    }

    static String blank(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        if (s.length() > 200) {
            throw new ApiException.Invalid("query", s.substring(0, 40) + "…", "at most 200 characters");
        }
        return s.strip();
    }
}
