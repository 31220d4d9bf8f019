package io.phonectl.server.job;

import io.phonectl.server.db.Sql;
import io.phonectl.server.http.Json;
import io.phonectl.server.testing.Databases;
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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Jobs whose items are inserted in several chunks ({@link ItemCreation}: more devices than its first chunk), through
 * a running service on H2 and PostgreSQL: the run starts on the first chunk and still gives every device exactly one
 * item and one final outcome, the job ends only once all are in; and a job left half-created by a replica that is
 * gone is taken over by the next run, which inserts the rest and sends to every device once.
 */
@ParameterizedClass
@EnumSource(Databases.class)
class ItemCreationRunTest extends ServerTest {

    static final int PHONES = ItemCreation.FIRST + 44;

    SimPhones phones;

    @BeforeParameterizedClassInvocation
    void phones() throws Exception {
        phones = SimPhones.start(PHONES, List.of("CP-8845")).register(t.admin(), "ic", "lab");
        secret(SimPhones.PASSWORD);
    }

    @AfterParameterizedClassInvocation
    void stopPhones() {
        if (phones != null) {
            phones.close();
        }
    }

    @Test
    void aJobOfSeveralChunksGivesEveryDeviceOneFinalOutcome() {
        Map<Long, Long> before = texts();
        var a = keep(t.admin().post("/api/v1/jobs", Map.of("target", Map.of("selector", "name=ic-*"),
                "action", "object_text", "params", Map.of("title", "Chunks", "text", "one each"))));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        long id = a.json().get("id").asLong();
        assertThat(a.json().get("total").asInt()).isEqualTo(PHONES);
        JsonNode done = waitDone(id);
        assertThat(done.get("counts").get("EXECUTED").asInt()).as(done.toString()).isEqualTo(PHONES);
        assertOneItemPerDevice(id);
        assertEachPhoneGotOneMore(before);
    }

    @Test
    void aHalfCreatedJobWhoseCreatorIsGoneIsCompletedAndSentOnce() {
        Map<Long, Long> before = texts();
        List<Long> devices = phones.deviceIds().stream().sorted().toList();
        long cut = devices.get(99);
        long id = orphan(cut, "queued", false);
        // no one tells the worker: its poll finds the job, and the run takes the creation over
        JsonNode done = waitDone(id);
        assertThat(done.get("counts").get("EXECUTED").asInt()).as(done.toString()).isEqualTo(PHONES);
        assertThat(done.get("total").asInt()).isEqualTo(PHONES);
        assertOneItemPerDevice(id);
        assertEachPhoneGotOneMore(before);
        assertThat(creatingBy(id)).isNull();
    }

    @Test
    void aJobCancelledWhileQueuedWhoseCreatorIsGoneGetsTheRestOfItsItemsCancelled() {
        List<Long> devices = phones.deviceIds().stream().sorted().toList();
        long id = orphan(devices.get(49), "cancelled", true);
        t.server.services().database().jdbi().useHandle(h -> h.createUpdate("UPDATE job_items SET state = 'final', "
                + "outcome = 'CANCELLED', success = FALSE, detail = 'test' WHERE job_id = ?").bind(0, id).execute());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> creatingBy(id) == null);
        Map<String, Long> byOutcome = t.server.services().database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT coalesce(outcome, state) AS k, count(*) AS n FROM job_items WHERE job_id = ? "
                                + "GROUP BY coalesce(outcome, state)").bind(0, id)
                .map((rs, ctx) -> Map.entry(rs.getString("k"), rs.getLong("n")))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertThat(byOutcome).isEqualTo(Map.of("CANCELLED", (long) PHONES));
        assertOneItemPerDevice(id);
        assertThat(keep(t.admin().get("/api/v1/jobs/" + id)).json().get("state").asString()).isEqualTo("cancelled");
    }

    /**
     * A job as a replica that is gone left it: its items inserted through device {@code cut}, {@code creating_by} a
     * replica id no replica has.
     */
    private long orphan(long cut, String state, boolean cancelRequested) {
        return t.server.services().database().jdbi().inTransaction(h -> {
            Instant now = Instant.now();
            long job = h.createUpdate("INSERT INTO jobs (name, state, action, spec, options, target, total, created_by, "
                            + "created_at, creating_by, created_through, cancel_requested) VALUES ('orphan', ?, "
                            + "'object_text', ?, ?, ?, ?, 'test', ?, 'r-gone-1', ?, ?)")
                    .bind(0, state)
                    .bind(1, "{\"action\":\"object_text\",\"params\":{\"title\":\"Orphan\",\"text\":\"taken over\"}}")
                    .bind(2, Json.mapper().writeValueAsString(JobOptions.DEFAULTS.resolved(10_000)))
                    .bind(3, "{\"selector\":\"name=ic-*\"}").bind(4, PHONES).bind(5, Sql.ts(now)).bind(6, cut)
                    .bind(7, cancelRequested)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            h.createUpdate("INSERT INTO job_items (job_id, device_id, name, address, model, kind, site, state, "
                    + "queued_at) SELECT ?, d.id, d.name, d.address, d.model, d.kind, d.site, 'pending', ? FROM devices d "
                    + "WHERE d.name LIKE 'ic-%' AND d.id <= ? ORDER BY d.id").bind(0, job).bind(1, Sql.ts(now))
                    .bind(2, cut).execute();
            return job;
        });
    }

    private String creatingBy(long id) {
        return t.server.services().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT creating_by FROM jobs WHERE id = ?").bind(0, id).mapTo(String.class).one());
    }

    private JsonNode waitDone(long id) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> t.admin().get("/api/v1/jobs/" + id).json().get("state").asString().equals("done"));
        return keep(t.admin().get("/api/v1/jobs/" + id)).json();
    }

    private void assertOneItemPerDevice(long id) {
        List<Long> items = t.server.services().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT device_id FROM job_items WHERE job_id = ? AND state = 'final' ORDER BY id").bind(0, id)
                .mapTo(Long.class).list());
        assertThat(items).as("one item per device, in device-id order").isSorted()
                .containsExactlyInAnyOrderElementsOf(phones.deviceIds());
    }

    /** The phones' own logs: how many text pushes each executed so far. */
    private Map<Long, Long> texts() {
        return phones.receivedByDevice(w -> w.contains("CiscoIPPhoneText"));
    }

    private void assertEachPhoneGotOneMore(Map<Long, Long> before) {
        Map<Long, Long> after = texts();
        for (long device : phones.deviceIds()) {
            assertThat(after.getOrDefault(device, 0L) - before.getOrDefault(device, 0L)).as("device " + device)
                    .isEqualTo(1L);
        }
    }
}
