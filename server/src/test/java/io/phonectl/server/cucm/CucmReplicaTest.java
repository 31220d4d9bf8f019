package io.phonectl.server.cucm;

import io.phonectl.server.replica.Replicas;
import io.phonectl.server.testing.Databases;
import io.phonectl.server.testing.Http;
import io.phonectl.server.testing.TestServer;
import io.phonectl.sim.cucm.CucmConfig;
import io.phonectl.sim.cucm.CucmDirectory;
import io.phonectl.sim.cucm.SimCucm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two services on one (embedded) PostgreSQL, in this process, with one clock the test moves: each scheduled slot
 * runs once although both look for it at the same moment; two requests for a run at once, one to each, start one run
 * (the other is told which is running where); one replica's look does not take over the other's run while that
 * replica lives, and neither does a third service starting.
 */
class CucmReplicaTest {

    static final String PASSWORD = "axl-replica-4471";

    @TempDir
    Path dir;

    static long source(Http admin, Map<String, Object> body) {
        Http.Answer a = admin.post("/api/v1/cucm-sources", body);
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json().get("id").asLong();
    }

    static List<JsonNode> runs(Http admin, long id) {
        List<JsonNode> out = new ArrayList<>();
        admin.get("/api/v1/cucm-sources/" + id + "/runs?limit=100").json().get("items").forEach(out::add);
        return out;
    }

    /** Runs {@code a} and {@code b} released at the same moment; answers their results in order. */
    static <T> List<T> together(Callable<T> a, Callable<T> b) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<T> fa = pool.submit(() -> {
                go.await();
                return a.call();
            });
            Future<T> fb = pool.submit(() -> {
                go.await();
                return b.call();
            });
            go.countDown();
            return List.of(fa.get(30, TimeUnit.SECONDS), fb.get(30, TimeUnit.SECONDS));
        }
    }

    static void twoMoreLooks(DiscoveryRuns runs) {
        long seen = runs.ticks();
        await().atMost(Duration.ofSeconds(30)).until(() -> runs.ticks() >= seen + 2);
    }

    @Test
    void eachSlotRunsOnceWhicheverReplicaLooks() throws Exception {
        CucmConfig config = CucmConfig.defaults("axl", PASSWORD).withListener(InetAddress.getLoopbackAddress(), 0, true)
                .withRatePerMinute(10_000);
        CucmDirectory d = CucmDirectory.of(config, Clock.systemUTC());
        for (int i = 0; i < 3; i++) {
            String name = "SEPEE" + String.format("%08X", i + 1);
            d.add(new CucmDirectory.PhoneSpec(name, "Desk", "CP-8845", "SIP", "DP-1", "500" + i, "127.7.88." + (i + 1)));
            d.register(name, config.nodes().getFirst(), null);
        }
        d.restartAxl();
        try (TestServer a = TestServer.start(Databases.POSTGRESQL, dir.resolve("a"));
             TestServer b = a.replica(dir.resolve("b"));
             SimCucm cucm = SimCucm.start(config, d, Clock.systemUTC())) {
            assertThat(a.admin().post("/api/v1/credentials", Map.of("name", "axl", "user", "axl", "secret", PASSWORD))
                    .status()).isEqualTo(201);
            long id = source(a.admin(), Map.of("name", "replicated", "publisher", cucm.hostAndPort(), "credentials",
                    "axl", "certificate", cucm.certificate().orElseThrow().pem(), "schedule", Map.of("every", "PT5M")));
            DiscoveryRuns ra = a.server.cucmRuns();
            DiscoveryRuns rb = b.server.cucmRuns();
            Set<Instant> slots = new HashSet<>();
            for (int round = 0; round < 4; round++) {
                Instant slot = Instant.parse(b.admin().get("/api/v1/cucm-sources/" + id).json().get("nextRunAt")
                        .asString());
                slots.add(slot);
                a.clock.advance(Duration.ofMinutes(5));
                // both replicas look at the same moment (their timers look too)
                together(() -> {
                    ra.tick();
                    return true;
                }, () -> {
                    rb.tick();
                    return true;
                });
                await().atMost(Duration.ofSeconds(60)).until(() -> runs(b.admin(), id).stream().anyMatch(r ->
                        r.get("slot").isString() && Instant.parse(r.get("slot").asString()).equals(slot)
                                && !r.get("state").asString().equals("running")));
            }
            twoMoreLooks(ra);
            twoMoreLooks(rb);
            List<JsonNode> runs = runs(a.admin(), id);
            assertThat(runs).hasSize(4).allSatisfy(r -> {
                assertThat(r.get("state").asString()).as(r.toString()).isEqualTo("succeeded");
                assertThat(r.get("requestedBy").asString()).isEqualTo("schedule");
            });
            assertThat(runs.stream().map(r -> Instant.parse(r.get("slot").asString())).toList())
                    .containsExactlyInAnyOrderElementsOf(slots);
        }
    }

    /** A publisher that accepts connections and never answers: a run against it stays running until it is let go. */
    static final class Silent implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final List<Socket> held = new CopyOnWriteArrayList<>();
        final Thread acceptor = Thread.ofPlatform().daemon().start(() -> {
            try {
                while (true) {
                    held.add(socket.accept());
                }
            } catch (IOException e) {
                // closed
            }
        });

        Silent() throws IOException {
        }

        /** Ends the connections held so far: the run waiting on them fails. */
        void letGo() throws IOException {
            for (Socket s : held) {
                s.close();
            }
            held.clear();
        }

        @Override
        public void close() throws Exception {
            socket.close();
            letGo();
            acceptor.join(10_000);
        }
    }

    @Test
    void aSourceHasOneRunAtATimeWhicheverReplicaIsAsked() throws Exception {
        try (TestServer a = TestServer.start(Databases.POSTGRESQL, dir.resolve("a"));
             TestServer b = a.replica(dir.resolve("b"));
             Silent silent = new Silent()) {
            assertThat(a.admin().post("/api/v1/credentials", Map.of("name", "axl", "user", "axl", "secret", PASSWORD))
                    .status()).isEqualTo(201);
            long id = source(a.admin(), Map.of("name", "silent", "publisher", "127.0.0.1:" + silent.socket.getLocalPort(),
                    "credentials", "axl", "insecure", true));
            String discover = "/api/v1/cucm-sources/" + id + "/discover";
            for (int round = 0; round < 3; round++) {
                List<Http.Answer> answers = together(() -> a.admin().post(discover, Map.of()),
                        () -> b.admin().post(discover, Map.of()));
                List<Integer> statuses = answers.stream().map(Http.Answer::status).sorted().toList();
                assertThat(statuses).as(answers.get(0).body() + " / " + answers.get(1).body()).containsExactly(201, 409);
                Http.Answer started = answers.stream().filter(x -> x.status() == 201).findFirst().orElseThrow();
                Http.Answer refused = answers.stream().filter(x -> x.status() == 409).findFirst().orElseThrow();
                long run = started.json().get("id").asLong();
                assertThat(refused.body()).contains("one run at a time").contains("run " + run + " is running on");
                String path = "/api/v1/cucm-sources/" + id + "/runs/" + run;

                // the other replica's looks, and a third service starting, leave the live run alone
                await().atMost(Duration.ofSeconds(30)).until(() -> !silent.held.isEmpty());
                twoMoreLooks(a.server.cucmRuns());
                twoMoreLooks(b.server.cucmRuns());
                var s = b.server.services();
                try (Replicas third = Replicas.start(s.database(), s.replicas().config())) {
                    new DiscoveryRuns(s.database(), new SourceService(s.database(), s.credentials(), s.clock()),
                            s.credentials(), s.devices(), s.events().service(), third, s.clock(),
                            ClusterGates.standard()).close();
                }
                assertThat(a.admin().get(path).json().get("state").asString()).isEqualTo("running");
                assertThat(b.admin().get("/api/v1/cucm-sources/" + id).json().get("running").asLong()).isEqualTo(run);

                silent.letGo();
                await().atMost(Duration.ofSeconds(60)).until(() -> a.admin().get(path).json().get("state").asString()
                        .equals("failed"));
                await().atMost(Duration.ofSeconds(30)).until(() -> b.admin().get("/api/v1/cucm-sources/" + id).json()
                        .get("running").isNull());
            }
        }
    }
}
