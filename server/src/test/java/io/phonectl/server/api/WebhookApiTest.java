package io.phonectl.server.api;

import com.sun.net.httpserver.HttpServer;
import io.phonectl.server.ServerConfig;
import io.phonectl.server.event.EventsConfig;
import io.phonectl.server.event.NewEvent;
import io.phonectl.server.http.Json;
import io.phonectl.server.http.Role;
import io.phonectl.server.testing.Databases;
import io.phonectl.server.testing.Http;
import io.phonectl.server.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Webhooks against a real HTTP receiver on loopback: signed deliveries, retries with backoff, the log, limits, roles. */
@ParameterizedClass
@EnumSource(Databases.class)
class WebhookApiTest extends ServerTest {

    static final String SECRET = "webhook-secret-never-shown-0123";

    /** What the receiver got: path, headers, body. */
    record Received(String path, Map<String, String> headers, byte[] body) {
    }

    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    @Override
    protected ServerConfig configure(ServerConfig config) {
        return config.withEvents(EventsConfig.defaults().withWebhooks(Duration.ofSeconds(2), 3, Duration.ofSeconds(1)));
    }

    @BeforeParameterizedClassInvocation
    void receiver() throws Exception {
        secret(SECRET);
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            String path = ex.getRequestURI().getPath();
            Map<String, String> headers = new ConcurrentHashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.getFirst()));
            received.add(new Received(path, headers, body));
            int n = calls.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            int status = path.startsWith("/ok") || (path.startsWith("/flaky") && n > 1) ? 204 : 500;
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        receiver.start();
    }

    @AfterParameterizedClassInvocation
    void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    long create(String path, List<String> types) {
        Http.Answer a = keep(t.admin().post("/api/v1/webhooks", Map.of("url", url(path), "types", types,
                "secret", SECRET, "description", "test")));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        assertThat(a.body()).doesNotContain(SECRET);
        return a.json().get("id").asLong();
    }

    JsonNode deliveries(long hook) {
        return keep(t.admin().get("/api/v1/webhooks/" + hook + "/deliveries")).json();
    }

    /** One device.refused event: a POST without credentials to the service's callback endpoint. */
    void oneDeviceEvent() throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                        + t.server.services().events().callbacks().port() + "/callback/0/0"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("DATA=hello")).timeout(Duration.ofSeconds(10))
                .build();
        assertThat(java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
    }

    static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void deliveriesAreSignedAndAFailureIsRetriedAfterItsBackoff() throws Exception {
        String path = "/flaky-" + db;
        long hook = create(path, List.of("device.refused"));
        oneDeviceEvent();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> calls.getOrDefault(path, new AtomicInteger()).get() >= 1);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no call; deliveries " + deliveries(hook) + "; events " + t.admin()
                    .header("Accept", "application/json").get("/api/v1/events?type=device.*").body() + "; hooks "
                    + t.admin().get("/api/v1/webhooks").body(), e);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(hook).get("items").toString()
                .contains("\"lastStatus\":500"));
        JsonNode first = deliveries(hook).get("items").get(0);
        assertThat(first.get("state").asString()).isEqualTo("pending");
        assertThat(first.get("attempts").asInt()).isEqualTo(1);
        t.clock.advance(Duration.ofMinutes(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(hook).get("items").toString()
                .contains("\"state\":\"delivered\""));
        JsonNode log = deliveries(hook);
        JsonNode delivered = null;
        for (JsonNode d : log.get("items")) {
            if (d.get("state").asString().equals("delivered")) {
                delivered = d;
            }
        }
        assertThat(log.get("total").asInt()).isEqualTo(1);
        assertThat(delivered.get("attempts").asInt()).isEqualTo(2);
        assertThat(delivered.get("eventType").asString()).isEqualTo("device.refused");
        for (Received r : received) {
            if (!r.path().equals(path)) {
                continue;
            }
            assertThat(r.headers().get("x-phonectl-signature")).isEqualTo("sha256=" + hmac(SECRET, r.body()));
            JsonNode body = Json.mapper().readTree(r.body());
            assertThat(Long.parseLong(r.headers().get("x-phonectl-timestamp")))
                    .isEqualTo(Instant.parse(body.get("timestamp").asString()).getEpochSecond());
            assertThat(r.headers().get("x-phonectl-event")).isEqualTo("device.refused");
            assertThat(body.get("event").get("type").asString()).isEqualTo("device.refused");
            assertThat(body.get("event").get("data").get("status").asInt()).isEqualTo(401);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).doesNotContain(SECRET);
        }
        assertThat(keep(t.http().get("/metrics")).body()).contains("phonectl_webhook_deliveries_total{result=\"retry\"",
                "phonectl_webhook_deliveries_total{result=\"delivered\"");
        keep(t.admin().delete("/api/v1/webhooks/" + hook));
    }

    @Test
    void aDeliveryThatKeepsFailingEndsFailedAfterItsAttempts() throws Exception {
        String path = "/down-" + db;
        long hook = create(path, List.of("device.*"));
        oneDeviceEvent();
        for (int attempt = 1; attempt <= 3; attempt++) {
            int n = attempt;
            await().atMost(Duration.ofSeconds(20)).until(() -> calls.getOrDefault(path, new AtomicInteger()).get() >= n);
            // the dispatcher reads the clock for the next attempt's time when it records this one, after the
            // receiver counted the call: advancing the clock before that would put the next attempt 15 minutes late
            await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(hook).get("items").get(0).get("attempts")
                    .asInt() >= n);
            t.clock.advance(Duration.ofMinutes(15));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(hook).get("items").toString()
                .contains("\"state\":\"failed\""));
        JsonNode log = deliveries(hook);
        assertThat(log.get("total").asInt()).isEqualTo(1);
        JsonNode d = log.get("items").get(0);
        assertThat(d.get("attempts").asInt()).isEqualTo(3);
        assertThat(d.get("lastError").asString()).contains("500");
        assertThat(d.get("finishedAt").isNull()).isFalse();
        assertThat(calls.get(path).get()).isEqualTo(3);
        keep(t.admin().delete("/api/v1/webhooks/" + hook));
    }

    @Test
    void limitsBothSidesAndTheSecretIsNeverShown() {
        record Case(Map<String, Object> body, int status, String field) {
        }
        String ok = url("/ok");
        List<String> twenty = java.util.stream.IntStream.range(0, 20).mapToObj(i -> "job.t" + i).toList();
        List<String> twentyOne = java.util.stream.IntStream.range(0, 21).mapToObj(i -> "job.t" + i).toList();
        for (Case c : List.of(
                new Case(Map.of("url", ok, "secret", "s".repeat(16)), 201, null),
                new Case(Map.of("url", ok, "secret", "s".repeat(15)), 400, "secret"),
                new Case(Map.of("url", ok, "secret", "s".repeat(256)), 201, null),
                new Case(Map.of("url", ok, "secret", "s".repeat(257)), 400, "secret"),
                new Case(Map.of("url", ok), 400, "secret"),
                new Case(Map.of("url", "ftp://127.0.0.1/x", "secret", SECRET), 400, "url"),
                new Case(Map.of("url", "http://user:pw@127.0.0.1/x", "secret", SECRET), 400, "url"),
                new Case(Map.of("url", ok + "-" + "p".repeat(2000 - ok.length() - 1), "secret", SECRET), 201, null),
                new Case(Map.of("url", ok + "-" + "p".repeat(2000 - ok.length()), "secret", SECRET), 400, "url"),
                new Case(Map.of("url", ok, "secret", SECRET, "types", twenty), 201, null),
                new Case(Map.of("url", ok, "secret", SECRET, "types", twentyOne), 400, "types"),
                new Case(Map.of("url", ok, "secret", SECRET, "types", List.of("Job Done")), 400, "types"),
                new Case(Map.of("url", ok, "secret", SECRET, "description", "d".repeat(500)), 201, null),
                new Case(Map.of("url", ok, "secret", SECRET, "description", "d".repeat(501)), 400, "description"))) {
            Http.Answer a = keep(t.admin().post("/api/v1/webhooks", c.body()));
            assertThat(a.status()).as(c.body().keySet() + " " + a.body()).isEqualTo(c.status());
            if (c.field() != null) {
                assertThat(a.json().get("field").asString()).isEqualTo(c.field());
            }
            assertThat(a.body()).doesNotContain("s".repeat(15)).doesNotContain("pw@");
        }
        JsonNode list = keep(t.admin().get("/api/v1/webhooks?limit=1000")).json();
        assertThat(list.toString()).doesNotContain(SECRET).doesNotContain("sealed").doesNotContain("nonce");
        for (JsonNode w : list.get("items")) {
            keep(t.admin().delete("/api/v1/webhooks/" + w.get("id").asLong()));
        }
    }

    @Test
    void onlyAdminsManageWebhooksAndADeletedOneIsGone() {
        String operator = t.tokenFor("hooks-operator-" + db.name().toLowerCase(), Role.OPERATOR);
        secret(operator);
        assertThat(keep(t.http().bearer(operator).post("/api/v1/webhooks", Map.of("url", url("/ok"),
                "secret", SECRET))).status()).isEqualTo(403);
        assertThat(keep(t.http().bearer(operator).get("/api/v1/webhooks")).status()).isEqualTo(403);
        long hook = create("/ok", List.of("job.*"));
        assertThat(keep(t.admin().get("/api/v1/webhooks/" + hook)).json().get("types").toString()).isEqualTo("[\"job.*\"]");
        assertThat(keep(t.admin().delete("/api/v1/webhooks/" + hook)).status()).isEqualTo(204);
        assertThat(keep(t.admin().get("/api/v1/webhooks/" + hook)).status()).isEqualTo(404);
        assertThat(keep(t.admin().get("/api/v1/webhooks/" + hook + "/deliveries")).status()).isEqualTo(404);
        assertThat(keep(t.admin().delete("/api/v1/webhooks/" + hook)).status()).isEqualTo(404);
    }

    /**
     * A webhook deleted by another replica is still in this replica's copy until it reloads: the events appended
     * meanwhile are stored all the same (its foreign key once failed the whole batch, and the events were lost).
     */
    @Test
    void eventsAreStoredWhenAWebhookWasDeletedElsewhere() {
        long gone = create("/ok", List.of("*"));
        long kept = create("/ok", List.of("test.*"));
        t.server.services().database().jdbi().useHandle(h -> h.createUpdate("DELETE FROM webhooks WHERE id = ?")
                .bind(0, gone).execute());
        var stored = t.server.services().events().service().appendAll(List.of(
                new NewEvent("test.after-delete", null, null, "test", Json.mapper().createObjectNode()),
                new NewEvent("test.after-delete", null, null, "test", Json.mapper().createObjectNode())));
        assertThat(stored).hasSize(2);
        long events = t.server.services().database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM events "
                + "WHERE type = 'test.after-delete'").mapTo(Long.class).one());
        assertThat(events).isEqualTo(2);
        Long hooked = t.server.services().database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM "
                + "webhook_deliveries WHERE event_id IN (?, ?) AND webhook_id = ?").bind(0, stored.get(0).id())
                .bind(1, stored.get(1).id()).bind(2, kept).mapTo(Long.class).one());
        assertThat(hooked).as("the webhook still there gets both").isEqualTo(2);
        keep(t.admin().delete("/api/v1/webhooks/" + kept));
    }
}
