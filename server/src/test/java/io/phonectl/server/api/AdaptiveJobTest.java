package io.phonectl.server.api;

import io.phonectl.client.fleet.LimiterConfig;
import io.phonectl.server.testing.Databases;
import io.phonectl.server.testing.ServerTest;
import io.phonectl.server.testing.SimPhones;
import io.phonectl.sim.host.Impairments;
import io.phonectl.sim.phone.SimPhone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Service jobs against a simulated fleet in which a tenth of the phones are dead (their connect times out) and a
 * tenth answer late, on H2 and PostgreSQL: without {@code options.concurrency} the run's limit is adaptive, with it
 * fixed; either way every live phone ends EXECUTED, every dead one TIMED_OUT after its attempts, each item has one
 * final outcome, and the limit is shown while the job runs (view, progress event, metrics). Outcomes, not timings.
 */
@ParameterizedClass
@EnumSource(Databases.class)
class AdaptiveJobTest extends ServerTest {

    static final int PHONES = 120;
    static final Impairments FLEET = Impairments.NONE.withAnswerDelay(Duration.ofMillis(20))
            .withSlow(0.1, Duration.ofMillis(400)).withDead(0.1);
    /** Two sends: a live phone whose connect a loaded machine slowed past the timeout is tried again. */
    static final int ATTEMPTS = 2;

    SimPhones phones;

    @BeforeParameterizedClassInvocation
    void phones() throws Exception {
        phones = SimPhones.start(PHONES, List.of("CP-8845"), FLEET).register(t.admin(), "f", "lab");
        secret(SimPhones.PASSWORD);
    }

    @AfterParameterizedClassInvocation
    void stopPhones() {
        if (phones != null) {
            phones.close();
        }
    }

    /** Runs a job to the end, noting every limit its view shows meanwhile; answers the final view. */
    JsonNode run(Integer concurrency, String title, ConcurrentSkipListSet<Integer> limits) {
        Map<String, Object> options = new HashMap<>(Map.of("attempts", ATTEMPTS));
        if (concurrency != null) {
            options.put("concurrency", concurrency);
        }
        var created = keep(t.admin().post("/api/v1/jobs", Map.of("target", Map.of("selector", "name=f-*"),
                "action", "object_text", "params", Map.of("title", title, "text", "adaptive"), "options", options)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20)).until(() -> {
            JsonNode j = keep(t.admin().get("/api/v1/jobs/" + id)).json();
            if (!j.get("limit").isNull()) {
                limits.add(j.get("limit").asInt());
            }
            return j.get("state").asString().equals("done");
        });
        JsonNode job = keep(t.admin().get("/api/v1/jobs/" + id)).json();
        assertThat(job.get("limit").isNull()).as("no run, no limit").isTrue();
        assertOutcomes(id, title);
        return job;
    }

    void assertOutcomes(long id, String title) {
        JsonNode items = keep(t.admin().get("/api/v1/jobs/" + id + "/items?limit=1000")).json();
        assertThat(items.get("total").asInt()).isEqualTo(PHONES);
        int dead = 0;
        for (JsonNode i : items.get("items")) {
            SimPhone p = phones.phone(i.get("deviceId").asLong());
            assertThat(i.get("state").asString()).isEqualTo("final");
            if (FLEET.dead(p.index())) {
                dead++;
                assertThat(i.get("outcome").asString()).as(i.toString()).isEqualTo("TIMED_OUT");
                assertThat(i.get("attempts").asInt()).isEqualTo(ATTEMPTS);
                assertThat(SimPhones.received(p, w -> w.equals("CiscoIPPhoneText"))).isZero();
            } else {
                assertThat(i.get("outcome").asString()).as(i.toString()).isEqualTo("EXECUTED");
                assertThat(p.history().executed().stream().anyMatch(e -> e.what().equals("CiscoIPPhoneText")))
                        .isTrue();
            }
        }
        assertThat(dead).as("the fleet has dead phones").isPositive();
        JsonNode events = keep(t.admin().header("Accept", "application/json")
                .get("/api/v1/events?type=job.progress&job=" + id)).json();
        assertThat(events.get("items")).as("progress events").isNotEmpty();
        for (JsonNode e : events.get("items")) {
            if (e.get("data").has("limit")) {
                assertThat(e.get("data").get("limit").asInt()).isPositive();
            }
        }
        assertThat(events.get("items").valueStream().anyMatch(e -> e.get("data").has("limit")))
                .as("a progress event says the limit").isTrue();
    }

    @Test
    void withoutConcurrencyTheLimitAdaptsAndEveryPhoneHasItsOutcome() {
        ConcurrentSkipListSet<Integer> limits = new ConcurrentSkipListSet<>();
        JsonNode job = run(null, "Adaptive", limits);
        assertThat(job.get("options").get("concurrency").isNull()).isTrue();
        assertThat(limits).as("the limit while it ran").isNotEmpty();
        // one site (every phone is on loopback): its limit within the client's bounds
        assertThat(limits.first()).isGreaterThanOrEqualTo(LimiterConfig.DEFAULTS.min());
        assertThat(limits.last()).isLessThanOrEqualTo(LimiterConfig.DEFAULTS.siteCeiling());
        assertThat(keep(t.http().get("/metrics")).body()).contains("phonectl_job_concurrency_limit",
                "phonectl_job_concurrency_inflight");
    }

    @Test
    void aFixedConcurrencyOverridesTheAdaptiveLimit() {
        ConcurrentSkipListSet<Integer> limits = new ConcurrentSkipListSet<>();
        JsonNode job = run(16, "Fixed", limits);
        assertThat(job.get("options").get("concurrency").asInt()).isEqualTo(16);
        assertThat(limits).containsExactly(16);
    }
}
