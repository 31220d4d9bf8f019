package io.phonectl.server.console;

import io.phonectl.server.group.GroupService;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Exchange;
import io.phonectl.server.http.Page;
import io.phonectl.server.http.Paging;
import io.phonectl.server.http.Reply;
import io.phonectl.server.http.Role;
import io.phonectl.server.http.Route;
import io.phonectl.server.job.Job;
import io.phonectl.server.notify.Template;
import io.phonectl.server.notify.TemplateService;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Notification templates: the list, the editor (the notification's inputs with {@code {{variables}}}, and the
 * variables with their longest value and default), the service's problem shown next to the field it names, and
 * sending one with values for its variables to a target. Everything goes through {@link TemplateService}, as
 * {@code /api/v1/templates} does.
 */
public final class TemplatesPage {

    /** Rows of variable inputs the editor offers beyond those declared. */
    static final int SPARE_VARIABLES = 3;

    public record ListView(Frame frame, List<Template> templates, long total) {
    }

    /** One variable row of the editor, as typed. */
    public record VarRow(String name, String maxLength, String defaultValue) {
    }

    /**
     * The editor ({@code template} null for a new one) and, for a saved one, the send form: {@code values} of its
     * variables as typed, and its target.
     */
    public record View(Frame frame, Template template, String name, String description, NotificationForm n,
                       List<VarRow> variables, Forms.Problem problem, Map<String, String> values,
                       Forms.Target target, Forms.Problem sendProblem) {
        public String action() {
            return template == null ? "/templates" : "/templates/" + template.id();
        }
    }

    private TemplatesPage() {
    }

    static List<Route> routes(Supplier<TemplateService> service, GroupService groups) {
        return List.of(
                Route.get("/templates").role(Role.VIEWER).page().doc("console", "Notification templates")
                        .handler(ex -> {
                            Page<Template> page = service.get().list(Paging.first(Paging.MAX_LIMIT));
                            return Html.page("templates.jte", new ListView(Html.frame(ex, "Templates", "templates"),
                                    page.items(), page.total()));
                        }),
                Route.get("/templates/new").role(Role.OPERATOR).page().doc("console", "New template")
                        .handler(ex -> Html.page("template.jte", new View(Html.frame(ex, "New template", "templates"),
                                null, "", "", NotificationForm.EMPTY, rows(List.of()), Forms.Problem.NONE, Map.of(),
                                null, Forms.Problem.NONE))),
                Route.post("/templates").role(Role.OPERATOR).page().doc("console", "Save a new template")
                        .handler(ex -> {
                            Map<String, List<String>> form = ex.form();
                            try {
                                Template t = service.get().create(input(form), ex.principal().name());
                                ex.target(t.id());
                                return Html.redirect("/templates/" + t.id() + "?ok=created");
                            } catch (ApiException.Invalid | ApiException.Conflict e) {
                                return refused(ex, null, form, e, groups);
                            }
                        }),
                Route.get("/templates/{id}").role(Role.VIEWER).page().doc("console", "A template").handler(ex -> {
                    Template t = service.get().get(ex.id("id"));
                    return Html.page("template.jte", saved(ex, t, groups, Map.of(), Forms.Problem.NONE));
                }),
                Route.post("/templates/{id}").role(Role.OPERATOR).page().doc("console", "Change a template")
                        .handler(ex -> {
                            Template t = service.get().get(ex.id("id"));
                            Map<String, List<String>> form = ex.form();
                            try {
                                service.get().update(t.id(), input(form));
                                return Html.redirect("/templates/" + t.id() + "?ok=saved");
                            } catch (ApiException.Invalid | ApiException.Conflict e) {
                                return refused(ex, t, form, e, groups);
                            }
                        }),
                Route.post("/templates/{id}/delete").role(Role.OPERATOR).page().doc("console", "Delete a template")
                        .handler(ex -> {
                            service.get().delete(ex.id("id"));
                            return Html.redirect("/templates?ok=removed");
                        }),
                Route.post("/templates/{id}/send").role(Role.OPERATOR).page()
                        .doc("console", "Send a template as a notification").handler(ex -> {
                            Template t = service.get().get(ex.id("id"));
                            Map<String, List<String>> form = ex.form();
                            Map<String, String> values = values(form);
                            try {
                                Job j = service.get().send(t.id(), new TemplateService.Send(Forms.text(form, "name"),
                                        Forms.jobTarget(form), values, null), ex.principal().name());
                                ex.target(j.id());
                                return Html.redirect("/notifications/" + j.id());
                            } catch (ApiException.Invalid | ApiException.Conflict e) {
                                View v = saved(ex, t, groups, values, Forms.Problem.of(e));
                                return Html.page(e.status(), "template.jte", new View(v.frame(), t, v.name(),
                                        v.description(), v.n(), v.variables(), v.problem(), values,
                                        Forms.target("s", form, groups), Forms.Problem.of(e)));
                            }
                        }));
    }

    private static View saved(Exchange ex, Template t, GroupService groups, Map<String, String> values,
                              Forms.Problem sendProblem) {
        List<VarRow> vars = new ArrayList<>();
        for (Template.Variable v : t.variables()) {
            vars.add(new VarRow(v.name(), v.maxLength() == null ? "" : v.maxLength().toString(),
                    v.defaultValue() == null ? "" : v.defaultValue()));
        }
        return new View(Html.frame(ex, "Template " + t.name(), "templates"), t, t.name(), t.description(),
                NotificationForm.ofParams(t.params()), rows(vars), Forms.Problem.NONE, values,
                Forms.target("s", Map.of(), groups), sendProblem);
    }

    private static Reply refused(Exchange ex, Template t, Map<String, List<String>> form, ApiException e,
                                 GroupService groups) {
        Forms.Problem p = Forms.Problem.of(e);
        Frame frame = Html.frame(ex, t == null ? "New template" : "Template " + t.name(), "templates");
        boolean besideField = p.field() != null && (p.field().startsWith("params.") || p.field().startsWith("variables")
                || p.field().equals("name") || p.field().equals("description"));
        return Html.page(e.status(), "template.jte", new View(besideField ? frame : frame.withError(p.message()), t,
                Forms.first(form, "tname"), Forms.first(form, "description"), NotificationForm.of(form),
                rows(typed(form)), p, Map.of(), t == null ? null : Forms.target("s", Map.of(), groups),
                Forms.Problem.NONE));
    }

    /** The template as the API takes it; variable rows with no name are left out. */
    static Template.Input input(Map<String, List<String>> form) {
        List<Template.Variable> vars = new ArrayList<>();
        int i = 0;
        for (VarRow r : typed(form)) {
            Integer max = Forms.integer(Map.of("m", List.of(r.maxLength())), "m", "variables[" + i + "].maxLength",
                    1, 255);
            vars.add(new Template.Variable(r.name().strip(), max, r.defaultValue().isEmpty() ? null : r.defaultValue()));
            i++;
        }
        return new Template.Input(Forms.first(form, "tname").strip(), Forms.first(form, "description"),
                NotificationForm.of(form).params(), vars);
    }

    /** The variable rows as typed, those with a name only (the form sends every row, blank ones too). */
    private static List<VarRow> typed(Map<String, List<String>> form) {
        List<String> names = form.getOrDefault("vname", List.of());
        List<String> maxes = form.getOrDefault("vmax", List.of());
        List<String> defaults = form.getOrDefault("vdefault", List.of());
        List<VarRow> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).isBlank()) {
                out.add(new VarRow(names.get(i), i < maxes.size() ? maxes.get(i) : "",
                        i < defaults.size() ? defaults.get(i) : ""));
            }
        }
        return out;
    }

    private static List<VarRow> rows(List<VarRow> given) {
        List<VarRow> out = new ArrayList<>(given);
        for (int i = 0; i < SPARE_VARIABLES; i++) {
            out.add(new VarRow("", "", ""));
        }
        return out;
    }

    /** A send's values: the fields {@code v.<variable>}; blank ones are left out (the default applies). */
    private static Map<String, String> values(Map<String, List<String>> form) {
        Map<String, String> out = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("v.") && !v.isEmpty() && !v.get(0).isEmpty()) {
                out.put(k.substring(2), v.get(0));
            }
        });
        return out;
    }
}
