package io.phonectl.server.api;

import io.phonectl.server.http.Reply;
import io.phonectl.server.http.Role;
import io.phonectl.server.http.Route;
import io.phonectl.server.job.Job;
import io.phonectl.server.notify.Template;
import io.phonectl.server.notify.TemplateService;

import java.util.List;

/** Notification templates: saved notifications with named variables, checked when saved, sent as jobs. */
public final class TemplateResource {

    private static final String BASE = "/api/v1/templates";

    private TemplateResource() {
    }

    public static List<Route> routes(TemplateService templates) {
        return List.of(
                Route.post(BASE).role(Role.OPERATOR)
                        .doc("templates", "Save a notification with {{variables}}; checked with every variable at its longest")
                        .request(Template.Input.class).response(201, Template.class).handler(ex -> {
                            Template t = templates.create(ex.json(Template.Input.class), ex.principal().name());
                            ex.target(t.id());
                            return Reply.created(t);
                        }),
                Route.get(BASE).role(Role.VIEWER).doc("templates", "List templates").paged()
                        .responsePage(Template.class).handler(ex -> Reply.ok(templates.list(ex.paging()))),
                Route.get(BASE + "/{id}").role(Role.VIEWER).doc("templates", "One template")
                        .response(Template.class).handler(ex -> Reply.ok(templates.get(ex.id("id")))),
                Route.put(BASE + "/{id}").role(Role.OPERATOR).doc("templates", "Replace a template (checked again)")
                        .request(Template.Input.class).response(Template.class)
                        .handler(ex -> Reply.ok(templates.update(ex.id("id"), ex.json(Template.Input.class)))),
                Route.delete(BASE + "/{id}").role(Role.OPERATOR).doc("templates", "Delete a template")
                        .handler(ex -> {
                            templates.delete(ex.id("id"));
                            return Reply.noContent();
                        }),
                Route.post(BASE + "/{id}/send").role(Role.OPERATOR)
                        .doc("templates", "Send: the template with these values as a notification job to a target")
                        .request(TemplateService.Send.class).response(201, Job.class).handler(ex -> {
                            Job j = templates.send(ex.id("id"), ex.json(TemplateService.Send.class),
                                    ex.principal().name());
                            ex.target(j.id());
                            return Reply.created(j);
                        }));
    }
}
