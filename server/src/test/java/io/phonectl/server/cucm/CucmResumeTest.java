package io.phonectl.server.cucm;

import io.phonectl.server.testing.Databases;
import io.phonectl.server.testing.Http;
import io.phonectl.server.testing.TestServer;
import io.phonectl.sim.cucm.CucmConfig;
import io.phonectl.sim.cucm.CucmDirectory;
import io.phonectl.sim.cucm.SimCucm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A discovery run whose service stops in the middle (its RisPort request held by the simulated cluster, so the run is
 * reliably in progress) is taken over by the next service, H2's restart or PostgreSQL's other replica, and run again
 * from the beginning: it ends succeeded, marked resumed, with the devices reconciled. A resumed run whose service
 * stops again ends failed with the reason. In this process; {@link CucmKillTest} kills a real process.
 */
@ParameterizedClass
@EnumSource(Databases.class)
class CucmResumeTest {

    static final String PASSWORD = "axl-resume-5521";
    static final int PHONES = 3;

    @Parameter
    Databases db;
    @TempDir
    Path dir;
    int services;

    static SimCucm cluster(String prefix) throws Exception {
        CucmConfig config = CucmConfig.defaults("axl", PASSWORD).withListener(InetAddress.getLoopbackAddress(), 0, true)
                .withRatePerMinute(10_000);
        CucmDirectory d = CucmDirectory.of(config, Clock.systemUTC());
        for (int i = 0; i < PHONES; i++) {
            String name = "SEP" + prefix + String.format("%08X", i + 1);
            d.add(new CucmDirectory.PhoneSpec(name, "Desk", "CP-8845", "SIP", "DP-1", "600" + i,
                    "127.7.99." + (i + 1)));
            d.register(name, config.nodes().getFirst(), null);
        }
        d.restartAxl();
        return SimCucm.start(config, d, Clock.systemUTC());
    }

    /** The service taking over from {@code previous}, which stops: H2 restarts on its file; PostgreSQL, a replica. */
    TestServer next(TestServer previous) throws Exception {
        services++;
        if (db == Databases.H2) {
            return previous.restart();
        }
        TestServer next = previous.replica(dir.resolve("r" + services));
        previous.close();
        return next;
    }

    static JsonNode run(TestServer t, long source, long run) {
        return t.admin().get("/api/v1/cucm-sources/" + source + "/runs/" + run).json();
    }

    static long start(TestServer t, long source) {
        Http.Answer a = t.admin().post("/api/v1/cucm-sources/" + source + "/discover", Map.of());
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json().get("id").asLong();
    }

    /** Waits until the cluster has taken {@code n} RisPort requests (the run asking is held in progress). */
    static void risRequests(SimCucm cucm, long n) {
        await().atMost(Duration.ofSeconds(60)).until(() -> cucm.risRequests() >= n);
        assertThat(cucm.risRequests()).isEqualTo(n);
    }

    @Test
    void aRunWhoseServiceStopsIsResumedOnceAndFailsWhenStoppedAgain() throws Exception {
        TestServer t = TestServer.start(db, dir.resolve("r0"));
        try (SimCucm cucm = cluster("RE")) {
            assertThat(t.admin().post("/api/v1/credentials", Map.of("name", "axl", "user", "axl", "secret", PASSWORD))
                    .status()).isEqualTo(201);
            Http.Answer made = t.admin().post("/api/v1/cucm-sources", Map.of("name", "resumed", "publisher",
                    cucm.hostAndPort(), "credentials", "axl", "certificate", cucm.certificate().orElseThrow().pem()));
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            long source = made.json().get("id").asLong();

            cucm.holdRisPort();
            long first = start(t, source);
            risRequests(cucm, 1);
            t = next(t);
            // the next service took it over and asks again from the start, while the source stays its only run's
            risRequests(cucm, 2);
            JsonNode running = run(t, source, first);
            assertThat(running.get("state").asString()).isEqualTo("running");
            assertThat(running.get("resumed").asBoolean()).isTrue();
            Http.Answer busy = t.admin().post("/api/v1/cucm-sources/" + source + "/discover", Map.of());
            assertThat(busy.status()).as(busy.body()).isEqualTo(409);
            assertThat(busy.body()).contains("run " + first + " is running on");
            cucm.release();
            TestServer now = t;
            await().atMost(Duration.ofSeconds(60)).until(() -> !run(now, source, first).get("state").asString()
                    .equals("running"));
            JsonNode done = run(t, source, first);
            assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("succeeded");
            assertThat(done.get("resumed").asBoolean()).isTrue();
            assertThat(done.get("added").asInt()).isEqualTo(PHONES);
            assertThat(t.admin().get("/api/v1/devices?limit=100").json().get("items")).hasSize(PHONES);
            assertThat(t.admin().header("Accept", "application/json")
                    .get("/api/v1/events?type=cucm.resumed&limit=1000").body()).contains("\"run\":" + first + ",");

            // stopped, resumed, stopped again: it ends failed, with the reason
            cucm.holdRisPort();
            long second = start(t, source);
            risRequests(cucm, 3);
            t = next(t);
            risRequests(cucm, 4);
            assertThat(run(t, source, second).get("resumed").asBoolean()).isTrue();
            t = next(t);
            TestServer last = t;
            await().atMost(Duration.ofSeconds(60)).until(() -> run(last, source, second).get("state").asString()
                    .equals("failed"));
            assertThat(run(t, source, second).get("detail").asString()).contains("interrupted twice")
                    .contains("after it had been resumed once");
            assertThat(cucm.risRequests()).isEqualTo(4);
            cucm.release();
            assertThat(t.admin().get("/api/v1/cucm-sources/" + source).json().get("running").isNull()).isTrue();
        } finally {
            t.close();
        }
    }
}
