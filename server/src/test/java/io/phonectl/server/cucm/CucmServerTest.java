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
 * What the CUCM tests of the service share: a simulated cluster with its inspection API, credential sets, sources,
 * runs started and waited for, and reading devices, changes and events back through the API.
 */
abstract class CucmServerTest extends ServerTest {


    static final String AXL_PASSWORD = "axl-secret-9931";

    /** One simulated cluster with its inspection API; closed by the test that started it. */
    record Cluster(SimCucm cucm, InspectionServer inspection) implements AutoCloseable {
        URI phones(String rest) {
            return inspection.uri().resolve("cucm/phones" + rest);
        }

        String pem() {
            return cucm.certificate().orElseThrow().pem();
        }

        @Override
        public void close() throws Exception {
            inspection.close();
            cucm.close();
        }
    }

    static String phone(String prefix, int i) {
        return "SEP" + prefix + String.format("%08X", i + 1);
    }

    Cluster cluster(String prefix, int phones) throws Exception {
        secret(AXL_PASSWORD);
        CucmConfig config = CucmConfig.defaults("axl", AXL_PASSWORD)
                .withListener(InetAddress.getLoopbackAddress(), 0, true).withRatePerMinute(10_000);
        CucmDirectory d = CucmDirectory.of(config, Clock.systemUTC());
        for (int i = 0; i < phones; i++) {
            d.add(new CucmDirectory.PhoneSpec(phone(prefix, i), "Desk " + i, i % 2 == 0 ? "CP-8845" : "CP-7841", "SIP",
                    "DP-1", Integer.toString(2000 + i), "127.7." + prefix.hashCode() % 200 + "." + (i + 1)));
            d.register(phone(prefix, i), config.nodes().getFirst(), null);
        }
        d.restartAxl();
        SimCucm cucm = SimCucm.start(config, d, Clock.systemUTC());
        InspectionApi api = InspectionApi.forDevices(List.of());
        api.extension("cucm", new CucmInspection(cucm));
        return new Cluster(cucm, InspectionServer.start("127.0.0.1", 0, api));
    }

    void credentials(String name, String password) {
        Http.Answer a = keep(t.admin().post("/api/v1/credentials", Map.of("name", name, "user", "axl",
                "secret", password)));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
    }

    long source(Map<String, Object> body) {
        Http.Answer a = keep(t.admin().post("/api/v1/cucm-sources", body));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json().get("id").asLong();
    }

    Map<String, Object> body(String name, Cluster c, String credentials) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("name", name);
        b.put("publisher", "127.0.0.1:" + c.cucm().uri().getPort());
        b.put("credentials", credentials);
        b.put("certificate", c.pem());
        b.put("site", "site-" + name);
        b.put("tags", List.of("cucm", name));
        return b;
    }

    /** Starts a run and waits for its end; answers the run. */
    JsonNode run(long source, String query) {
        Http.Answer started = keep(t.admin().post("/api/v1/cucm-sources/" + source + "/discover" + query, Map.of()));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        long run = started.json().get("id").asLong();
        String path = "/api/v1/cucm-sources/" + source + "/runs/" + run;
        await().atMost(Duration.ofSeconds(60)).until(() -> !t.admin().get(path).json().get("state").asString()
                .equals("running"));
        return keep(t.admin().get(path)).json();
    }

    Map<String, String> changes(long source, JsonNode run) {
        Map<String, String> out = new HashMap<>();
        for (JsonNode c : keep(t.admin().get("/api/v1/cucm-sources/" + source + "/runs/" + run.get("id").asLong()
                + "/changes?limit=1000")).json().get("items")) {
            out.put(c.get("name").asString(), c.get("kind").asString() + ": " + c.get("detail").asString());
        }
        return out;
    }

    Map<String, JsonNode> devices() {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode d : keep(t.admin().get("/api/v1/devices?limit=1000")).json().get("items")) {
            out.put(d.get("name").asString(), d);
        }
        return out;
    }

    List<String> names(String where) {
        Http.Answer a = keep(t.admin().get("/api/v1/devices?limit=1000&where=" + java.net.URLEncoder.encode(where,
                java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        a.json().get("items").forEach(d -> out.add(d.get("name").asString()));
        return out;
    }

    JsonNode events(String types) {
        return keep(t.admin().header("Accept", "application/json").get("/api/v1/events?type=" + types + "&limit=1000"))
                .json().get("items");
    }

    static void post(URI uri, String json) throws Exception {
        var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    long leftRunning(long source) {
        var s = t.server.services();
        return s.database().jdbi().withHandle(h -> h.createUpdate("INSERT INTO cucm_runs (source_id, mode, state, "
                        + "requested_by, started_at) VALUES (?, 'full', 'running', 'test', ?)").bind(0, source)
                .bind(1, Sql.ts(s.clock().instant())).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    /** Discovery runs of their own on this test's service (its replica): with other gates, or to close at once. */
    DiscoveryRuns otherRuns(ClusterGates gates) {
        var s = t.server.services();
        return new DiscoveryRuns(s.database(), new SourceService(s.database(), s.credentials(), s.clock()),
                s.credentials(), s.devices(), s.events().service(), s.replicas(), s.clock(), gates);
    }

    /**
     * What a replica elsewhere holding {@code run} looks like: its row in {@code replicas} (heartbeat an hour ahead,
     * so it stays alive whatever the test's pace) and its lease on the source.
     */
    void heldElsewhere(long source, long run, String replica) {
        t.server.services().database().jdbi().useHandle(h -> {
            h.createUpdate("INSERT INTO replicas (id, host, pid, started_at, heartbeat_at) VALUES (?, 'elsewhere', 1, "
                    + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP + INTERVAL '3600' SECOND)").bind(0, replica).execute();
            h.createUpdate("UPDATE cucm_sources SET lease_owner = ?, lease_run_id = ? WHERE id = ?").bind(0, replica)
                    .bind(1, run).bind(2, source).execute();
        });
    }

    /** The replica elsewhere is marked stopped (what {@code kill -9} amounts to once its heartbeat is old). */
    void dies(String replica) {
        t.server.services().database().jdbi().useHandle(h -> h.createUpdate("UPDATE replicas SET stopped_at = "
                + "CURRENT_TIMESTAMP WHERE id = ?").bind(0, replica).execute());
    }
}
