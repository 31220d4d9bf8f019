package io.phonectl.server.replica;

import io.phonectl.server.db.DatabaseConfig;
import io.phonectl.server.testing.Alone;
import io.phonectl.server.testing.Databases;
import io.phonectl.server.testing.Http;
import io.phonectl.server.testing.JobWitness;
import io.phonectl.server.testing.Replica;
import io.phonectl.server.testing.SimPhones;
import io.phonectl.server.testing.SseReader;
import io.phonectl.server.testing.TcpProxy;
import io.phonectl.sim.phone.SimPhone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Active/active on a real PostgreSQL: service replicas in processes of their own share one database and the work.
 * The simulated phones' own logs of what they executed are the witness of what was sent.
 */
@Alone
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicasTest {

    static final int PHONES = 10_000;
    static final String PLAY = "Play:Chime.raw";
    static final Duration BEAT = Duration.ofMillis(250);

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

    static List<Replica> startAll(Path dir, DatabaseConfig db, Duration lease, String... names) throws Exception {
        List<Callable<Replica>> starts = new ArrayList<>();
        for (String n : names) {
            starts.add(() -> Replica.start(dir, n, db, BEAT, lease));
        }
        return startAll(starts);
    }

    /**
     * Starts the replicas at once (their JVMs' start-ups overlap) and returns them in order; when one fails, those
     * that started are stopped. Each start waits on a virtual thread of its own.
     */
    static List<Replica> startAll(List<Callable<Replica>> starts) throws Exception {
        List<CompletableFuture<Replica>> starting = new ArrayList<>();
        for (Callable<Replica> s : starts) {
            starting.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return s.call();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, Thread.ofVirtual()::start));
        }
        List<Replica> out = new ArrayList<>();
        RuntimeException failed = null;
        for (CompletableFuture<Replica> f : starting) {
            try {
                out.add(f.join());
            } catch (RuntimeException e) {
                failed = failed == null ? e : failed;
            }
        }
        if (failed != null) {
            closeAll(out);
            throw failed;
        }
        return out;
    }

    /** Stops the replicas at once (each stops cleanly, or is killed after 10 s), not one after the other. */
    static void closeAll(List<Replica> replicas) throws Exception {
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        for (Replica r : replicas) {
            stopping.add(CompletableFuture.runAsync(() -> {
                try {
                    r.close();
                } catch (Exception e) {
                    throw new IllegalStateException("stopping replica " + r.name(), e);
                }
            }, Thread.ofVirtual()::start));
        }
        CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)).join();
    }

    static long job(Replica on, Map<String, Object> target, Map<String, Object> options) {
        Http.Answer made = on.admin().post("/api/v1/jobs", Map.of("target", target, "action", "play_audio",
                "params", Map.of("filename", "Chime.raw"), "options", options));
        assertThat(made.status()).as(() -> made.body() + "\n" + on.logText()).isEqualTo(201);
        return made.json().get("id").asLong();
    }

    static long finals(Http admin, long job) {
        long done = 0;
        for (JsonNode n : admin.get("/api/v1/jobs/" + job).json().get("counts")) {
            done += n.asLong();
        }
        return done;
    }

    @Test
    void threeReplicasShareAJobAndTwoKillsLoseNothingAndDoubleNothing(@TempDir Path dir) throws Exception {
        phones.host().phones().forEach(SimPhone::reset);
        DatabaseConfig db = Databases.POSTGRESQL.fresh(dir);
        List<Replica> r = startAll(dir, db, Duration.ofSeconds(3), "a", "b", "c");
        Replica a = r.get(0);
        Replica b = r.get(1);
        Replica c = r.get(2);
        try (AutoCloseable stop = () -> closeAll(r)) {
            JsonNode health = c.admin().get("/health").json();
            assertThat(health.get("replicas")).hasSize(3);
            assertThat(health.get("replicas").findValuesAsString("id"))
                    .contains(health.get("replica").get("id").asString());
            phones.register(a.admin(), "p", "lab");
            long job;
            try (SseReader onC = SseReader.open(URI.create(c.uri() + "/api/v1/events?type=job.*"), c.auth())) {
                job = job(a, Map.of("all", true),
                        Map.of("concurrency", 300, "timeoutMillis", 30_000, "attempts", 1));
                // made on a, seen live on c: the event stream spans replicas
                List<SseReader.Frame> seen = onC.eventsUntil("job.created", Duration.ofSeconds(20));
                assertThat(seen.getLast().data()).contains("\"total\":" + PHONES);
                // resumed on a third replica from the id before it: the same event, with the same id
                long createdId = seen.getLast().id();
                try (SseReader onB = SseReader.open(URI.create(b.uri() + "/api/v1/events?type=job.created"),
                        Map.of("Authorization", "Bearer " + b.token(), "Last-Event-ID", Long.toString(createdId - 1)))) {
                    SseReader.Frame again = onB.eventsUntil("job.created", Duration.ofSeconds(20)).getFirst();
                    assertThat(again.id()).isEqualTo(createdId);
                    assertThat(again.data()).contains("\"total\":" + PHONES);
                }
            }
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(25))
                    .until(() -> finals(c.admin(), job) >= PHONES * 3 / 10);
            a.kill();
            Set<Long> finalAtFirstKill = JobWitness.finalDevices(db, job);
            Map<Long, Long> receivedAtFirstKill = phones.receivedByDevice(PLAY::equals);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(25))
                    .until(() -> finals(c.admin(), job) >= PHONES * 6 / 10);
            b.kill();
            Set<Long> finalAtSecondKill = JobWitness.finalDevices(db, job);
            Map<Long, Long> receivedAtSecondKill = phones.receivedByDevice(PLAY::equals);
            System.out.printf("killed a with %d final, b with %d final%n", finalAtFirstKill.size(),
                    finalAtSecondKill.size());
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                    .until(() -> c.admin().get("/api/v1/jobs/" + job).json().get("state").asString().equals("done"));

            JsonNode items = c.admin().get("/api/v1/jobs/" + job + "/export?format=json").json();
            assertThat(items.size()).isEqualTo(PHONES);
            Map<String, Integer> outcomes = new HashMap<>();
            int resumed = 0;
            int twice = 0;
            for (JsonNode i : items) {
                long device = i.get("deviceId").asLong();
                assertThat(i.get("state").asString()).isEqualTo("final");
                outcomes.merge(i.get("outcome").asString(), 1, Integer::sum);
                long got = SimPhones.received(phones.phone(device), PLAY::equals);
                boolean wasResumed = i.get("resumed").asBoolean();
                resumed += wasResumed ? 1 : 0;
                twice += got == 2 ? 1 : 0;
                String what = "device " + device + ", item " + i;
                assertThat(got).as("never more than twice: %s", what).isLessThanOrEqualTo(2);
                if (!wasResumed) {
                    assertThat(got).as("not resumed, so sent at most once: %s", what).isLessThanOrEqualTo(1);
                }
                if (i.get("outcome").asString().equals("EXECUTED")) {
                    assertThat(got).as("executed, so received: %s", what).isGreaterThanOrEqualTo(1);
                }
                if (finalAtFirstKill.contains(device)) {
                    assertThat(got).as("final at the first kill, never sent again: %s", what)
                            .isEqualTo(receivedAtFirstKill.get(device));
                }
                if (finalAtSecondKill.contains(device)) {
                    assertThat(got).as("final at the second kill, never sent again: %s", what)
                            .isEqualTo(receivedAtSecondKill.get(device));
                }
            }
            System.out.println("outcomes " + outcomes + ", resumed " + resumed + ", received twice " + twice);
            assertThat(resumed).as("items in flight at the kills are resumed").isPositive();
            assertThat(outcomes.getOrDefault("EXECUTED", 0)).as("outcomes %s", outcomes).isGreaterThan(PHONES * 9 / 10);

            JsonNode after = c.admin().get("/health").json();
            long alive = 0;
            for (JsonNode x : after.get("replicas")) {
                alive += x.get("alive").asBoolean() ? 1 : 0;
            }
            assertThat(alive).as("the killed replicas are dead in the database: %s", after).isEqualTo(1);
        }
    }

    @Test
    void aReplicaCutOffFromTheDatabaseFor10sRecoversWithoutDoubledWork(@TempDir Path dir) throws Exception {
        phones.host().phones().forEach(SimPhone::reset);
        DatabaseConfig db = Databases.POSTGRESQL.fresh(dir);
        Matcher m = Pattern.compile("//([^/:]+):(\\d+)/").matcher(db.jdbcUrl());
        assertThat(m.find()).isTrue();
        try (TcpProxy proxy = TcpProxy.to(new InetSocketAddress("127.0.0.1", Integer.parseInt(m.group(2))))) {
            DatabaseConfig viaProxy = new DatabaseConfig(m.replaceFirst("//127.0.0.1:" + proxy.port() + "/"),
                    db.user(), db.password(), db.poolSize());
            // a lease well beyond the outage: the cut-off replica keeps its claims, nobody else sends them
            Duration lease = Duration.ofSeconds(25);
            Path cutDir = dir.resolve("cut");
            java.nio.file.Files.createDirectories(cutDir);
            List<Replica> r = startAll(List.of(() -> Replica.start(cutDir, "cut", viaProxy, BEAT, lease),
                    () -> Replica.start(dir, "steady", db, BEAT, lease)));
            Replica cut = r.get(0);
            Replica steady = r.get(1);
            try (AutoCloseable stop = () -> closeAll(r)) {
                phones.register(steady.admin(), "q", "lab", 2_050); // the phones this test sends to
                List<Long> some = phones.deviceIds().subList(0, 1_000);
                long job = job(steady, Map.of("devices", some),
                        Map.of("concurrency", 100, "timeoutMillis", 30_000, "attempts", 1));
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(25))
                        .until(() -> finals(steady.admin(), job) >= 300);
                proxy.cut();
                Instant cutAt = Instant.now();
                // /health is open: asked without a token, so that no token lookup needs the database
                Http anonymous = Http.at(cut.uri());
                await().atMost(Duration.ofSeconds(30)).until(() -> anonymous.get("/health").status() == 503);
                await().pollDelay(Duration.ofSeconds(10).minus(Duration.between(cutAt, Instant.now())))
                        .atMost(Duration.ofSeconds(15)).until(() -> true);
                proxy.mend();
                System.out.printf("database cut off for %d ms%n", Duration.between(cutAt, Instant.now()).toMillis());
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                        .until(() -> anonymous.get("/health").status() == 200);
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() ->
                        steady.admin().get("/api/v1/jobs/" + job).json().get("state").asString().equals("done"));
                JsonNode items = steady.admin().get("/api/v1/jobs/" + job + "/export?format=json").json();
                assertThat(items.size()).isEqualTo(some.size());
                for (JsonNode i : items) {
                    long device = i.get("deviceId").asLong();
                    String what = "device " + device + ", item " + i;
                    assertThat(i.get("resumed").asBoolean()).as("nothing taken over: %s", what).isFalse();
                    assertThat(i.get("outcome").asString()).as(what).isEqualTo("EXECUTED");
                    assertThat(SimPhones.received(phones.phone(device), PLAY::equals)).as("sent once: %s", what)
                            .isEqualTo(1);
                }
                // recovered without manual action: with the other replica gone, it runs a job alone
                steady.close();
                long next = job(cut, Map.of("devices", phones.deviceIds().subList(2_000, 2_050)),
                        Map.of("concurrency", 50, "attempts", 1));
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                        cut.admin().get("/api/v1/jobs/" + next).json().get("state").asString().equals("done"));
                assertThat(cut.admin().get("/api/v1/jobs/" + next).json().get("counts").get("EXECUTED").asInt())
                        .isEqualTo(50);
            }
        }
    }

    /**
     * The most items of {@code job} in flight at once (of those {@code andWhere} selects), as the database shows
     * them, polled until the job is done (two minutes at most).
     */
    static int mostInFlight(DatabaseConfig db, long job, String andWhere) throws Exception {
        int most = 0;
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement()) {
            long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (System.nanoTime() < end) {
                try (ResultSet rs = s.executeQuery("SELECT count(*), (SELECT state FROM jobs WHERE id = " + job
                        + ") FROM job_items WHERE job_id = " + job + " AND state = 'in_flight'" + andWhere)) {
                    rs.next();
                    most = Math.max(most, rs.getInt(1));
                    if (rs.getString(2).equals("done")) {
                        return most;
                    }
                }
                Thread.onSpinWait();
            }
        }
        return most;
    }

    @Test
    void aPerSiteLimitHoldsAcrossReplicas(@TempDir Path dir) throws Exception {
        phones.host().phones().forEach(SimPhone::reset);
        DatabaseConfig db = Databases.POSTGRESQL.fresh(dir);
        List<Replica> r = startAll(dir, db, Duration.ofSeconds(3), "x", "y");
        Replica x = r.get(0);
        Replica y = r.get(1);
        try (AutoCloseable stop = () -> closeAll(r)) {
            phones.register(x.admin(), "s", "lab", 60); // the first 60 phones are all this test sends to
            long job = job(x, Map.of("devices", phones.deviceIds().subList(0, 60)),
                    Map.of("concurrency", 40, "siteConcurrency", 6, "attempts", 1));
            int most = mostInFlight(db, job, "");
            assertThat(x.admin().get("/api/v1/jobs/" + job).json().get("state").asString()).isEqualTo("done");
            assertThat(most).as("items in flight at once, both replicas together").isBetween(1, 6);

            // by subnet: 10 more devices on 127.0.1.1 (nothing answers there) are a group of their own; the phones'
            // /24 (127.0.0) keeps its limit while the other group runs beside it
            String csv = "name,address,model\n" + java.util.stream.IntStream.range(0, 10)
                    .mapToObj(i -> "far-" + i + ",127.0.1.1:" + (9 + i) + ",CP-8845").reduce("", (a, b) -> a + b + "\n");
            Http.Answer imported = x.admin().send("POST", "/api/v1/devices/import", "text/csv",
                    csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(imported.status()).as(imported.body()).isEqualTo(200);
            long paced = job(y, Map.of("selector", "name=" + java.util.stream.IntStream.range(10, 22)
                            .mapToObj(i -> "s-" + i).collect(java.util.stream.Collectors.joining(",")) + ",far-*"),
                    Map.of("concurrency", 40, "siteConcurrency", 4, "paceBy", "subnet", "attempts", 1,
                            "timeoutMillis", 2000));
            int mostNear = mostInFlight(db, paced, " AND address LIKE '127.0.0.%'");
            JsonNode pacedJob = y.admin().get("/api/v1/jobs/" + paced).json();
            assertThat(pacedJob.get("state").asString()).as(pacedJob.toString()).isEqualTo("done");
            assertThat(pacedJob.get("total").asInt()).isGreaterThan(10);
            assertThat(mostNear).as("the phones' /24 in flight at once, both replicas together").isBetween(1, 4);
        }
    }

    @Test
    void aScheduledNotificationFiresOnceWithThreeReplicas(@TempDir Path dir) throws Exception {
        phones.host().phones().forEach(SimPhone::reset);
        DatabaseConfig db = Databases.POSTGRESQL.fresh(dir);
        List<Replica> r = startAll(dir, db, Duration.ofSeconds(3), "s1", "s2", "s3");
        Replica s1 = r.get(0);
        Replica s2 = r.get(1);
        Replica s3 = r.get(2);
        try (AutoCloseable stop = () -> closeAll(r)) {
            phones.register(s1.admin(), "n", "lab", 3);
            Http.Answer t = s1.admin().post("/api/v1/templates", Map.of("name", "bell", "params",
                    Map.of("text", "Bell: {{what}}"), "variables", List.of(Map.of("name", "what"))));
            assertThat(t.status()).as(t.body()).isEqualTo(201);
            Instant at = Instant.now().plusSeconds(4);
            Http.Answer made = s2.admin().post("/api/v1/schedules", Map.of("name", "once", "at", at.toString(),
                    "runs", Map.of("template", t.json().get("id").asLong(), "variables", Map.of("what", "break"),
                            "target", Map.of("devices", phones.deviceIds().subList(0, 3)))));
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            long schedule = made.json().get("id").asLong();
            // the slot is claimed first, then its job made: wait for the job's id
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                JsonNode items = s3.admin().get("/api/v1/schedules/" + schedule + "/runs").json().get("items");
                return items.size() >= 1 && items.get(0).get("jobId").isNumber();
            });
            JsonNode runs = s3.admin().get("/api/v1/schedules/" + schedule + "/runs").json().get("items");
            long job = runs.get(0).get("jobId").asLong();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                Http.Answer j = s1.admin().get("/api/v1/jobs/" + job);
                assertThat(j.status()).as(() -> runs + "\n" + j.body()).isEqualTo(200);
                return j.json().get("state").asString().equals("done");
            });
            // every replica has looked at the slot several times by now (they poll each second)
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
            assertThat(s2.admin().get("/api/v1/schedules/" + schedule + "/runs").json().get("items")).hasSize(1);
            JsonNode jobs = s1.admin().get("/api/v1/jobs?limit=100").json().get("items");
            assertThat(jobs).as("one job from the one slot: %s", jobs).hasSize(1);
            for (long d : phones.deviceIds().subList(0, 3)) {
                assertThat(phones.phone(d).history().executed()).as("phone %d", d).hasSize(1);
            }
        }
    }
}
