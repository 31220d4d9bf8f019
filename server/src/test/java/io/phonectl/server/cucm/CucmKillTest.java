package io.phonectl.server.cucm;

import io.phonectl.server.db.DatabaseConfig;
import io.phonectl.server.testing.Alone;
import io.phonectl.server.testing.Databases;
import io.phonectl.server.testing.Http;
import io.phonectl.server.testing.Replica;
import io.phonectl.sim.cucm.SimCucm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas on PostgreSQL in processes of their own; the one running a discovery (held at RisPort, so reliably in
 * progress) is killed with SIGKILL. Nothing marks it stopped: its lease on the source lapses with its heartbeat, on
 * the database's clock, and the other replica resumes the run, which ends succeeded with the devices reconciled.
 */
@Alone
class CucmKillTest {

    @TempDir
    Path dir;

    @Test
    void aRunOfAKilledReplicaIsResumedByTheOtherOnceItsHeartbeatLapses() throws Exception {
        DatabaseConfig db = Databases.POSTGRESQL.fresh(dir);
        long t0 = System.nanoTime();
        // b starts while a is asked for the run: the two JVMs' start-ups overlap
        CompletableFuture<Replica> second = new CompletableFuture<>();
        try (SimCucm cucm = CucmResumeTest.cluster("KI");
             Replica a = Replica.start(dir, "a", db, Duration.ofMillis(250), Duration.ofSeconds(3));
             AutoCloseable stopB = () -> second.thenAccept(CucmKillTest::close).join()) {
            Thread.ofVirtual().start(() -> {
                try {
                    second.complete(Replica.start(dir, "b", db, Duration.ofMillis(250), Duration.ofSeconds(3)));
                } catch (Exception | AssertionError e) {
                    second.completeExceptionally(e);
                }
            });
            System.out.printf("a started in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            assertThat(a.admin().post("/api/v1/credentials", Map.of("name", "axl", "user", "axl", "secret",
                    CucmResumeTest.PASSWORD)).status()).isEqualTo(201);
            Http.Answer made = a.admin().post("/api/v1/cucm-sources", Map.of("name", "killed", "publisher",
                    cucm.hostAndPort(), "credentials", "axl", "certificate", cucm.certificate().orElseThrow().pem()));
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            long source = made.json().get("id").asLong();
            String discover = "/api/v1/cucm-sources/" + source + "/discover";
            cucm.holdRisPort();
            Http.Answer started = a.admin().post(discover, Map.of());
            assertThat(started.status()).as(started.body()).isEqualTo(201);
            long run = started.json().get("id").asLong();
            String path = "/api/v1/cucm-sources/" + source + "/runs/" + run;
            CucmResumeTest.risRequests(cucm, 1);
            Replica b = second.get(120, TimeUnit.SECONDS);
            System.out.printf("b started at %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            a.kill();
            CucmResumeTest.risRequests(cucm, 2);
            System.out.printf("resumed at %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            assertThat(b.admin().get(path).json().get("resumed").asBoolean()).isTrue();
            cucm.release();
            await().atMost(Duration.ofSeconds(60)).until(() -> !b.admin().get(path).json().get("state").asString()
                    .equals("running"));
            JsonNode done = b.admin().get(path).json();
            assertThat(done.get("state").asString()).as(done + "\n" + b.logText()).isEqualTo("succeeded");
            assertThat(done.get("resumed").asBoolean()).isTrue();
            assertThat(done.get("added").asInt()).isEqualTo(CucmResumeTest.PHONES);
            assertThat(b.admin().get("/api/v1/devices?limit=100").json().get("items")).hasSize(CucmResumeTest.PHONES);
            JsonNode runs = b.admin().get("/api/v1/cucm-sources/" + source + "/runs").json().get("items");
            assertThat(runs).as("one run, resumed; none started beside it").hasSize(1);
            assertThat(cucm.risRequests()).isEqualTo(2);
            // the killed replica's trust file went with the next one written (b's, for the resumed run)
            long killed = a.process().pid();
            try (var left = java.nio.file.Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
                assertThat(left.map(f -> f.getFileName().toString())
                        .filter(f -> f.startsWith(TrustFiles.PREFIX + killed + "-"))).isEmpty();
            }
            System.out.printf("done at %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private static void close(Replica r) {
        try {
            r.close();
        } catch (Exception e) {
            throw new IllegalStateException("stopping replica " + r.name(), e);
        }
    }
}
