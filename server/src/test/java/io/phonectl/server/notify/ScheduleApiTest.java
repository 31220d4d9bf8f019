package io.phonectl.server.notify;

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

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Schedules on the service's injected clock: next runs, a recurring slot fired once however many times (and from
 * however many threads) it is looked at, holidays and disabled schedules skipped, and a one-time schedule that
 * db-scheduler itself runs once its time has come on the service's clock.
 */
@ParameterizedClass
@EnumSource(Databases.class)
class ScheduleApiTest extends ServerTest {

    static final String ZONE = "Europe/Zurich";
    SimPhones phones;
    long template;

    @BeforeParameterizedClassInvocation
    void setUp() {
        secret(SimPhones.PASSWORD);
        try {
            phones = SimPhones.start(1, List.of("CP-8845")).register(t.admin(), "sp", "schedule-phones");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Http.Answer a = keep(t.admin().post("/api/v1/templates", Map.of("name", "bell", "params",
                Map.of("text", "Bell: {{what}}"), "variables", List.of(Map.of("name", "what")))));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        template = a.json().get("id").asLong();
    }

    @AfterParameterizedClassInvocation
    void stopPhones() {
        if (phones != null) {
            phones.close();
        }
    }

    private Map<String, Object> runs() {
        return Map.of("template", template, "variables", Map.of("what", "break"), "target",
                Map.of("devices", List.of(phones.deviceIds().getFirst())));
    }

    private long create(Map<String, Object> body) {
        Http.Answer a = keep(t.admin().post("/api/v1/schedules", body));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json().get("id").asLong();
    }

    private JsonNode runsOf(long id) {
        return keep(t.admin().get("/api/v1/schedules/" + id + "/runs")).json().get("items");
    }

    private String field(Map<String, Object> body) {
        Http.Answer a = keep(t.admin().post("/api/v1/schedules", body));
        assertThat(a.status()).as(a.body()).isEqualTo(400);
        return a.json().get("field").asString();
    }

    @Test
    void aRecurringSlotRunsOnceAndHolidaysAndDisabledSchedulesAreSkipped() throws Exception {
        ScheduleService schedules = t.server.notifications().schedules();
        long id = create(Map.of("name", "bells-" + db, "cron", "*/10 * * * *", "zone", ZONE, "runs", runs()));
        JsonNode s = keep(t.admin().get("/api/v1/schedules/" + id)).json();
        List<Instant> next = new ArrayList<>();
        s.get("nextRuns").forEach(n -> next.add(Instant.parse(n.asString())));
        assertThat(next).hasSize(5);
        for (int i = 1; i < 5; i++) {
            assertThat(Duration.between(next.get(i - 1), next.get(i))).isEqualTo(Duration.ofMinutes(10));
        }
        assertThat(next.getFirst()).isAfter(t.clock.instant());
        // nothing is due before the first slot, whatever looks
        assertThat(schedules.fireDue(id)).isEqualTo(next.getFirst());
        assertThat(runsOf(id)).isEmpty();

        t.clock.advance(Duration.between(t.clock.instant(), next.getFirst()).plusSeconds(1));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Instant>> looks = List.of(() -> schedules.fireDue(id), () -> schedules.fireDue(id),
                    () -> schedules.fireDue(id), () -> schedules.fireDue(id));
            for (Future<Instant> f : pool.invokeAll(looks)) {
                assertThat(f.get()).isEqualTo(next.get(1));
            }
        } finally {
            pool.shutdown();
        }
        JsonNode r = runsOf(id);
        assertThat(r).hasSize(1);
        assertThat(r.get(0).get("result").asString()).as(r.toString()).isEqualTo("started");
        assertThat(Instant.parse(r.get(0).get("slot").asString())).isEqualTo(next.getFirst());
        long job = r.get(0).get("jobId").asLong();
        await().atMost(Duration.ofSeconds(30)).until(() -> keep(t.admin().get("/api/v1/jobs/" + job)).json()
                .get("state").asString().equals("done"));
        assertThat(phones.phone(phones.deviceIds().getFirst()).screen().text()).isEqualTo("Bell: break");

        // the second slot falls on a holiday; the third comes while the schedule is disabled
        String holiday = LocalDate.ofInstant(next.get(1), ZoneId.of(ZONE)).toString();
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "bells-" + db, "cron", "*/10 * * * *",
                "zone", ZONE, "runs", runs(), "holidays", List.of(holiday)));
        assertThat(keep(t.admin().put("/api/v1/schedules/" + id, body)).status()).isEqualTo(200);
        t.clock.advance(Duration.ofMinutes(10));
        schedules.fireDue(id);
        assertThat(runsOf(id).get(0).get("result").asString()).isEqualTo("holiday");
        body.put("holidays", List.of());
        body.put("enabled", false);
        assertThat(keep(t.admin().put("/api/v1/schedules/" + id, body)).json().get("enabled").asBoolean()).isFalse();
        t.clock.advance(Duration.ofMinutes(10));
        schedules.fireDue(id);
        assertThat(runsOf(id).get(0).get("result").asString()).isEqualTo("disabled");
        // a slot slept through is recorded as missed, only the latest runs
        body.put("enabled", true);
        keep(t.admin().put("/api/v1/schedules/" + id, body));
        t.clock.advance(Duration.ofMinutes(30));
        schedules.fireDue(id);
        JsonNode all = runsOf(id);
        assertThat(all).extracting(x -> x.get("result").asString()).startsWith("started", "missed", "missed");
        assertThat(keep(t.admin().delete("/api/v1/schedules/" + id)).status()).isEqualTo(204);
    }

    @Test
    void aOneTimeScheduleRunsWhenItsTimeComesOnTheServiceClock() {
        Instant at = t.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(2);
        long id = create(Map.of("name", "once-" + db, "at", at.toString(), "runs", Map.of("job", Map.of(
                "target", Map.of("devices", List.of(phones.deviceIds().getFirst())), "action", "notification",
                "params", Map.of("text", "One-off")))));
        assertThat(keep(t.admin().get("/api/v1/schedules/" + id)).json().get("nextRuns").get(0).asString())
                .isEqualTo(at.toString());
        t.clock.advance(Duration.ofSeconds(3));
        // claimed first (starting), then started in the transaction that stores its job
        await().atMost(Duration.ofSeconds(20)).until(() -> runsOf(id).size() == 1
                && !runsOf(id).get(0).get("result").asString().equals("starting"));
        JsonNode run = runsOf(id).get(0);
        assertThat(run.get("result").asString()).as(run.toString()).isEqualTo("started");
        assertThat(keep(t.admin().get("/api/v1/schedules/" + id)).json().get("nextRuns")).isEmpty();
    }

    @Test
    void aSlotLeftStartingByAReplicaThatStoppedIsStartedOnceByTheNextLook() {
        ScheduleService schedules = t.server.notifications().schedules();
        var database = t.server.services().database();
        long id = create(Map.of("name", "takeover-" + db, "cron", "*/10 * * * *", "zone", ZONE, "runs", runs()));
        Instant slot = Instant.parse(keep(t.admin().get("/api/v1/schedules/" + id)).json().get("nextRuns").get(0)
                .asString());
        t.clock.advance(Duration.between(t.clock.instant(), slot).plusSeconds(1));
        // what a replica that died between claiming the slot and storing its job leaves behind; it is alive at first
        database.jdbi().useHandle(h -> {
            h.createUpdate("INSERT INTO replicas (id, host, pid, started_at, heartbeat_at) VALUES ('other-" + db
                    + "', 'elsewhere', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)").execute();
            h.createUpdate("INSERT INTO schedule_runs (schedule_id, slot_at, result, detail, ran_at, claimed_by) "
                    + "VALUES (?, ?, 'starting', '', ?, 'other-" + db + "')").bind(0, id)
                    .bind(1, io.phonectl.server.db.Sql.ts(slot)).bind(2, io.phonectl.server.db.Sql.ts(slot)).execute();
        });
        schedules.fireDue(id);
        assertThat(runsOf(id).get(0).get("result").asString()).as("the claimer is alive").isEqualTo("starting");

        database.jdbi().useHandle(h -> h.createUpdate("UPDATE replicas SET stopped_at = CURRENT_TIMESTAMP WHERE id = "
                + "'other-" + db + "'").execute());
        schedules.fireDue(id);
        schedules.fireDue(id);
        JsonNode r = runsOf(id);
        assertThat(r).hasSize(1);
        assertThat(r.get(0).get("result").asString()).as(r.toString()).isEqualTo("started");
        assertThat(r.get(0).get("detail").asString()).startsWith("taken over");
        long job = r.get(0).get("jobId").asLong();
        assertThat(keep(t.admin().get("/api/v1/jobs?limit=100")).json().get("items"))
                .filteredOn(j -> j.get("createdBy").asString().equals("schedule takeover-" + db)).hasSize(1)
                .first().satisfies(j -> assertThat(j.get("id").asLong()).isEqualTo(job));

        // left starting again, but a later slot has come meanwhile: that one runs, this one is missed
        t.clock.advance(Duration.ofMinutes(10));
        database.jdbi().useHandle(h -> h.createUpdate("UPDATE schedule_runs SET result = 'starting', job_id = NULL, "
                + "claimed_by = 'other-" + db + "' WHERE schedule_id = ?").bind(0, id).execute());
        schedules.fireDue(id);
        assertThat(runsOf(id)).extracting(x -> x.get("result").asString()).containsExactly("started", "missed");
        assertThat(keep(t.admin().delete("/api/v1/schedules/" + id)).status()).isEqualTo(204);
    }

    @Test
    void whatCannotRunIsRefusedWhenSaved() {
        assertThat(field(Map.of("name", "x", "cron", "every day", "runs", runs()))).isEqualTo("cron");
        assertThat(field(Map.of("name", "x", "cron", "0 8 * * 1-5", "zone", "Mars/Olympus", "runs", runs())))
                .isEqualTo("zone");
        assertThat(field(Map.of("name", "x", "cron", "0 8 * * *", "at", "2030-01-01T00:00:00Z", "runs", runs())))
                .isEqualTo("at");
        assertThat(field(Map.of("name", "x", "at", "2000-01-01T00:00:00Z", "runs", runs()))).isEqualTo("at");
        assertThat(field(Map.of("name", "x", "cron", "0 8 * * *", "holidays", List.of("25.12.2026"), "runs", runs())))
                .isEqualTo("holidays[0]");
        assertThat(field(Map.of("name", "x", "cron", "0 8 * * *", "runs", Map.of("template", template,
                "target", Map.of("all", true))))).isEqualTo("variables.what");
        assertThat(field(Map.of("name", "x", "cron", "0 8 * * *", "runs", Map.of("job", Map.of("target",
                Map.of("all", true), "action", "no_such_action"))))).isEqualTo("runs.job.action");
    }
}
