package io.phonectl.server.cucm;

import io.phonectl.client.cucm.RateGate;
import io.phonectl.server.testing.Databases;
import io.phonectl.sim.cucm.CucmConfig;
import io.phonectl.sim.cucm.CucmDirectory;
import io.phonectl.sim.cucm.SimCucm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs of two sources on one cluster share its RisPort budget: the simulated CUCM answers 2 RisPort requests a minute,
 * each run needs 2 (one per CM node), the second starts when the first has ended, and the simulator sees exactly 4
 * requests (none refused for the rate) because the second pair waited for the window the first pair used. (Callers
 * on many threads at once are {@code RateGateTest}'s.) The simulator's rate window and the gate run on
 * one clock that the gate's waits move, so nobody waits a real minute.
 */
@ParameterizedClass
@EnumSource(Databases.class)
class CucmRateGateTest extends CucmServerTest {

    /** A clock that moves only when someone waits on it (to the end of the longest wait asked). */
    static final class WaitClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-02T09:00:00Z"));

        RateGate.Sleeper sleeper() {
            return d -> {
                Instant until = instant().plus(d);
                now.accumulateAndGet(until, (a, b) -> a.isAfter(b) ? a : b);
            };
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @Test
    void twoSourcesOnOneClusterStayWithinItsRisPortLimitTogether() throws Exception {
        credentials("axl-g", AXL_PASSWORD);
        WaitClock clock = new WaitClock();
        CucmConfig config = CucmConfig.defaults("axl", AXL_PASSWORD)
                .withListener(InetAddress.getLoopbackAddress(), 0, true).withRatePerMinute(2);
        CucmDirectory d = CucmDirectory.of(config, clock);
        for (int i = 0; i < 3; i++) {
            d.add(new CucmDirectory.PhoneSpec(phone("CA", i), "Desk " + i, "CP-8845", "SIP", "DP-1",
                    Integer.toString(3000 + i), "127.7.77." + (i + 1)));
            d.register(phone("CA", i), config.nodes().getFirst(), null);
        }
        d.restartAxl();
        try (SimCucm cucm = SimCucm.start(config, d, clock);
             DiscoveryRuns runs = otherRuns(new ClusterGates(2, clock, clock.sleeper()))) {
            Cluster c = new Cluster(cucm, null);
            long[] ids = new long[2];
            for (int i = 0; i < 2; i++) {
                Map<String, Object> b = body("gate-" + i, c, "axl-g");
                b.put("nodes", config.nodes()); // one RisPort request per node: 2 a run
                ids[i] = source(b);
            }
            // one after the other within the same (simulated) minute: only a gate both share knows the first's use
            // (together, the clock the waits move would jump ahead of a request another thread has yet to send)
            CucmRun a = runs.start(ids[0], true, "test");
            await().atMost(Duration.ofSeconds(60)).until(() -> !runs.run(ids[0], a.id()).state().equals("running"));
            CucmRun b = runs.start(ids[1], true, "test");
            await().atMost(Duration.ofSeconds(60)).until(() -> !runs.run(ids[1], b.id()).state().equals("running"));
            List<CucmRun> done = List.of(runs.run(ids[0], a.id()), runs.run(ids[1], b.id()));
            assertThat(done).allSatisfy(r -> {
                assertThat(r.state()).as(r.detail()).isEqualTo("succeeded");
                assertThat(r.found()).isEqualTo(3);
                assertThat(r.risRequests()).isEqualTo(2);
            });
            assertThat(cucm.risRequests()).as("RisPort requests the cluster saw (a refused one would be a fifth)")
                    .isEqualTo(4);
            assertThat(done.get(0).waitedMillis()).isZero();
            assertThat(done.get(1).waitedMillis()).isEqualTo(61_000); // the first's two requests left the window
        }
    }
}
