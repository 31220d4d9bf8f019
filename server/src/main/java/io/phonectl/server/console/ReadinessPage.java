package io.phonectl.server.console;

import io.phonectl.server.group.GroupService;
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
import io.phonectl.server.job.JobRequest;
import io.phonectl.server.job.JobService;
import io.phonectl.server.job.JobViews;
import io.phonectl.server.job.Outcomes;
import io.phonectl.server.readiness.ReadinessKind;
import io.phonectl.server.readiness.ReadinessService;
import tools.jackson.databind.node.StringNode;

import java.util.List;
import java.util.Map;

/**
 * Readiness audits: the trend (the latest audits with how many devices were ready and the others by reason code,
 * {@link ReadinessService}, as {@code GET /api/v1/readiness}), run one on a target (a job of action
 * {@code readiness}, made with {@link JobService#create}), and one audit's result per device with its reason.
 */
public final class ReadinessPage {

    static final int TREND = 30;
    static final int ITEMS = 50;

    public record TrendView(Frame frame, ReadinessService.Trend trend, Forms.Target target) {
    }

    /** One audit; {@code notReady}: only the devices that are not ready. */
    public record View(Frame frame, Job job, List<JobItem> items, long shown, boolean notReady, String nextHref) {
        public boolean open() {
            return job.state().equals("queued") || job.state().equals("running");
        }

        public long ready() {
            return job.counts().getOrDefault(Outcomes.READY, 0L);
        }

        public long others() {
            return job.counts().values().stream().mapToLong(Long::longValue).sum() - ready();
        }

        /** The item's reason code (a NOT_READY item's), else its outcome. */
        public static String reason(JobItem i) {
            if (i.result() != null && i.result().has("reason")) {
                return i.result().get("reason").asString();
            }
            return i.outcome() == null ? i.state() : i.outcome();
        }
    }

    private ReadinessPage() {
    }

    static List<Route> routes(ReadinessService readiness, JobService jobs, GroupService groups) {
        return List.of(
                Route.get("/readiness").role(Role.VIEWER).page().doc("console", "Readiness audits")
                        .handler(ex -> trend(ex, readiness, groups, Map.of(), 200, null)),
                Route.post("/readiness").role(Role.OPERATOR).page().doc("console", "Run a readiness audit")
                        .handler(ex -> {
                            Map<String, List<String>> form = ex.form();
                            try {
                                String asked = Forms.text(form, "notification");
                                Job j = jobs.create(new JobRequest(Forms.text(form, "name"), Forms.jobTarget(form),
                                        ReadinessKind.ID, asked == null ? Map.of()
                                        : Map.of("notification", StringNode.valueOf(asked)), null, null),
                                        ex.principal().name());
                                ex.target(j.id());
                                return Html.redirect("/readiness/" + j.id());
                            } catch (ApiException.Invalid | ApiException.Conflict e) {
                                return trend(ex, readiness, groups, form, e.status(), e.getMessage());
                            }
                        }),
                Route.get("/readiness/{id}").role(Role.VIEWER).page().doc("console", "One readiness audit per device")
                        .handler(ex -> audit(ex, jobs.views())));
    }

    private static Reply trend(Exchange ex, ReadinessService readiness, GroupService groups,
                               Map<String, List<String>> form, int status, String error) {
        Frame frame = Html.frame(ex, "Readiness", "readiness");
        return Html.page(status, "readiness.jte", new TrendView(error == null ? frame : frame.withError(error),
                readiness.trend(TREND), Forms.target("r", form, groups)));
    }

    private static Reply audit(Exchange ex, JobViews views) {
        long id = ex.id("id");
        Job j = views.get(id);
        if (!j.action().equals(ReadinessKind.ID)) {
            throw new ApiException.NotFound("readiness audit", id);
        }
        boolean notReady = "1".equals(ex.query("notReady"));
        Page<JobItem> items = views.items(id, new JobViews.ItemFilter(notReady ? List.of(Outcomes.NOT_READY)
                : List.of(), List.of(), null), new Paging(ITEMS, Cursor.decode(ex.query("cursor"))));
        String next = items.next() == null ? null
                : "/readiness/" + id + "?" + (notReady ? "notReady=1&" : "") + "cursor=" + items.next();
        return Html.page("readiness-audit.jte", new View(Html.frame(ex, "Readiness audit " + id, "readiness"), j,
                items.items(), items.total(), notReady, next));
    }
}
