package io.phonectl.server.event;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.phonectl.server.db.Database;
import io.phonectl.server.db.Sql;
import io.phonectl.server.http.Json;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends due webhook deliveries: woken after each event commit and each finished send, and every second for retries
 * that came due. Each delivery is claimed for a while (several dispatchers, one per replica, never send the same one
 * at once), POSTed
 * with its HMAC-SHA256 signature, and recorded: delivered on a 2xx, otherwise retried with exponential backoff on the
 * service's clock until its attempts are used up (failed). The state is in the table, so a restart carries on.
 */
final class WebhookDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    static final String SIGNATURE = "X-Phonectl-Signature";
    static final String TIMESTAMP = "X-Phonectl-Timestamp";
    private static final int BATCH = 50;
    static final int IN_FLIGHT = 32;
    private static final long RELOAD_NANOS = 10_000_000_000L;

    private final Database db;
    private final WebhookService hooks;
    private final EventService events;
    private final EventsConfig config;
    private final InstantSource clock;
    private final MeterRegistry meters;
    private final HttpClient http = new HttpClient();
    private final Semaphore wake = new Semaphore(0);
    private final Semaphore slots = new Semaphore(IN_FLIGHT);
    private final Thread thread;
    private volatile boolean closing;

    WebhookDispatcher(Database db, WebhookService hooks, EventService events, EventsConfig config, InstantSource clock,
                      MeterRegistry meters) {
        this.db = db;
        this.hooks = hooks;
        this.events = events;
        this.config = config;
        this.clock = clock;
        this.meters = meters;
        http.setFollowRedirects(false);
        http.setConnectTimeout(config.webhookTimeout().toMillis());
        try {
            http.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the webhook HTTP client: " + e.getMessage(), e);
        }
        this.thread = Thread.ofVirtual().name("phonectl-webhooks").start(this::loop);
    }

    /** New deliveries may be due. */
    void wake() {
        wake.release();
    }

    private void loop() {
        long reloaded = System.nanoTime();
        while (!closing) {
            try {
                wake.tryAcquire(1, TimeUnit.SECONDS);
                wake.drainPermits();
                if (System.nanoTime() - reloaded > RELOAD_NANOS) {
                    hooks.reload();
                    reloaded = System.nanoTime();
                }
                while (!closing && dispatchDue() > 0) {
                    // keep going while deliveries are due
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("webhook dispatch failed, retrying: {}", e.toString());
            }
        }
    }

    /**
     * Claims due deliveries for the free sending slots and starts them; returns how many were claimed. Sends run
     * asynchronously, {@value #IN_FLIGHT} at most, so a slow or dead receiver holds a few slots, not the others.
     */
    int dispatchDue() throws InterruptedException {
        if (!slots.tryAcquire(1, TimeUnit.SECONDS)) {
            return 0;
        }
        int free = 1 + slots.drainPermits();
        Instant now = clock.instant();
        List<Webhook.Delivery> due;
        try {
            due = claim(now, Math.min(free, BATCH));
        } catch (RuntimeException e) {
            slots.release(free);
            throw e;
        }
        slots.release(free - due.size());
        for (Webhook.Delivery d : due) {
            CompletableFuture<Void> sent;
            try {
                sent = send(d);
            } catch (RuntimeException e) {
                // the claim expires and the delivery is tried again
                LOG.warn("webhook delivery {} could not be sent: {}", d.id(), e.toString());
                sent = CompletableFuture.completedFuture(null);
            }
            sent.whenComplete((v, e) -> {
                slots.release();
                wake.release();
            });
        }
        return due.size();
    }

    private List<Webhook.Delivery> claim(Instant now, int limit) {
        return db.jdbi().inTransaction(h -> {
            List<Long> ids = h.createQuery("SELECT id FROM webhook_deliveries WHERE state = 'pending' "
                            + "AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?) "
                            + "ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")
                    .bind(0, Sql.ts(now)).bind(1, Sql.ts(now)).bind(2, limit).mapTo(Long.class).list();
            if (ids.isEmpty()) {
                return List.<Webhook.Delivery>of();
            }
            h.createUpdate("UPDATE webhook_deliveries SET claimed_until = :until WHERE id IN (<ids>)")
                    .bind("until", Sql.ts(now.plus(config.webhookTimeout().multipliedBy(3)))).bindList("ids", ids)
                    .execute();
            return h.createQuery("SELECT * FROM webhook_deliveries WHERE id IN (<ids>) ORDER BY id")
                    .bindList("ids", ids).map(WebhookService.DELIVERY).list();
        });
    }

    private CompletableFuture<Void> send(Webhook.Delivery d) {
        Event event = events.get(d.eventId()).orElse(null);
        String url;
        String secret;
        try {
            url = hooks.get(d.webhookId()).url();
            secret = hooks.secret(d.webhookId());
        } catch (RuntimeException e) {
            // deleted meanwhile: its deliveries went with it
            return CompletableFuture.completedFuture(null);
        }
        if (event == null) {
            record(d, 0, "the event is no longer stored");
            return CompletableFuture.completedFuture(null);
        }
        Instant at = clock.instant();
        ObjectNode doc = Json.mapper().createObjectNode();
        doc.put("delivery", d.id()).put("attempt", d.attempts() + 1).put("timestamp", at.toString());
        doc.set("event", Json.mapper().valueToTree(event));
        byte[] body = Json.write(doc);
        var request = http.newRequest(url).method(HttpMethod.POST)
                .timeout(config.webhookTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .headers(h -> h.put(SIGNATURE, "sha256=" + hmac(secret, body)).put(TIMESTAMP,
                        Long.toString(at.getEpochSecond())).put("X-Phonectl-Event", event.type())
                        .put("X-Phonectl-Delivery", Long.toString(d.id())).put("User-Agent", "phonectl-webhooks"))
                .body(new BytesRequestContent("application/json", body));
        return new CompletableResponseListener(request, 16 * 1024).send().handle((response, failure) -> {
            if (failure != null) {
                record(d, 0, failure.getClass().getSimpleName() + ": " + failure.getMessage());
            } else {
                record(d, response.getStatus(), response.getStatus() / 100 == 2 ? null : "HTTP " + response.getStatus());
            }
            return null;
        });
    }

    private void record(Webhook.Delivery d, int status, String error) {
        Instant now = clock.instant();
        int attempts = d.attempts() + 1;
        String result;
        try {
            if (error == null) {
                result = "delivered";
                db.jdbi().useHandle(h -> h.createUpdate("UPDATE webhook_deliveries SET state = 'delivered', attempts = ?, "
                                + "last_status = ?, last_error = NULL, finished_at = ?, claimed_until = NULL WHERE id = ?")
                        .bind(0, attempts).bind(1, status).bind(2, Sql.ts(now)).bind(3, d.id()).execute());
            } else {
                boolean last = attempts >= config.webhookAttempts();
                result = last ? "failed" : "retry";
                String why = error.length() > 500 ? error.substring(0, 500) : error;
                db.jdbi().useHandle(h -> h.createUpdate("UPDATE webhook_deliveries SET state = ?, attempts = ?, "
                                + "last_status = ?, last_error = ?, next_attempt_at = ?, finished_at = ?, "
                                + "claimed_until = NULL WHERE id = ?")
                        .bind(0, last ? "failed" : "pending").bind(1, attempts).bind(2, status == 0 ? null : status)
                        .bind(3, why).bind(4, Sql.ts(now.plus(config.backoff(attempts))))
                        .bind(5, last ? Sql.ts(now) : null).bind(6, d.id()).execute());
            }
        } catch (RuntimeException e) {
            LOG.warn("webhook delivery {}: recording the attempt failed ({}); it is tried again", d.id(), e.toString());
            return;
        }
        Counter.builder("phonectl.webhook.deliveries").tag("result", result)
                .description("Webhook delivery attempts by result").register(meters).increment();
    }

    /** Lower-case hex of HMAC-SHA256(secret, body): what {@value #SIGNATURE} carries after {@code sha256=}. */
    static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closing = true;
        wake.release();
        try {
            thread.join(3_000);
            http.stop();
        } catch (Exception e) {
            LOG.warn("stopping webhooks: {}", e.toString());
        }
    }
}
