package io.phonectl.server.console;

import io.phonectl.server.event.Webhook;
import io.phonectl.server.event.WebhookService;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Cursor;
import io.phonectl.server.http.Exchange;
import io.phonectl.server.http.Page;
import io.phonectl.server.http.Paging;
import io.phonectl.server.http.Reply;
import io.phonectl.server.http.Role;
import io.phonectl.server.http.Route;

import java.util.List;
import java.util.Map;

/**
 * Webhooks (administrators, as in the API): the list, a new one (URL, event types, the signing secret, which is
 * never shown again), delete, and one webhook's delivery log. Through {@link WebhookService}, as
 * {@code /api/v1/webhooks}.
 */
public final class WebhooksPage {

    static final int DELIVERIES = 50;

    /** The list and the new-webhook form as typed (never the secret). */
    public record ListView(Frame frame, List<Webhook> hooks, long total, String url, String types, String description,
                           Forms.Problem problem) {
    }

    public record View(Frame frame, Webhook hook, List<Webhook.Delivery> deliveries, long total, String nextHref) {
    }

    private WebhooksPage() {
    }

    static List<Route> routes(WebhookService hooks) {
        return List.of(
                Route.get("/webhooks").role(Role.ADMIN).page().doc("console", "Webhooks")
                        .handler(ex -> list(ex, hooks, Map.of(), Forms.Problem.NONE, 200)),
                Route.post("/webhooks").role(Role.ADMIN).page().doc("console", "Create a webhook").handler(ex -> {
                    Map<String, List<String>> form = ex.form();
                    try {
                        Webhook w = hooks.create(new Webhook.Input(Forms.first(form, "url").strip(),
                                Forms.list(Forms.first(form, "types")), Forms.first(form, "secret"),
                                Forms.first(form, "description")), ex.principal().name());
                        ex.target(w.id());
                        return Html.redirect("/webhooks/" + w.id() + "?ok=created");
                    } catch (ApiException.Invalid | ApiException.Conflict e) {
                        return list(ex, hooks, form, Forms.Problem.of(e), e.status());
                    }
                }),
                Route.get("/webhooks/{id}").role(Role.ADMIN).page().doc("console", "A webhook's deliveries")
                        .handler(ex -> {
                            Webhook w = hooks.get(ex.id("id"));
                            Page<Webhook.Delivery> page = hooks.deliveries(w.id(),
                                    new Paging(DELIVERIES, Cursor.decode(ex.query("cursor"))));
                            return Html.page("webhook.jte", new View(Html.frame(ex, "Webhook " + w.id(), "webhooks"),
                                    w, page.items(), page.total(), page.next() == null ? null
                                    : "/webhooks/" + w.id() + "?cursor=" + page.next()));
                        }),
                Route.post("/webhooks/{id}/delete").role(Role.ADMIN).page().doc("console", "Delete a webhook")
                        .handler(ex -> {
                            hooks.delete(ex.id("id"));
                            return Html.redirect("/webhooks?ok=removed");
                        }));
    }

    private static Reply list(Exchange ex, WebhookService hooks, Map<String, List<String>> form,
                              Forms.Problem problem, int status) {
        Page<Webhook> page = hooks.list(Paging.first(Paging.MAX_LIMIT));
        Frame frame = Html.frame(ex, "Webhooks", "webhooks");
        return Html.page(status, "webhooks.jte", new ListView(problem.any() ? frame.withError(problem.message()) : frame,
                page.items(), page.total(), Forms.first(form, "url"), Forms.first(form, "types"),
                Forms.first(form, "description"), problem));
    }
}
