package io.phonectl.server.job;

import io.phonectl.server.db.DatabaseConfig;
import io.phonectl.server.testing.Alone;
import io.phonectl.server.testing.Databases;
import io.phonectl.server.testing.Http;
import io.phonectl.server.testing.JobWitness;
import io.phonectl.server.testing.Replica;
import io.phonectl.server.testing.SimPhones;
import io.phonectl.sim.phone.SimPhone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The durable-execution proof: a real server process runs a job to 5,000 simulated phones (each push holds the
 * answer half a second: Play of a 0.51 s clip), is killed with SIGKILL when about a third of the items are done,
 * and is started again on the same database. The phones' own logs of what they executed are the witness: every
 * item ends with exactly one final outcome, no phone whose item was final at the kill (read from the database) got
 * the push again, no phone got it more than twice, and only items marked resumed got it twice. One attempt per run,
 * so a second send can only come from the resume (not from a retry of a transient failure).
 */
@Alone
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KillResumeTest {

    static final int PHONES = 5_000;
    static final String PLAY = "Play:Chime.raw";

    SimPhones phones;

    @BeforeAll
    void startPhones() throws Exception {
        phones = SimPhones.start(PHONES, List.of("CP-8845"));
    }

    @AfterAll
    void stopPhones() {
        if (phones != null) {
            phones.close();
        }
    }

    Replica start(Path dir, DatabaseConfig db, String name) throws Exception {
        // H2 takes over at the restart; PostgreSQL waits out the killed replica's lease, kept short here
        return Replica.start(dir, name, db, Duration.ofMillis(250), Duration.ofSeconds(3));
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void aKilledServerResumesTheJobAndNoPhoneGetsItTwiceUnlessResumed(Databases kind, @TempDir Path dir)
            throws Exception {
        phones.host().phones().forEach(SimPhone::reset);
        DatabaseConfig db = kind.fresh(dir);
        long t0 = System.nanoTime();
        Replica first = start(dir, db, "first");
        System.out.printf("child started in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        Replica second = null;
        try {
            phones.register(first.admin(), "p", "lab");
            System.out.printf("phones registered at %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            Http.Answer made = first.admin().post("/api/v1/jobs", Map.of("name", "kill test",
                    "target", Map.of("all", true), "action", "play_audio", "params", Map.of("filename", "Chime.raw"),
                    "options", Map.of("concurrency", 400, "timeoutMillis", 30_000, "attempts", 1)));
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            long job = made.json().get("id").asLong();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(25)).until(() -> {
                // final outcomes only: items claimed ahead of sending are neither pending nor in flight
                JsonNode counts = first.admin().get("/api/v1/jobs/" + job).json().get("counts");
                long done = 0;
                for (JsonNode n : counts) {
                    done += n.asLong();
                }
                return done >= PHONES * 3 / 10;
            });
            first.process().destroyForcibly().waitFor();
            // what the database holds at the kill (read directly: the server is dead), and what each phone has had
            Set<Long> finalAtKill = JobWitness.finalDevices(kind == Databases.H2
                    ? DatabaseConfig.h2(dir.resolve("data")) : db, job);
            Map<Long, Long> receivedAtKill = phones.receivedByDevice(PLAY::equals);
            System.out.printf("killed at %d ms with %d final%n", (System.nanoTime() - t0) / 1_000_000,
                    finalAtKill.size());
            assertThat(finalAtKill).hasSizeBetween(PHONES * 3 / 10, PHONES - 1);

            second = start(dir, db, "second");
            Http admin = second.admin();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                    .until(() -> admin.get("/api/v1/jobs/" + job).json().get("state").asString().equals("done"));

            System.out.printf("done at %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            JsonNode jobView = admin.get("/api/v1/jobs/" + job).json();
            // H2: the restart takes over at once, one run. PostgreSQL: the dead replica's items wait out its lease,
            // so the restart may run the job twice (what was pending, then what the lease freed)
            assertThat(jobView.get("runs").asInt()).isBetween(2, kind == Databases.H2 ? 2 : 3);
            JsonNode items = admin.get("/api/v1/jobs/" + job + "/export?format=json").json();
            assertThat(items.size()).isEqualTo(PHONES);
            Map<String, Integer> outcomes = new HashMap<>();
            int resumed = 0;
            int twice = 0;
            for (JsonNode i : items) {
                long device = i.get("deviceId").asLong();
                assertThat(i.get("state").asString()).isEqualTo("final");
                String outcome = i.get("outcome").asString();
                outcomes.merge(outcome, 1, Integer::sum);
                long got = SimPhones.received(phones.phone(device), PLAY::equals);
                boolean wasResumed = i.get("resumed").asBoolean();
                resumed += wasResumed ? 1 : 0;
                twice += got == 2 ? 1 : 0;
                String what = "device " + device + ", item " + i + ", phone log " + phones.phone(device).history().executed();
                assertThat(got).as("never more than twice: %s", what).isLessThanOrEqualTo(2);
                if (outcome.equals("EXECUTED")) {
                    assertThat(got).as("executed, so received: %s", what).isGreaterThanOrEqualTo(1);
                }
                if (!wasResumed) {
                    assertThat(got).as("an item not resumed is sent at most once: %s", what).isLessThanOrEqualTo(1);
                }
                if (finalAtKill.contains(device)) {
                    assertThat(wasResumed).as("final at the kill: %s", what).isFalse();
                    assertThat(got).as("final at the kill, never sent again: %s", what)
                            .isEqualTo(receivedAtKill.get(device));
                }
            }
            System.out.println("outcomes " + outcomes + ", resumed " + resumed + ", received twice " + twice);
            assertThat(resumed).as("items in flight at the kill are resumed").isPositive();
            assertThat(twice).isLessThanOrEqualTo(resumed);
            assertThat(outcomes.getOrDefault("EXECUTED", 0)).as("outcomes %s", outcomes).isGreaterThan(PHONES / 2);
            assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(PHONES);
        } finally {
            first.process().destroyForcibly().waitFor();
            if (second != null) {
                second.close();
            }
        }
    }
}
