package io.phonectl.server.api;

import io.phonectl.server.event.Webhook;
import io.phonectl.server.event.WebhookService;
import io.phonectl.server.http.Reply;
import io.phonectl.server.http.Role;
import io.phonectl.server.http.Route;

import java.util.List;

/** Webhooks (admins): create with a write-only secret, list, read, delete, and the delivery log. */
final class WebhookResource {

    private static final String BASE = "/api/v1/webhooks";

    private WebhookResource() {
    }

    static List<Route> routes(WebhookService hooks) {
        return List.of(
                Route.post(BASE).role(Role.ADMIN)
                        .doc("webhooks", "Create a webhook: matching events are POSTed, signed X-Phonectl-Signature: "
                                + "sha256=HMAC(secret, body); the secret is never shown again")
                        .request(Webhook.Input.class).response(201, Webhook.class).handler(ex -> {
                            Webhook w = hooks.create(ex.json(Webhook.Input.class), ex.principal().name());
                            ex.target(w.id());
                            return Reply.created(w);
                        }),
                Route.get(BASE).role(Role.ADMIN).doc("webhooks", "List webhooks (never their secrets)").paged()
                        .responsePage(Webhook.class).handler(ex -> Reply.ok(hooks.list(ex.paging()))),
                Route.get(BASE + "/{id}").role(Role.ADMIN).doc("webhooks", "One webhook").response(Webhook.class)
                        .handler(ex -> Reply.ok(hooks.get(ex.id("id")))),
                Route.delete(BASE + "/{id}").role(Role.ADMIN).doc("webhooks", "Delete a webhook and its delivery log")
                        .response(204, null).handler(ex -> {
                            hooks.delete(ex.id("id"));
                            return Reply.noContent();
                        }),
                Route.get(BASE + "/{id}/deliveries").role(Role.ADMIN)
                        .doc("webhooks", "The delivery log, newest first: state, attempts, last status or error")
                        .paged().responsePage(Webhook.Delivery.class)
                        .handler(ex -> Reply.ok(hooks.deliveries(ex.id("id"), ex.paging()))));
    }
}
