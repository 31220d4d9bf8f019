package io.phonectl.server.job;

import io.phonectl.server.http.ApiException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The limits of a job's target and options, both sides of each, as the API applies them. */
class JobLimitsTest {

    static List<Long> ids(int n) {
        return new ArrayList<>(LongStream.rangeClosed(1, n).boxed().toList());
    }

    static void refused(Runnable r, String field) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(ApiException.Invalid.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void listedDevicesAndGroups() {
        new JobTarget(null, null, ids(JobTarget.MAX_LISTED), null).checked();
        refused(() -> new JobTarget(null, null, ids(JobTarget.MAX_LISTED + 1), null).checked(), "target.devices");
        refused(() -> new JobTarget(null, null, List.of(), null).checked(), "target.devices");
        new JobTarget(null, null, null, ids(JobTarget.MAX_GROUPS)).checked();
        refused(() -> new JobTarget(null, null, null, ids(JobTarget.MAX_GROUPS + 1)).checked(), "target.groups");
        refused(() -> new JobTarget(null, null, List.of(0L), null).checked(), "target.devices");
        refused(() -> new JobTarget(true, "name=x", null, null).checked(), "target");
        refused(() -> new JobTarget(null, null, null, null).checked(), "target");
    }

    @Test
    void options() {
        JobOptions d = JobOptions.DEFAULTS.resolved(10_000);
        // no concurrency: the adaptive limit (RunLimit), as the CLI's broadcast
        assertThat(d).isEqualTo(new JobOptions(null, 600, 3, 10_000, true, null, false, false, "site"));
        assertThat(RunLimit.of(d, 4).limiter().adaptiveLimit()).isTrue();
        RunLimit fixed = RunLimit.of(opts(10_000, null, null, null, null).resolved(10_000), 4);
        assertThat(fixed.limiter().adaptiveLimit()).isFalse();
        assertThat(fixed.limiter().limit()).isEqualTo(10_000);
        // a site ceiling is each site's ceiling of the adaptive limit too, at both ends of its range
        for (int ceiling : new int[]{1, 10_000}) {
            RunLimit paced = RunLimit.of(opts(null, null, null, null, ceiling).resolved(10_000), 4);
            assertThat(paced.limiter().limit("any")).isLessThanOrEqualTo(ceiling);
        }
        record Limit(String member, JobOptions ok, JobOptions bad) {
        }
        for (Limit l : List.of(
                new Limit("concurrency", opts(10_000, null, null, null, null), opts(10_001, null, null, null, null)),
                new Limit("concurrency", opts(1, null, null, null, null), opts(0, null, null, null, null)),
                new Limit("deadlineSeconds", opts(null, 604_800, null, null, null), opts(null, 604_801, null, null, null)),
                new Limit("deadlineSeconds", opts(null, 1, null, null, null), opts(null, 0, null, null, null)),
                new Limit("attempts", opts(null, null, 10, null, null), opts(null, null, 11, null, null)),
                new Limit("timeoutMillis", opts(null, null, null, 100, null), opts(null, null, null, 99, null)),
                new Limit("siteConcurrency", opts(null, null, null, null, 10_000), opts(null, null, null, null, 10_001)))) {
            l.ok().resolved(10_000);
            refused(() -> l.bad().resolved(10_000), "options." + l.member());
        }
    }

    static JobOptions opts(Integer c, Integer d, Integer a, Integer t, Integer s) {
        return new JobOptions(c, d, a, t, null, s, null, null, null);
    }

    @Test
    void outcomeNamesAreTheClientsAndTheServicesOwn() {
        assertThat(Outcomes.all()).contains("EXECUTED", "TIMED_OUT", "DEADLINE_EXCEEDED", "CANCELLED", "INTERRUPTED",
                "COLLECTED");
        assertThat(Outcomes.parse("outcome", "executed, Timed_Out")).containsExactly("EXECUTED", "TIMED_OUT");
        refused(() -> Outcomes.parse("outcome", "EXECUTED,SOMETIMES"), "outcome");
        assertThat(Outcomes.success("COLLECTED")).isTrue();
        assertThat(Outcomes.success("CANCELLED")).isFalse();
    }

    /** Every lease `serve --replica-lease` takes (5..3,600 s, heartbeat 1 s) is a lease the service runs with. */
    @Test
    void theReplicaLeaseKeepsWhatWasAskedForAtBothEnds() {
        for (long seconds : new long[]{5, 3600}) {
            JobsConfig c = JobsConfig.defaults().withLease(java.time.Duration.ofSeconds(1),
                    java.time.Duration.ofSeconds(seconds));
            assertThat(c.replicas().lease()).isEqualTo(java.time.Duration.ofSeconds(seconds));
        }
        assertThatThrownBy(() -> JobsConfig.defaults().withLease(java.time.Duration.ofSeconds(1),
                java.time.Duration.ofSeconds(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lease");
    }
}
