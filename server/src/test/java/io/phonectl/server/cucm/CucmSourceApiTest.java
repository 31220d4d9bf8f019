package io.phonectl.server.cucm;

import io.phonectl.server.db.Sql;
import io.phonectl.server.http.Role;
import io.phonectl.server.testing.Databases;
import io.phonectl.server.testing.Http;
import io.phonectl.server.testing.ServerTest;
import io.phonectl.sim.cucm.CucmConfig;
import io.phonectl.sim.cucm.CucmDirectory;
import io.phonectl.sim.cucm.CucmInspection;
import io.phonectl.sim.cucm.SimCucm;
import io.phonectl.sim.inspect.InspectionApi;
import io.phonectl.sim.inspect.InspectionServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * CUCM sources in the service against the simulated CUCM (HTTPS with its self-signed certificate, loopback, ephemeral
 * ports), on H2 and PostgreSQL: a first discovery adds devices; what the CUCM's inspection API changes (unregister,
 * move, delete, add, a restarted change queue) the next run reflects; wrong credentials and an untrusted certificate
 * fail the run with the reason; two sources keep to their own devices; no secret in any answer or event.
 */
@ParameterizedClass
@EnumSource(Databases.class)
class CucmSourceApiTest extends CucmServerTest {
    @Test
    void firstRunAddsDevicesAndLaterRunsFollowCucm() throws Exception {
        credentials("axl-a", AXL_PASSWORD);
        try (Cluster c = cluster("AA", 4)) {
            long id = source(body("a", c, "axl-a"));
            JsonNode first = run(id, "");
            assertThat(first.get("state").asString()).as(first.toString()).isEqualTo("succeeded");
            assertThat(first.get("mode").asString()).isEqualTo("full");
            assertThat(first.get("fullPass").asBoolean()).isFalse(); // only a sync that fell back is a full pass
            assertThat(first.get("found").asInt()).isEqualTo(4);
            assertThat(first.get("added").asInt()).isEqualTo(4);
            assertThat(first.get("registered").asInt()).isEqualTo(4);
            Map<String, JsonNode> devices = devices();
            JsonNode d0 = devices.get(phone("AA", 0));
            assertThat(d0.get("site").asString()).isEqualTo("site-a");
            assertThat(d0.get("model").asString()).isEqualTo("CP-8845");
            assertThat(d0.get("tags").toString()).contains("cucm");
            assertThat(changes(id, first)).hasSize(4).allSatisfy((n, v) -> assertThat(v).startsWith("added"));

            // through the simulated CUCM's inspection API: unregister, move, delete, add
            post(c.phones("/" + phone("AA", 0) + "/unregister"), "{}");
            post(c.phones("/" + phone("AA", 1) + "/move"), "{\"ip\":\"127.7.99.9\"}");
            post(c.phones("/" + phone("AA", 2) + "/delete"), "");
            post(c.phones(""), "{\"name\":\"" + phone("AA", 9) + "\",\"model\":\"CP-8845\",\"dn\":\"2999\","
                    + "\"ip\":\"127.7.99.10\",\"register\":\"" + c.cucm().directory().nodes().getFirst() + "\"}");
            JsonNode second = run(id, "");
            assertThat(second.get("state").asString()).as(second.toString()).isEqualTo("succeeded");
            assertThat(second.get("mode").asString()).isEqualTo("sync");
            assertThat(second.get("fullPass").asBoolean()).isFalse();
            Map<String, String> changed = changes(id, second);
            assertThat(changed.get(phone("AA", 0))).startsWith("changed").contains("status: Registered -> UnRegistered");
            assertThat(changed.get(phone("AA", 1))).startsWith("changed").contains("-> 127.7.99.9");
            assertThat(changed.get(phone("AA", 2))).startsWith("gone");
            assertThat(changed.get(phone("AA", 9))).startsWith("added");
            assertThat(changed).hasSize(4);
            devices = devices();
            assertThat(devices.get(phone("AA", 1)).get("address").asString()).isEqualTo("127.7.99.9:80");
            assertThat(devices).containsKey(phone("AA", 2)); // gone phones' devices are kept, marked
            JsonNode phones = keep(t.admin().get("/api/v1/cucm-sources/" + id + "/phones")).json();
            Map<String, JsonNode> byName = new HashMap<>();
            phones.get("items").forEach(p -> byName.put(p.get("name").asString(), p));
            assertThat(byName.get(phone("AA", 0)).get("status").asString()).isEqualTo("UnRegistered");
            assertThat(byName.get(phone("AA", 2)).get("goneAt").isNull()).isFalse();

            // the devices show their registration, and selectors pick them by it and by source
            JsonNode cucm = devices.get(phone("AA", 0)).get("cucm");
            assertThat(cucm.get("source").asString()).isEqualTo("a");
            assertThat(cucm.get("sourceId").asLong()).isEqualTo(id);
            assertThat(cucm.get("status").asString()).isEqualTo("UnRegistered");
            assertThat(cucm.get("statusReason").asString()).isNotEmpty();
            assertThat(devices.get(phone("AA", 3)).get("cucm").get("status").asString()).isEqualTo("Registered");
            assertThat(names("source=a;cucm=registered")).containsExactlyInAnyOrder(phone("AA", 1), phone("AA", 3),
                    phone("AA", 9));
            assertThat(names("source=a;cucm=unregistered")).containsExactly(phone("AA", 0));
            assertThat(names("source=a;cucm=gone")).containsExactly(phone("AA", 2));
            assertThat(names("source=a;cucm!=registered,gone")).containsExactly(phone("AA", 0));
            assertThat(names("source=A;cucm=*register*")).hasSize(4);
            keep(t.admin().post("/api/v1/devices", Map.of("name", "hand-made-aa", "address", "127.9.9.9:80")));
            assertThat(devices().get("hand-made-aa").get("cucm").isNull()).isTrue();
            assertThat(names("cucm!=*;name=hand-made-*")).containsExactly("hand-made-aa");
            assertThat(names("source=a;name=hand-made-*")).isEmpty();
            // a job or a dynamic group targets them with the same selector
            Http.Answer group = keep(t.admin().post("/api/v1/groups", Map.of("name", "a-registered", "kind", "dynamic",
                    "selector", "source=a;cucm=registered")));
            assertThat(group.status()).as(group.body()).isEqualTo(201);
            assertThat(group.json().get("devices").asInt()).isEqualTo(3);
            Http.Answer typo = keep(t.admin().get("/api/v1/devices?where=cucm=registred"));
            assertThat(typo.status()).isEqualTo(400);
            assertThat(typo.json().get("rule").asString()).contains("registered, unregistered");

            // a restarted AXL loses the change queue: the sync falls back to a full pass and says why
            post(c.inspection().uri().resolve("cucm/restart-axl"), "");
            JsonNode third = run(id, "");
            assertThat(third.get("state").asString()).isEqualTo("succeeded");
            assertThat(third.get("fullPass").asBoolean()).as(third.toString()).isTrue();
            assertThat(third.get("detail").asString()).isNotEmpty();
            assertThat(third.get("added").asInt() + third.get("changed").asInt() + third.get("gone").asInt()).isZero();

            // the run's row is final before its events are appended: wait for the third run's summary
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                int n = 0;
                for (JsonNode e : events("cucm.discovered")) {
                    n += e.get("data").get("source").asLong() == id ? 1 : 0;
                }
                return n == 3;
            });
            JsonNode events = events("cucm.*,device.cucm-changed");
            List<String> types = new ArrayList<>();
            events.forEach(e -> types.add(e.get("type").asString()));
            assertThat(types).contains("cucm.discovered", "device.cucm-changed");
            assertThat(events.toString()).contains("\"added\":4").doesNotContain(AXL_PASSWORD);
        }
    }

    @Test
    void wrongCredentialsAndAnUntrustedCertificateFailTheRunWithTheReason() throws Exception {
        credentials("axl-wrong", "not-the-password");
        credentials("axl-b", AXL_PASSWORD);
        try (Cluster c = cluster("BB", 2)) {
            long wrong = source(body("b-wrong", c, "axl-wrong"));
            JsonNode r = run(wrong, "");
            assertThat(r.get("state").asString()).isEqualTo("failed");
            assertThat(r.get("detail").asString()).contains("401").contains("user name and password");
            Map<String, Object> untrusted = body("b-untrusted", c, "axl-b");
            untrusted.remove("certificate");
            long id = source(untrusted);
            r = run(id, "");
            assertThat(r.get("state").asString()).isEqualTo("failed");
            assertThat(r.get("detail").asString()).contains("TLS");
            assertThat(devices()).doesNotContainKey(phone("BB", 0));
            await().atMost(Duration.ofSeconds(30)).until(() -> events("cucm.failed").toString().contains("TLS"));
            JsonNode failed = events("cucm.failed");
            assertThat(failed.toString()).contains("401").contains("TLS").doesNotContain(AXL_PASSWORD)
                    .doesNotContain("not-the-password");
            // insecure (explicitly) gets through the same certificate
            assertThat(keep(t.admin().patch("/api/v1/cucm-sources/" + id, Map.of("insecure", true))).status())
                    .isEqualTo(200);
            assertThat(run(id, "").get("state").asString()).isEqualTo("succeeded");
        }
    }

    @Test
    void twoSourcesKeepToTheirOwnDevices() throws Exception {
        credentials("axl-c", AXL_PASSWORD);
        try (Cluster x = cluster("CC", 3); Cluster y = cluster("DD", 2)) {
            // y also configures a phone with one of x's names: it belongs to x's device, y leaves it alone
            post(y.phones(""), "{\"name\":\"" + phone("CC", 0) + "\",\"model\":\"CP-8845\",\"dn\":\"4000\","
                    + "\"ip\":\"127.8.0.1\",\"register\":\"" + y.cucm().directory().nodes().getFirst() + "\"}");
            long xs = source(body("x", x, "axl-c"));
            long ys = source(body("y", y, "axl-c"));
            assertThat(run(xs, "").get("added").asInt()).isEqualTo(3);
            JsonNode yr = run(ys, "");
            assertThat(yr.get("added").asInt()).isEqualTo(2);
            assertThat(yr.get("conflicts").asInt()).isEqualTo(1);
            assertThat(changes(ys, yr).get(phone("CC", 0))).startsWith("conflict");
            for (int i = 0; i < 2; i++) {
                post(y.phones("/" + phone("DD", i) + "/delete"), "");
            }
            post(y.phones("/" + phone("CC", 0) + "/delete"), "");
            JsonNode gone = run(ys, "?mode=full");
            assertThat(gone.get("gone").asInt()).isEqualTo(3);
            assertThat(changes(ys, gone).get(phone("CC", 0))).startsWith("gone").contains("no device of this source");
            JsonNode again = run(xs, "");
            assertThat(again.get("gone").asInt() + again.get("changed").asInt()).isZero();
            assertThat(devices().get(phone("CC", 0)).get("address").asString()).startsWith("127.7.");
        }
    }

    @Test
    void oneRunAtATimeAndARunWhoseReplicaDiedIsResumedOnce() throws Exception {
        credentials("axl-i", AXL_PASSWORD);
        try (Cluster c = cluster("FF", 1)) {
            long id = source(body("i", c, "axl-i"));
            String base = "/api/v1/cucm-sources/" + id;
            // what a replica leaves when it is killed in the middle of a run: the run, and its lease on the source
            long left = leftRunning(id);
            heldElsewhere(id, left, "r-elsewhere-1");
            Http.Answer busy = keep(t.admin().post(base + "/discover", Map.of()));
            assertThat(busy.status()).as(busy.body()).isEqualTo(409);
            assertThat(busy.body()).contains("one run at a time").contains("run " + left + " is running on r-elsewhere-1");
            assertThat(keep(t.admin().get(base)).json().get("running").asLong()).isEqualTo(left);
            // this replica's looks, and more discovery runs starting on it, leave it alone while its replica lives
            otherRuns(ClusterGates.standard()).close();
            CucmReplicaTest.twoMoreLooks(t.server.cucmRuns());
            String path = base + "/runs/" + left;
            assertThat(keep(t.admin().get(path)).json().get("state").asString()).isEqualTo("running");

            // its replica dies: the next look takes the run over and runs it again from the start, marked resumed
            dies("r-elsewhere-1");
            await().atMost(Duration.ofSeconds(60)).until(() -> !t.admin().get(path).json().get("state").asString()
                    .equals("running"));
            JsonNode resumed = keep(t.admin().get(path)).json();
            assertThat(resumed.get("state").asString()).as(resumed.toString()).isEqualTo("succeeded");
            assertThat(resumed.get("resumed").asBoolean()).isTrue();
            assertThat(resumed.get("mode").asString()).isEqualTo("full");
            assertThat(resumed.get("added").asInt()).isEqualTo(1);
            assertThat(devices()).containsKey(phone("FF", 0));
            await().atMost(Duration.ofSeconds(30)).until(() -> events("cucm.resumed").toString()
                    .contains("\"run\":" + left + ","));
            assertThat(events("cucm.resumed").toString()).contains("r-elsewhere-1");
            String console = keep(t.http().bearer(t.adminToken).get("/cucm/" + id + "/runs/" + left)).body();
            assertThat(console).contains("id=\"run-resumed\"");

            // a run interrupted again after it was resumed ends failed, with the reason, and the source is free
            long twice = leftRunning(id);
            t.server.services().database().jdbi().useHandle(h -> h.createUpdate("UPDATE cucm_runs SET resumed = TRUE "
                    + "WHERE id = ?").bind(0, twice).execute());
            heldElsewhere(id, twice, "r-elsewhere-2");
            dies("r-elsewhere-2");
            String twicePath = base + "/runs/" + twice;
            await().atMost(Duration.ofSeconds(60)).until(() -> t.admin().get(twicePath).json().get("state").asString()
                    .equals("failed"));
            assertThat(keep(t.admin().get(twicePath)).json().get("detail").asString()).contains("interrupted twice")
                    .contains("(r-elsewhere-2) stopped while the run was in progress");
            await().atMost(Duration.ofSeconds(30)).until(() -> events("cucm.failed").toString()
                    .contains("interrupted twice"));
            assertThat(run(id, "").get("state").asString()).isEqualTo("succeeded");
            assertThat(keep(t.admin().get(base)).json().get("running").isNull()).isTrue();
        }
    }

    @Test
    void sourcesAreValidatedAndOnlyAdminsWrite() throws Exception {
        credentials("axl-v", AXL_PASSWORD);
        try (Cluster c = cluster("EE", 1)) {
            Map<String, Object> ok = body("v", c, "axl-v");
            assertInvalid(with(ok, "publisher", "a b:99"), "publisher");
            assertInvalid(with(ok, "publisher", "host:70000"), "publisher");
            assertInvalid(with(ok, "credentials", "nope"), "credentials");
            assertInvalid(with(ok, "axlVersion", "9.1"), "axlVersion");
            assertInvalid(with(ok, "certificate", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"),
                    "certificate");
            assertInvalid(with(ok, "insecure", true), "insecure");
            assertInvalid(with(ok, "tags", List.of("bad tag")), "tags");
            assertInvalid(with(ok, "nodes", List.of("node one")), "nodes");
            Http viewer = t.http().bearer(t.tokenFor("cucm-viewer", Role.VIEWER));
            assertThat(keep(viewer.post("/api/v1/cucm-sources", ok)).status()).isEqualTo(403);
            long id = source(ok);
            JsonNode got = keep(viewer.get("/api/v1/cucm-sources/" + id)).json();
            assertThat(got.get("publisher").asString()).isEqualTo("127.0.0.1:" + c.cucm().uri().getPort());
            assertThat(got.get("credentials").asString()).isEqualTo("axl-v");
            assertThat(got.get("syncable").asBoolean()).isFalse();
            assertThat(keep(viewer.post("/api/v1/cucm-sources/" + id + "/discover", Map.of())).status()).isEqualTo(403);
            assertThat(keep(t.admin().post("/api/v1/cucm-sources", ok)).status()).isEqualTo(409);
            assertThat(keep(t.admin().patch("/api/v1/cucm-sources/" + id, Map.of("enabled", false))).status())
                    .isEqualTo(200);
            assertThat(keep(t.admin().post("/api/v1/cucm-sources/" + id + "/discover", Map.of())).status())
                    .isEqualTo(409);
            assertThat(keep(t.admin().get("/api/v1/cucm-sources")).json().get("items").toString())
                    .contains("\"name\":\"v\"");
            assertThat(keep(t.admin().delete("/api/v1/cucm-sources/" + id)).status()).isEqualTo(204);
            assertThat(keep(t.admin().get("/api/v1/cucm-sources/" + id)).status()).isEqualTo(404);
        }
    }

    static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(base);
        m.put(key, value);
        return m;
    }

    void assertInvalid(Map<String, Object> body, String field) {
        Http.Answer a = keep(t.admin().post("/api/v1/cucm-sources", body));
        assertThat(a.status()).as(a.body()).isEqualTo(400);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.json().get("field").asString()).isEqualTo(field);
    }
}
