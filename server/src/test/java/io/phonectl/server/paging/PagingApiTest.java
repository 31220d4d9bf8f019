package io.phonectl.server.paging;

import io.phonectl.media.wav.WavWriter;
import io.phonectl.server.testing.Databases;
import io.phonectl.server.testing.Http;
import io.phonectl.server.testing.ServerTest;
import io.phonectl.server.testing.SimPhones;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Paging from the service against simulated phones, on H2 and PostgreSQL: a 44.1 kHz stereo WAV is converted once and
 * stored, a page reaches every phone (the phones count the RTP packets they received, and the page's results carry
 * those counts as read from each phone's streaming statistics page), a multicast page on the loopback interface is
 * one stream every phone hears, a long page is stopped, and a schedule runs a page at its slot.
 */
@ParameterizedClass
@EnumSource(Databases.class)
class PagingApiTest extends ServerTest {

    SimPhones phones;

    @Override
    protected io.phonectl.server.ServerConfig configure(io.phonectl.server.ServerConfig config) {
        try {
            String lo = java.net.NetworkInterface.getByInetAddress(InetAddress.getLoopbackAddress()).getName();
            return config.withPaging(PageSettings.defaults().withMulticastInterface(lo));
        } catch (java.net.SocketException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeParameterizedClassInvocation
    void phones() throws Exception {
        secret(SimPhones.PASSWORD);
        phones = SimPhones.start(3, List.of("CP-8845", "CP-7841", "CP-8865")).register(t.admin(), "p", "lab");
    }

    @AfterParameterizedClassInvocation
    void stop() {
        if (phones != null) {
            phones.close();
        }
    }

    /** {@code seconds} of a 440 Hz tone at 44.1 kHz, stereo, 16-bit. */
    static byte[] wav(double seconds) {
        int n = (int) (44_100 * seconds);
        float[][] ch = new float[2][n];
        for (int i = 0; i < n; i++) {
            ch[0][i] = ch[1][i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / 44_100.0));
        }
        return WavWriter.write(44_100, 16, ch);
    }

    long upload(String name, double seconds) {
        Http.Answer a = keep(t.admin().send("POST", "/api/v1/audio?name=" + name, "audio/wav", wav(seconds)));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json().get("id").asLong();
    }

    /** A base port with room for the phones (they share 127.0.0.1: port, port + 2, …). */
    static int freePort() {
        return io.phonectl.server.testing.RtpPorts.freeBase(3);
    }

    JsonNode waitEnded(long page) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> !t.admin().get("/api/v1/pages/" + page).json().get("state").asString().equals("running"));
        return keep(t.admin().get("/api/v1/pages/" + page)).json();
    }

    long received(String name) throws Exception {
        URI inspect = phones.host().inspectionUri().orElseThrow();
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(inspect.resolve("phones/" + name))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        long sum = 0;
        for (JsonNode stream : io.phonectl.server.http.Json.mapper().readTree(r.body()).get("streams")) {
            for (JsonNode source : stream.get("sources")) {
                sum += source.get("received").asLong();
            }
        }
        return sum;
    }

    @Test
    void aWavIsConvertedOnceAndAPageReachesEveryPhone() throws Exception {
        long clip = upload("bell-" + db, 3.0);
        JsonNode c = keep(t.admin().get("/api/v1/audio/" + clip)).json();
        assertThat(c.get("seconds").asDouble()).isEqualTo(3.0);
        assertThat(c.get("sourceRate").asInt()).isEqualTo(44_100);
        assertThat(c.get("sourceChannels").asInt()).isEqualTo(2);
        Http.Answer start = keep(t.admin().post("/api/v1/pages", Map.of("audio", clip,
                "target", Map.of("devices", phones.deviceIds()), "port", freePort())));
        assertThat(start.status()).as(start.body()).isEqualTo(201);
        // while it plays, each phone's RTP receiver counts packets (the simulator drops a stream when it is stopped)
        for (long d : phones.deviceIds()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> received(phones.phone(d).name()) > 0);
        }
        JsonNode page = waitEnded(start.json().get("id").asLong());
        assertThat(page.get("state").asString()).as(page.toString()).isEqualTo("done");
        assertThat(page.get("counts").get("RECEIVED").asInt()).as(page.toString()).isEqualTo(3);
        for (JsonNode r : page.get("results")) {
            assertThat(r.get("packetsSent").asLong()).isEqualTo(150); // 3 s of 20 ms packets
            assertThat(r.get("stopped").asBoolean()).isTrue();
            JsonNode rx = r.get("reception");
            assertThat(rx.get("received").asLong()).as(r.toString()).isEqualTo(150);
            assertThat(rx.get("missed").asLong()).isZero();
            assertThat(rx.get("lost").asLong()).isZero();
            assertThat(rx.get("source").asString()).startsWith("StreamingStatisticsX?");
        }
        assertThat(page.get("reception").get("heard").asInt()).isEqualTo(3);
        assertThat(page.get("multicast").isNull()).isTrue();
    }

    @Test
    void aMulticastPageIsOneStreamEveryPhoneHears() throws Exception {
        long clip = upload("mcast-" + db, 1.0);
        String group = "239.255." + (1 + (int) (Math.random() * 250)) + "." + (1 + (int) (Math.random() * 250));
        int port = io.phonectl.server.testing.RtpPorts.freeWildcard();
        Http.Answer start = keep(t.admin().post("/api/v1/pages", Map.of("audio", clip,
                "target", Map.of("devices", phones.deviceIds()), "multicast", Map.of("group", group, "port", port,
                        "ttl", 1))));
        assertThat(start.status()).as(start.body()).isEqualTo(201);
        assertThat(start.json().get("multicast").asString()).isEqualTo(group + ":" + port);
        JsonNode page = waitEnded(start.json().get("id").asLong());
        assertThat(page.get("state").asString()).as(page.toString()).isEqualTo("done");
        assertThat(page.get("ttl").asInt()).isEqualTo(1);
        assertThat(page.get("counts").get("RECEIVED").asInt()).as(page.toString()).isEqualTo(3);
        for (JsonNode r : page.get("results")) {
            assertThat(r.get("target").asString()).isEqualTo(group + ":" + port);
            assertThat(r.get("packetsSent").asLong()).isEqualTo(50); // to the group, once
            JsonNode rx = r.get("reception");
            assertThat(rx.get("received").asLong()).as(r.toString()).isEqualTo(50);
            assertThat(rx.get("detail").asString()).contains(group + "/" + port);
        }
        assertThat(page.get("reception").get("heard").asInt()).isEqualTo(3);
    }

    @Test
    void badMulticastGroupsArePointedOut() {
        long clip = upload("mcast-bad-" + db, 0.1);
        Map<String, Object> target = Map.of("devices", phones.deviceIds());
        record Case(Map<String, Object> multicast, Integer port, String field, String rule) {
        }
        for (Case c : List.of(
                new Case(Map.of("group", "127.1.2.3", "port", 20480), null, "multicast.group", "multicast address"),
                new Case(Map.of("group", "224.0.0.5", "port", 20480), null, "multicast.group", "RFC 5771"),
                new Case(Map.of("group", "239.1.1.1", "port", 20481), null, "multicast.port", "even"),
                new Case(Map.of("group", "239.1.1.1"), null, "multicast.port", "the group's RTP port"),
                new Case(Map.of("group", "239.1.1.1", "port", 20480, "ttl", 0), null, "multicast.ttl", "1..255"),
                new Case(Map.of("group", "239.1.1.1", "port", 20480, "ttl", 256), null, "multicast.ttl", "1..255"),
                new Case(Map.of("group", "239.1.1.1", "port", 20480), 20482, "port", "absent with multicast"))) {
            Map<String, Object> body = new java.util.HashMap<>(Map.of("audio", clip, "target", target,
                    "multicast", c.multicast()));
            if (c.port() != null) {
                body.put("port", c.port());
            }
            Http.Answer a = keep(t.admin().post("/api/v1/pages", body));
            assertThat(a.status()).as(a.body()).isEqualTo(400);
            assertThat(a.json().get("field").asString()).as(a.body()).isEqualTo(c.field());
            assertThat(a.body()).contains(c.rule());
        }
        Http.Answer ok = keep(t.admin().post("/api/v1/pages", Map.of("audio", clip, "target", target,
                "multicast", Map.of("group", "239.255.0.1", "port", 32768, "ttl", 255))));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        waitEnded(ok.json().get("id").asLong());
    }

    @Test
    void aScheduleRunsAPageAtItsSlot() throws Exception {
        long clip = upload("sched-" + db, 0.5);
        Map<String, Object> page = Map.of("audio", clip, "target", Map.of("devices", phones.deviceIds()),
                "port", freePort());
        java.time.Instant at = t.clock.instant().plus(Duration.ofHours(1));
        Http.Answer bad = keep(t.admin().post("/api/v1/schedules", Map.of("name", "bad-page-" + db, "at",
                at.toString(), "runs", Map.of("page", Map.of("audio", 999_999, "target", Map.of("all", true))))));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.json().get("field").asString()).isEqualTo("runs.page.audio");
        Http.Answer both = keep(t.admin().post("/api/v1/schedules", Map.of("name", "both-" + db, "at", at.toString(),
                "runs", Map.of("page", page, "job", Map.of("action", "object_text")))));
        assertThat(both.json().get("field").asString()).as(both.body()).isEqualTo("runs");
        Http.Answer created = keep(t.admin().post("/api/v1/schedules", Map.of("name", "page-" + db, "at",
                at.toString(), "runs", Map.of("page", page))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long schedule = created.json().get("id").asLong();

        t.clock.advance(Duration.ofHours(1).plusSeconds(1));
        t.server.notifications().schedules().fireDue(schedule);
        JsonNode runs = keep(t.admin().get("/api/v1/schedules/" + schedule + "/runs")).json().get("items");
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).get("result").asString()).as(runs.toString()).isEqualTo("started");
        long id = runs.get(0).get("pageId").asLong();
        JsonNode ended = waitEnded(id);
        assertThat(ended.get("state").asString()).as(ended.toString()).isEqualTo("done");
        assertThat(ended.get("createdBy").asString()).isEqualTo("schedule page-" + db);
        assertThat(ended.get("counts").get("RECEIVED").asInt()).isEqualTo(3);
    }

    @Test
    void aRunningPageStops() throws Exception {
        long clip = upload("long-" + db, 20.0);
        Http.Answer start = keep(t.admin().post("/api/v1/pages", Map.of("audio", clip,
                "target", Map.of("selector", "name=p-*"), "port", freePort())));
        long id = start.json().get("id").asLong();
        await().atMost(Duration.ofSeconds(20)).until(() -> received(phones.phone(phones.deviceIds().getFirst()).name()) > 0);
        assertThat(keep(t.admin().post("/api/v1/pages/" + id + "/stop", Map.of())).status()).isEqualTo(200);
        JsonNode page = waitEnded(id);
        assertThat(page.get("state").asString()).isEqualTo("stopped");
        assertThat(page.get("counts").get("INTERRUPTED").asInt()).as(page.toString()).isEqualTo(3);
        assertThat(page.get("results").get(0).get("stopped").asBoolean()).isTrue();
        assertThat(keep(t.admin().post("/api/v1/pages/" + id + "/stop", Map.of())).status()).isEqualTo(409);
    }

    @Test
    void badAudioAndBadPagesAreRefused() {
        Http.Answer bad = keep(t.admin().send("POST", "/api/v1/audio?name=junk", "audio/wav", "RIFFjunk".getBytes()));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asString()).isEqualTo("body");
        assertThat(keep(t.admin().send("POST", "/api/v1/audio?name=bad/name", "audio/wav", wav(0.1))).status())
                .isEqualTo(400);
        long clip = upload("short-" + db, 0.1);
        assertThat(keep(t.admin().send("POST", "/api/v1/audio?name=short-" + db, "audio/wav", wav(0.1))).status())
                .isEqualTo(409);
        assertThat(keep(t.admin().post("/api/v1/pages", Map.of("audio", clip, "target", Map.of("devices",
                phones.deviceIds()), "loops", 0))).status()).isEqualTo(400);
        assertThat(keep(t.admin().post("/api/v1/pages", Map.of("audio", 999_999, "target", Map.of("all", true))))
                .status()).isEqualTo(404);
    }
}
