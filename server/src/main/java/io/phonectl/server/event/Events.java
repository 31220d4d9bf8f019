package io.phonectl.server.event;

import io.micrometer.core.instrument.MeterRegistry;
import io.phonectl.server.audit.AuditEntry;
import io.phonectl.server.credential.SecretBox;
import io.phonectl.server.db.Database;
import io.phonectl.server.http.Json;

import java.time.InstantSource;

/**
 * The event side of a running server, built and stopped together: the stream (service, hub, SSE logic), the
 * phones' callback endpoint and webhooks.
 */
public final class Events implements AutoCloseable {

    public static final String AUDIT = "audit";

    private final EventsConfig config;
    private final EventService service;
    private final EventStream stream;
    private final WebhookService webhooks;
    private final WebhookDispatcher dispatcher;
    private final DeviceCallbacks callbacks;
    private final ServiceSecrets secrets;
    private final PgEventFeed feed;

    private Events(EventsConfig config, EventService service, WebhookService webhooks, WebhookDispatcher dispatcher,
                   DeviceCallbacks callbacks, ServiceSecrets secrets, PgEventFeed feed) {
        this.config = config;
        this.service = service;
        this.stream = new EventStream(service, config);
        this.webhooks = webhooks;
        this.dispatcher = dispatcher;
        this.callbacks = callbacks;
        this.secrets = secrets;
        this.feed = feed;
    }

    public static Events start(Database db, EventsConfig config, SecretBox box, InstantSource clock,
                               MeterRegistry meters) {
        EventService service = new EventService(db, clock, EventHub.local(), meters);
        WebhookService webhooks = new WebhookService(db, box, clock);
        service.addTransactionHook(webhooks::stored);
        WebhookDispatcher dispatcher = new WebhookDispatcher(db, webhooks, service, config, clock, meters);
        service.onCommitted(e -> dispatcher.wake());
        DeviceCallbacks callbacks;
        ServiceSecrets secrets = new ServiceSecrets(db, box, clock);
        try {
            callbacks = DeviceCallbacks.start(config, service, secrets.getOrCreate("callback-password"));
        } catch (RuntimeException e) {
            dispatcher.close();
            service.close();
            throw e;
        }
        // several replicas share a PostgreSQL database: live events come from it, each replica's own included
        PgEventFeed feed = service.shared() ? PgEventFeed.start(db, service) : null;
        return new Events(config, service, webhooks, dispatcher, callbacks, secrets, feed);
    }

    /** A random secret of this name the service made once and every replica shares (sealed with the master key). */
    public String secret(String name) {
        return secrets.getOrCreate(name);
    }

    public EventsConfig config() {
        return config;
    }

    public EventService service() {
        return service;
    }

    public EventStream stream() {
        return stream;
    }

    public WebhookService webhooks() {
        return webhooks;
    }

    /** The phones' callback endpoint, or null when {@code callbackPort} is -1. */
    public DeviceCallbacks callbacks() {
        return callbacks;
    }

    /** An audit entry as an event of the stream (batched: every state-changing call writes one). */
    public void audit(AuditEntry e) {
        var d = Json.mapper().createObjectNode().put("auditId", e.id()).put("actorKind", e.actorKind())
                .put("method", e.method()).put("route", e.route()).put("target", e.target())
                .put("address", e.address()).put("status", e.status());
        service.appendLater(new NewEvent(AUDIT, null, null, e.actor(), d));
    }

    @Override
    public void close() {
        if (callbacks != null) {
            callbacks.close();
        }
        dispatcher.close();
        if (feed != null) {
            feed.close();
        }
        service.close();
    }
}
