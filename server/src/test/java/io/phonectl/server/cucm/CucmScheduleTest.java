package io.phonectl.server.cucm;

import io.phonectl.server.db.Sql;
import io.phonectl.server.testing.Databases;
import io.phonectl.server.testing.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sources that run on their own, on H2 and PostgreSQL, against the simulated CUCM, with the service's clock moved by
 * the test: a slot that comes starts one run (requested by "schedule", with its slot), the next slot follows in the
 * source's view; a disabled schedule or source starts nothing and shows no next slot; a slot that comes while the
 * source has a run starts nothing and is reported; cron slots are in the schedule's zone; every rule is a 400 naming
 * field, value and rule.
 */
@ParameterizedClass
@EnumSource(Databases.class)
class CucmScheduleTest extends CucmServerTest {

    String base(long id) {
        return "/api/v1/cucm-sources/" + id;
    }

    JsonNode view(long id) {
        return keep(t.admin().get(base(id))).json();
    }

    List<JsonNode> runs(long id) {
        List<JsonNode> out = new ArrayList<>();
        keep(t.admin().get(base(id) + "/runs?limit=100")).json().get("items").forEach(out::add);
        return out;
    }

    /** Waits until the service has looked at the schedules twice more (so whatever was due has been seen). */
    void twoMoreLooks() {
        long seen = t.server.cucmRuns().ticks();
        await().atMost(Duration.ofSeconds(30)).until(() -> t.server.cucmRuns().ticks() >= seen + 2);
    }

    /** Waits for the scheduled run of {@code slot} to end; answers it. */
    JsonNode scheduledRun(long id, Instant slot) {
        await().atMost(Duration.ofSeconds(60)).until(() -> runs(id).stream().anyMatch(r -> r.get("slot").isString()
                && Instant.parse(r.get("slot").asString()).equals(slot) && !r.get("state").asString().equals("running")));
        return runs(id).stream().filter(r -> r.get("slot").isString()
                && Instant.parse(r.get("slot").asString()).equals(slot)).findFirst().orElseThrow();
    }

    @Test
    void aSlotThatComesStartsOneRunAndTheNextSlotFollows() throws Exception {
        credentials("axl-s", AXL_PASSWORD);
        try (Cluster c = cluster("A1", 2)) {
            Map<String, Object> body = body("every", c, "axl-s");
            body.put("schedule", Map.of("every", "PT10M"));
            Instant created = t.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            long id = source(body);
            JsonNode v = view(id);
            assertThat(v.get("schedule").get("every").asString()).isEqualTo("PT10M");
            assertThat(v.get("schedule").get("enabled").asBoolean()).isTrue();
            Instant slot = Instant.parse(v.get("nextRunAt").asString());
            assertThat(slot).isEqualTo(created.plus(Duration.ofMinutes(10)));

            twoMoreLooks();
            assertThat(runs(id)).isEmpty(); // not yet
            t.clock.advance(Duration.ofMinutes(10));
            JsonNode first = scheduledRun(id, slot);
            assertThat(first.get("state").asString()).as(first.toString()).isEqualTo("succeeded");
            assertThat(first.get("requestedBy").asString()).isEqualTo("schedule");
            assertThat(first.get("mode").asString()).isEqualTo("full");
            assertThat(first.get("added").asInt()).isEqualTo(2);
            assertThat(Instant.parse(view(id).get("nextRunAt").asString())).isEqualTo(slot.plus(Duration.ofMinutes(10)));

            // a late look (the service was stopped for 25 minutes) runs once and keeps the rhythm
            t.clock.advance(Duration.ofMinutes(25));
            Instant late = slot.plus(Duration.ofMinutes(10));
            JsonNode second = scheduledRun(id, late);
            assertThat(second.get("mode").asString()).isEqualTo("sync");
            twoMoreLooks();
            assertThat(runs(id)).hasSize(2);
            assertThat(Instant.parse(view(id).get("nextRunAt").asString())).isEqualTo(slot.plus(Duration.ofMinutes(30)));

            // disabled: kept, shows no next slot, starts nothing; enabled again: the next slot is counted from now
            assertThat(keep(t.admin().patch(base(id), Map.of("schedule", Map.of("every", "PT10M", "enabled", false))))
                    .status()).isEqualTo(200);
            assertThat(view(id).get("nextRunAt").isNull()).isTrue();
            assertThat(view(id).get("schedule").get("enabled").asBoolean()).isFalse();
            t.clock.advance(Duration.ofMinutes(30));
            twoMoreLooks();
            assertThat(runs(id)).hasSize(2);
            assertThat(keep(t.admin().patch(base(id), Map.of("schedule", Map.of("every", "PT15M")))).status())
                    .isEqualTo(200);
            assertThat(Instant.parse(view(id).get("nextRunAt").asString()))
                    .isEqualTo(t.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                            .plus(Duration.ofMinutes(15)));
            // a change elsewhere keeps the slot
            Instant kept = Instant.parse(view(id).get("nextRunAt").asString());
            t.clock.advance(Duration.ofMinutes(1));
            assertThat(keep(t.admin().patch(base(id), Map.of("site", "elsewhere"))).status()).isEqualTo(200);
            assertThat(Instant.parse(view(id).get("nextRunAt").asString())).isEqualTo(kept);
            // a disabled source shows no next slot either; {} removes the schedule
            assertThat(keep(t.admin().patch(base(id), Map.of("enabled", false))).status()).isEqualTo(200);
            assertThat(view(id).get("nextRunAt").isNull()).isTrue();
            assertThat(keep(t.admin().patch(base(id), Map.of("enabled", true, "schedule", Map.of()))).status())
                    .isEqualTo(200);
            assertThat(view(id).get("schedule").isNull()).isTrue();
            assertThat(view(id).get("nextRunAt").isNull()).isTrue();
        }
    }

    @Test
    void aSlotThatComesWhileTheSourceIsBusyIsSkippedAndReported() throws Exception {
        credentials("axl-b", AXL_PASSWORD);
        try (Cluster c = cluster("A2", 1)) {
            Map<String, Object> body = body("busy", c, "axl-b");
            body.put("schedule", Map.of("every", "PT5M"));
            long id = source(body);
            Instant slot = Instant.parse(view(id).get("nextRunAt").asString());
            // a run in progress on another replica: its row and its lease, valid well past the slot
            var s = t.server.services();
            long other = leftRunning(id);
            heldElsewhere(id, other, "r-other-busy");
            t.clock.advance(Duration.ofMinutes(5));
            await().atMost(Duration.ofSeconds(30)).until(() -> events("cucm.skipped").toString()
                    .contains("\"source\":" + id + ","));
            JsonNode skipped = events("cucm.skipped");
            assertThat(skipped.toString()).contains(slot.toString()).contains("one run at a time");
            assertThat(runs(id)).hasSize(1); // only the other replica's
            assertThat(Instant.parse(view(id).get("nextRunAt").asString())).isEqualTo(slot.plus(Duration.ofMinutes(5)));
            // the other replica's run ends: the next slot runs
            s.database().jdbi().useHandle(h -> {
                h.createUpdate("UPDATE cucm_runs SET state = 'failed', finished_at = ? WHERE id = ?")
                        .bind(0, Sql.ts(t.clock.instant())).bind(1, other).execute();
                h.createUpdate("UPDATE cucm_sources SET lease_owner = NULL, lease_run_id = NULL WHERE id = ?").bind(0, id).execute();
            });
            t.clock.advance(Duration.ofMinutes(5));
            assertThat(scheduledRun(id, slot.plus(Duration.ofMinutes(5))).get("state").asString()).isEqualTo("succeeded");
        }
    }

    @Test
    void cronSlotsAreInTheSchedulesZone() throws Exception {
        credentials("axl-z", AXL_PASSWORD);
        try (Cluster c = cluster("A3", 1)) {
            Map<String, Object> body = body("cron", c, "axl-z");
            body.put("schedule", Map.of("cron", "30 3 * * *", "zone", "Asia/Kolkata"));
            long id = source(body);
            ZoneId zone = ZoneId.of("Asia/Kolkata");
            ZonedDateTime local = t.clock.instant().atZone(zone);
            ZonedDateTime expected = local.with(LocalTime.of(3, 30));
            if (!expected.isAfter(local)) {
                expected = expected.plusDays(1);
            }
            JsonNode v = view(id);
            assertThat(Instant.parse(v.get("nextRunAt").asString())).isEqualTo(expected.toInstant());
            assertThat(v.get("schedule").get("cron").asString()).isEqualTo("30 3 * * *");
            assertThat(v.get("schedule").get("zone").asString()).isEqualTo("Asia/Kolkata");
            assertThat(v.get("schedule").get("every").isNull()).isTrue();
        }
    }

    @Test
    void schedulesAreValidated() throws Exception {
        credentials("axl-v2", AXL_PASSWORD);
        try (Cluster c = cluster("A4", 1)) {
            Map<String, Object> ok = body("v2", c, "axl-v2");
            assertScheduleInvalid(ok, Map.of("every", "PT4M59S"), "schedule.every", "PT5M");
            assertScheduleInvalid(ok, Map.of("every", "PT5M"), null, null); // the boundary passes
            assertScheduleInvalid(ok, Map.of("every", "P32D"), "schedule.every", "P31D");
            assertScheduleInvalid(ok, Map.of("every", "every hour"), "schedule.every", "ISO-8601");
            assertScheduleInvalid(ok, Map.of("every", "PT1H", "cron", "0 * * * *"), "schedule.every", "not both");
            assertScheduleInvalid(ok, Map.of("every", "PT1H", "zone", "UTC"), "schedule.zone", "only with cron");
            assertScheduleInvalid(ok, Map.of("cron", "* * * * *"), "schedule.cron", "5 minutes apart");
            assertScheduleInvalid(ok, Map.of("cron", "0,4 9 * * *"), "schedule.cron", "5 minutes apart");
            assertScheduleInvalid(ok, Map.of("cron", "0,5 9 * * *"), null, null);
            assertScheduleInvalid(ok, Map.of("cron", "daily"), "schedule.cron", "five fields");
            assertScheduleInvalid(ok, Map.of("cron", "0 3 * * *", "zone", "Mars/Olympus"), "schedule.zone", "IANA");
        }
    }

    /** Posts the source with this schedule: a 400 naming {@code field} and {@code rule}, or (field null) a 201. */
    void assertScheduleInvalid(Map<String, Object> base, Map<String, Object> schedule, String field, String rule) {
        Map<String, Object> b = new LinkedHashMap<>(base);
        b.put("name", "v-" + Integer.toHexString(schedule.hashCode()));
        b.put("schedule", schedule);
        Http.Answer a = keep(t.admin().post("/api/v1/cucm-sources", b));
        if (field == null) {
            assertThat(a.status()).as(a.body()).isEqualTo(201);
            keep(t.admin().delete("/api/v1/cucm-sources/" + a.json().get("id").asLong()));
            return;
        }
        assertThat(a.status()).as(a.body()).isEqualTo(400);
        assertThat(a.json().get("field").asString()).isEqualTo(field);
        assertThat(a.json().get("rule").asString()).contains(rule);
    }
}
