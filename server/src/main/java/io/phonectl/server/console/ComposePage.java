package io.phonectl.server.console;

import io.phonectl.server.catalog.CatalogService;
import io.phonectl.server.group.GroupService;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Exchange;
import io.phonectl.server.http.Reply;
import io.phonectl.server.http.Role;
import io.phonectl.server.http.Route;
import io.phonectl.server.job.Job;
import io.phonectl.server.job.JobPreview;
import io.phonectl.server.job.JobRequest;
import io.phonectl.server.job.JobService;
import io.phonectl.server.job.JobTarget;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compose: choose an action of the catalog (display objects such as {@code object_text} among them) and its
 * parameters, choose the target (a group, a selector, the devices ticked in the list, or every device), see the
 * pre-flight preview by model (who will get it, who will not and why: the engine's own pre-flight), then send: the
 * job is made with the same {@link JobService#create} as {@code POST /api/v1/jobs}.
 */
public final class ComposePage {

    /** The compose page; {@code preview} after "Preview", with the form's values echoed. */
    public record View(Frame frame, ActionForm action, String name, Forms.Target target, JobPreview preview,
                       List<Map.Entry<String, String>> hidden) {
    }

    private ComposePage() {
    }

    static List<Route> routes(JobService jobs, GroupService groups, CatalogService catalog) {
        return List.of(
                Route.get("/compose").role(Role.OPERATOR).page().doc("console", "Compose a job")
                        .handler(ex -> page(ex, jobs, groups, catalog, fields(ex, false))),
                Route.post("/compose").role(Role.OPERATOR).page().doc("console", "Send a job").handler(ex -> {
                    Map<String, List<String>> form = fields(ex, true);
                    try {
                        Job j = jobs.create(request(form), ex.principal().name());
                        ex.target(j.id());
                        return Html.redirect("/jobs/" + j.id());
                    } catch (ApiException.Invalid | ApiException.Conflict e) {
                        return withError(ex, jobs, groups, catalog, form, e);
                    }
                }));
    }

    private static Reply withError(Exchange ex, JobService jobs, GroupService groups, CatalogService catalog,
                                   Map<String, List<String>> form, ApiException e) {
        View v = view(ex, jobs, groups, catalog, form, false);
        return Html.page(e.status(), "compose.jte", new View(v.frame().withError(e.getMessage()), v.action(), v.name(),
                v.target(), null, v.hidden()));
    }

    private static Reply page(Exchange ex, JobService jobs, GroupService groups, CatalogService catalog,
                              Map<String, List<String>> form) {
        try {
            return Html.page("compose.jte", view(ex, jobs, groups, catalog, form, form.containsKey("preview")));
        } catch (ApiException.Invalid e) {
            return withError(ex, jobs, groups, catalog, form, e);
        }
    }

    private static View view(Exchange ex, JobService jobs, GroupService groups, CatalogService catalog,
                             Map<String, List<String>> form, boolean preview) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("p.") && !v.isEmpty()) {
                values.put(k.substring(2), v.get(0));
            }
        });
        String action = first(form, "action");
        Forms.Target target = Forms.target("", form, groups);
        JobPreview p = preview && !action.isEmpty() ? jobs.preview(request(form)) : null;
        List<Map.Entry<String, String>> hidden = new ArrayList<>();
        form.forEach((k, vs) -> {
            if (!k.equals("preview") && !k.equals("_csrf")) {
                vs.forEach(v -> hidden.add(Map.entry(k, v)));
            }
        });
        return new View(Html.frame(ex, "Compose", "compose"), ActionForm.forFleet(catalog, action, values),
                first(form, "name"), target, p, hidden);
    }

    static JobRequest request(Map<String, List<String>> form) {
        String action = first(form, "action");
        if (action.isEmpty()) {
            throw new ApiException.Invalid("action", "", "an action of the catalog");
        }
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("p.") && !v.isEmpty()) {
                values.put(k.substring(2), v.get(0));
            }
        });
        JobTarget target = Forms.jobTarget(form);
        String name = first(form, "name").strip();
        return new JobRequest(name.isEmpty() ? null : name, target, action, ActionForm.params(values), null, null);
    }

    private static Map<String, List<String>> fields(Exchange ex, boolean post) {
        return Forms.fields(ex, post);
    }

    private static String first(Map<String, List<String>> form, String name) {
        return Forms.first(form, name);
    }
}
