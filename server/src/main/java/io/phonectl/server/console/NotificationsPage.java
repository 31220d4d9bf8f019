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
import io.phonectl.server.job.JobPreview;
import io.phonectl.server.job.JobRequest;
import io.phonectl.server.job.JobService;
import io.phonectl.server.job.JobViews;
import io.phonectl.server.notify.Receipts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Notifications: compose one (title, text, priority, tone, acknowledgement, expiry, escalation, target) with the
 * engine's pre-flight preview, the list, and one notification's proof of delivery: per device queued, sent,
 * accepted, acknowledged (by which way, when), and who never acknowledged. A notification is a job of action
 * {@code notification}, made with the same {@link JobService#create} as {@code POST /api/v1/jobs}; its receipts are
 * {@link Receipts}, as {@code GET /api/v1/notifications/{id}/receipts}.
 */
public final class NotificationsPage {

    static final String ACTION = "notification";
    static final int ROWS = 25;
    static final int RECEIPTS = 50;

    /** One notification of the list with its delivery summary. */
    public record Row(Job job, Receipts.Summary summary) {
    }

    public record ListView(Frame frame, List<Row> rows, long total, String nextHref) {
    }

    /** The compose page; {@code preview} after "Preview", with the form's values echoed for "Send". */
    public record ComposeView(Frame frame, NotificationForm n, Forms.Problem problem, Forms.Target target,
                              String name, JobPreview preview, List<Map.Entry<String, String>> hidden) {
    }

    /**
     * One notification. {@code acknowledged}: the filter ("" every device, "true" who acknowledged, "false" who did
     * not yet); {@code watch}: the page polls for new receipts (the job runs, or acknowledgements may still come).
     */
    public record View(Frame frame, Job job, NotificationForm n, Receipts.Summary summary,
                       List<Receipts.Receipt> receipts, long shown, String acknowledged, String nextHref,
                       boolean watch) {
    }

    private NotificationsPage() {
    }

    static List<Route> routes(JobService jobs, Receipts receipts, GroupService groups) {
        JobViews views = jobs.views();
        return List.of(
                Route.get("/notifications").role(Role.VIEWER).page().doc("console", "Notifications").handler(ex -> {
                    Page<Job> page = views.list(new JobViews.Filter(null, null, null, ACTION),
                            Paging.of(Integer.toString(ROWS), ex.query("cursor")));
                    List<Row> rows = new ArrayList<>();
                    for (Job j : page.items()) {
                        rows.add(new Row(j, receipts.summary(j.id())));
                    }
                    return Html.page("notifications.jte", new ListView(Html.frame(ex, "Notifications",
                            "notifications"), rows, page.total(),
                            page.next() == null ? null : "/notifications?cursor=" + page.next()));
                }),
                Route.get("/notifications/new").role(Role.OPERATOR).page().doc("console", "Compose a notification")
                        .handler(ex -> compose(ex, jobs, groups, Forms.fields(ex, false))),
                Route.post("/notifications").role(Role.OPERATOR).page().doc("console", "Send a notification")
                        .handler(ex -> {
                            Map<String, List<String>> form = ex.form();
                            try {
                                Job j = jobs.create(request(form), ex.principal().name());
                                ex.target(j.id());
                                return Html.redirect("/notifications/" + j.id());
                            } catch (ApiException.Invalid | ApiException.Conflict e) {
                                return Html.page(e.status(), "notification-new.jte",
                                        view(ex, groups, form, Forms.Problem.of(e), null));
                            }
                        }),
                Route.get("/notifications/{id}").role(Role.VIEWER).page().doc("console", "A notification's delivery")
                        .handler(ex -> notification(ex, views, receipts)));
    }

    private static Reply compose(Exchange ex, JobService jobs, GroupService groups, Map<String, List<String>> form) {
        if (!form.containsKey("preview")) {
            return Html.page("notification-new.jte", view(ex, groups, form, Forms.Problem.NONE, null));
        }
        try {
            return Html.page("notification-new.jte", view(ex, groups, form, Forms.Problem.NONE,
                    jobs.preview(request(form))));
        } catch (ApiException.Invalid e) {
            return Html.page(400, "notification-new.jte", view(ex, groups, form, Forms.Problem.of(e), null));
        }
    }

    private static ComposeView view(Exchange ex, GroupService groups, Map<String, List<String>> form,
                                    Forms.Problem problem, JobPreview preview) {
        NotificationForm n = form.containsKey("text") ? NotificationForm.of(form) : NotificationForm.EMPTY;
        List<Map.Entry<String, String>> hidden = new ArrayList<>();
        form.forEach((k, vs) -> {
            if (!k.equals("preview") && !k.equals("_csrf")) {
                vs.forEach(v -> hidden.add(Map.entry(k, v)));
            }
        });
        Frame frame = Html.frame(ex, "New notification", "notifications");
        // a problem no input shows (the target, the group) goes above the form
        boolean shown = problem.field() != null && problem.field().startsWith("params.");
        return new ComposeView(problem.any() && !shown ? frame.withError(problem.message()) : frame, n, problem,
                Forms.target("n", form, groups), Forms.first(form, "name"), preview, hidden);
    }

    static JobRequest request(Map<String, List<String>> form) {
        NotificationForm n = NotificationForm.of(form);
        String name = Forms.text(form, "name");
        return new JobRequest(name == null ? n.label() : name, Forms.jobTarget(form), ACTION, n.params(), null, null);
    }

    private static Reply notification(Exchange ex, JobViews views, Receipts receipts) {
        long id = ex.id("id");
        Receipts.Summary summary = receipts.summary(id);
        Job job = views.get(id);
        String acked = ex.query("acknowledged");
        Boolean filter = switch (acked == null ? "" : acked) {
            case "" -> null;
            case "true" -> true;
            case "false" -> false;
            default -> throw new ApiException.Invalid("acknowledged", acked, "true, false or empty");
        };
        Page<Receipts.Receipt> page = receipts.list(id, filter, new Paging(RECEIPTS, Cursor.decode(ex.query("cursor"))));
        String base = "/notifications/" + id + "?" + (filter == null ? "" : "acknowledged=" + filter + "&");
        boolean open = job.state().equals("queued") || job.state().equals("running");
        NotificationForm n = NotificationForm.ofParams(views.spec(id).params());
        boolean watch = open || (n.acknowledge() && summary.notAcknowledged() > 0);
        return Html.page("notification.jte", new View(Html.frame(ex, "Notification " + id, "notifications"), job, n,
                summary, page.items(), page.total(), filter == null ? "" : filter.toString(),
                page.next() == null ? null : base + "cursor=" + page.next() + "#receipts", watch));
    }
}
