package io.phonectl.server.api;

import io.phonectl.server.ServerConfig;
import io.phonectl.server.event.EventsConfig;
import io.phonectl.server.http.Role;
import io.phonectl.server.testing.Databases;
import io.phonectl.server.testing.Http;
import io.phonectl.server.testing.ServerTest;
import io.phonectl.server.testing.SimPhones;
import io.phonectl.server.testing.SseReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The event stream over HTTP: SSE in order, resume with Last-Event-ID, the JSON form, filters, limits. */
@ParameterizedClass
@EnumSource(Databases.class)
class EventApiTest extends ServerTest {

    SimPhones phones;

    @Override
    protected ServerConfig configure(ServerConfig config) {
        return config.withEvents(EventsConfig.defaults().withHeartbeat(Duration.ofMillis(200)).withMaxSubscribers(3));
    }

    @BeforeParameterizedClassInvocation
    void phones() throws Exception {
        phones = SimPhones.start(2, List.of("CP-8845")).register(t.admin(), "e", "lab-e");
        secret(SimPhones.PASSWORD);
    }

    @AfterParameterizedClassInvocation
    void stopPhones() {
        if (phones != null) {
            phones.close();
        }
    }

    URI uri(String pathAndQuery) {
        return t.server.uri().resolve(pathAndQuery);
    }

    Map<String, String> auth() {
        return Map.of("Authorization", "Bearer " + t.adminToken);
    }

    long job() {
        Http.Answer a = keep(t.admin().post("/api/v1/jobs", Map.of("target", Map.of("selector", "name=e-*"),
                "action", "object_text", "params", Map.of("text", "events"))));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json().get("id").asLong();
    }

    /** Readers of an earlier test end at their next heartbeat; this test's readers count against the cap. */
    void noReadersLeft() {
        await().atMost(Duration.ofSeconds(10)).until(() -> t.server.services().events().service().hub().subscribers() == 0);
    }

    @Test
    void aJobsEventsStreamInOrderAndResumeAfterTheLastEventId() throws Exception {
        noReadersLeft();
        long id = job();
        List<SseReader.Frame> all;
        try (SseReader sse = SseReader.open(uri("/api/v1/events?job=" + id), auth())) {
            assertThat(sse.status()).isEqualTo(200);
            assertThat(sse.contentType()).startsWith("text/event-stream");
            all = sse.eventsUntil("job.done", Duration.ofSeconds(30));
        }
        assertThat(all.getFirst().type()).isEqualTo("job.created");
        assertThat(all.get(1).type()).isEqualTo("job.started");
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).id()).isGreaterThan(all.get(i - 1).id());
        }
        JsonNode done = io.phonectl.server.http.Json.mapper().readTree(all.getLast().data());
        assertThat(done.get("job").asLong()).isEqualTo(id);
        assertThat(done.get("data").get("counts").get("EXECUTED").asInt()).isEqualTo(2);
        long started = all.get(1).id();
        try (SseReader resumed = SseReader.open(uri("/api/v1/events?job=" + id),
                Map.of("Authorization", "Bearer " + t.adminToken, "Last-Event-ID", Long.toString(started)))) {
            List<SseReader.Frame> rest = resumed.eventsUntil("job.done", Duration.ofSeconds(10));
            assertThat(rest).extracting(SseReader.Frame::id).containsExactlyElementsOf(
                    all.subList(2, all.size()).stream().map(SseReader.Frame::id).toList());
        }
        try (SseReader after = SseReader.open(uri("/api/v1/events?job=" + id + "&after=" + all.getFirst().id()), auth())) {
            assertThat(after.eventsUntil("job.done", Duration.ofSeconds(10)).getFirst().type()).isEqualTo("job.started");
        }
    }

    @Test
    void aLiveStreamSeesNewEventsAndHeartbeatsWhileIdle() throws Exception {
        noReadersLeft();
        try (SseReader live = SseReader.open(uri("/api/v1/events?type=job.*"), auth())) {
            SseReader.Frame hello = live.next(Duration.ofSeconds(5));
            assertThat(hello.comment()).isTrue();
            long id = job();
            List<SseReader.Frame> got = live.eventsUntil("job.done", Duration.ofSeconds(30));
            assertThat(got).allMatch(f -> f.type().startsWith("job."));
            assertThat(got.getLast().data()).contains("\"job\":" + id);
            SseReader.Frame beat = null;
            for (int i = 0; i < 50 && (beat == null || !beat.comment()); i++) {
                beat = live.next(Duration.ofMillis(500));
            }
            assertThat(beat).isNotNull();
            assertThat(beat.data()).isEqualTo("heartbeat");
        }
    }

    @Test
    void pollingClientsGetPagesAndTheAuditTrailIsInTheStream() {
        long id = job();
        await().atMost(Duration.ofSeconds(30)).until(() -> keep(t.admin().get("/api/v1/jobs/" + id)).json()
                .get("state").asString().equals("done"));
        Http json = t.admin().header("Accept", "application/json");
        JsonNode p1 = keep(json.get("/api/v1/events?job=" + id + "&limit=2")).json();
        assertThat(p1.get("items").size()).isEqualTo(2);
        JsonNode p2 = keep(json.get("/api/v1/events?job=" + id + "&limit=2&cursor=" + p1.get("next").asString())).json();
        assertThat(p2.get("items").get(0).get("id").asLong()).isGreaterThan(p1.get("items").get(1).get("id").asLong());
        assertThat(p1.get("total").asInt()).isGreaterThanOrEqualTo(3);
        await().atMost(Duration.ofSeconds(10)).until(() -> keep(json.get("/api/v1/events?type=audit")).json()
                .get("items").toString().contains("\"route\":\"/api/v1/jobs\""));
        JsonNode audit = keep(json.get("/api/v1/events?type=audit")).json().get("items").get(0);
        assertThat(audit.get("data").get("status").isIntegralNumber()).isTrue();
        assertThat(audit.get("actor").asString()).isNotBlank();
    }

    @Test
    void filtersAndPositionsAreCheckedAndReadersNeedAToken() throws Exception {
        Http json = t.admin().header("Accept", "application/json");
        for (String[] bad : new String[][] {{"job=abc", "job"}, {"device=-1", "device"}, {"type=BAD!", "type"},
                {"after=-5", "after"}, {"limit=0", "limit"}}) {
            Http.Answer a = keep(t.admin().get("/api/v1/events?" + bad[0]));
            assertThat(a.status()).as(bad[0]).isEqualTo(400);
            assertThat(a.json().get("field").asString()).isEqualTo(bad[1]);
        }
        StringBuilder fifty = new StringBuilder("1");
        for (int i = 2; i <= 50; i++) {
            fifty.append(',').append(i);
        }
        assertThat(keep(json.get("/api/v1/events?job=" + fifty)).status()).isEqualTo(200);
        assertThat(keep(json.get("/api/v1/events?job=" + fifty + ",51")).status()).isEqualTo(400);
        Http.Answer header = keep(t.admin().header("Last-Event-ID", "x").get("/api/v1/events"));
        assertThat(header.json().get("field").asString()).isEqualTo("Last-Event-ID");
        assertThat(keep(t.http().get("/api/v1/events")).status()).isEqualTo(401);
        String viewer = t.tokenFor("events-viewer", Role.VIEWER);
        secret(viewer);
        assertThat(keep(t.http().bearer(viewer).header("Accept", "application/json").get("/api/v1/events")).status())
                .isEqualTo(200);
    }

    @Test
    void theNumberOfReadersIsCappedBothSides() throws Exception {
        noReadersLeft();
        try (SseReader a = SseReader.open(uri("/api/v1/events"), auth());
             SseReader b = SseReader.open(uri("/api/v1/events"), auth());
             SseReader c = SseReader.open(uri("/api/v1/events"), auth())) {
            for (SseReader r : List.of(a, b, c)) {
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.next(Duration.ofSeconds(5))).isNotNull();
            }
            Http.Answer fourth = keep(t.admin().header("Accept", "text/event-stream").get("/api/v1/events"));
            assertThat(fourth.status()).isEqualTo(503);
            assertThat(fourth.contentType()).startsWith("application/problem+json");
            assertThat(fourth.body()).contains("maxSubscribers");
        }
    }
}
