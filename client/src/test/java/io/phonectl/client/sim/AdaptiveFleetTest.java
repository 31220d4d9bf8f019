package io.phonectl.client.sim;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.fleet.ConcurrencyLimiter;
import io.phonectl.client.fleet.FleetConfig;
import io.phonectl.client.fleet.FleetListener;
import io.phonectl.client.fleet.FleetProgress;
import io.phonectl.client.fleet.FleetPush;
import io.phonectl.client.fleet.FleetReport;
import io.phonectl.client.fleet.LimiterConfig;
import io.phonectl.client.fleet.PhoneResult;
import io.phonectl.client.fleet.RetryPolicy;
import io.phonectl.client.fleet.TimeToN;
import io.phonectl.client.inventory.Inventory;
import io.phonectl.client.xsi.OutcomeKind;
import io.phonectl.client.xsi.Phase;
import io.phonectl.client.xsi.PushOutcome;
import io.phonectl.client.xsi.TransportConfig;
import io.phonectl.client.xsi.XsiTransport;
import io.phonectl.sim.FleetHost;
import io.phonectl.sim.SimConfig;
import io.phonectl.sim.host.Impairments;
import io.phonectl.xsi.object.Execute;
import io.phonectl.xsi.push.XsiPush;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The adaptive limit against a simulated fleet in which a tenth of the phones are dead (their connect times out) and a
 * tenth answer late: every phone gets its outcome, the dead ones timed out while connecting and nothing else, the
 * late ones as well as the rest, and the limit stays within its ceilings. Outcomes are asserted, never timings.
 */
class AdaptiveFleetTest {

    static final int PHONES = 300;
    static final Impairments FLEET = Impairments.NONE.withAnswerDelay(Duration.ofMillis(20))
            .withSlow(0.1, Duration.ofMillis(400)).withDead(0.1);
    static final XsiPush PUSH = XsiPush.of("volume", Execute.of("Key:VolUp"));
    /** Retries, so that a live phone's connect slowed past the timeout by a loaded machine is tried again. */
    static final RetryPolicy RETRY = new RetryPolicy(3, Duration.ofMillis(10), 2, Duration.ofMillis(20));

    @TempDir
    static Path dir;
    static FleetHost fleet;
    static XsiTransport transport;
    static Inventory inventory;

    @BeforeAll
    static void start() throws Exception {
        fleet = FleetHost.start(SimConfig.ephemeral(PHONES, List.of("CP-8845")).withFleetFile(dir.resolve("f.csv")),
                Clock.systemUTC(), FLEET);
        // a fleet push's transport (1 s connect timeout): a dead phone holds its slot this long per attempt
        transport = XsiTransport.start(TransportConfig.FLEET);
        inventory = Inventory.read(dir.resolve("f.csv"));
    }

    @AfterAll
    static void stop() {
        transport.close();
        fleet.close();
    }

    static FleetReport run(FleetPush push) {
        return assertTimeoutPreemptively(Duration.ofSeconds(120), () -> push.run(inventory, PUSH));
    }

    static void assertOutcomes(FleetReport r, int attemptsOfDead) {
        assertThat(r.results()).hasSize(PHONES);
        for (int i = 0; i < PHONES; i++) {
            PhoneResult p = r.results().get(i);
            if (FLEET.dead(i)) {
                assertThat(p.outcome()).as(p.phone().name()).isInstanceOf(PushOutcome.TimedOut.class);
                assertThat(((PushOutcome.TimedOut) p.outcome()).phase()).isEqualTo(Phase.CONNECT);
                assertThat(p.attempts()).isEqualTo(attemptsOfDead);
            } else {
                assertThat(p.outcome().kind()).as("%s: %s", p.phone().name(), p.outcome().detail())
                        .isEqualTo(OutcomeKind.EXECUTED);
            }
        }
        TimeToN all = r.timeToN();
        assertThat(all.phones()).isEqualTo(PHONES);
        assertThat(all.first()).isLessThanOrEqualTo(all.median());
        assertThat(all.median()).isLessThanOrEqualTo(all.p99());
        assertThat(all.p99()).isLessThanOrEqualTo(all.last());
        assertThat(r.timeToN(x -> x.outcome().succeeded()).phones()).isEqualTo(r.succeeded());
    }

    @Test
    void theDefaultAdaptiveLimitGivesEveryPhoneItsOutcome() {
        AtomicInteger limits = new AtomicInteger();
        FleetPush push = FleetPush.builder(transport).credentials(p -> Credentials.of("admin", "admin"))
                .config(FleetConfig.DEFAULTS.withRetry(RETRY))
                .listener(new FleetListener() {
                    @Override
                    public void onResult(PhoneResult result, FleetProgress progress) {
                        limits.accumulateAndGet(progress.limit(), Math::max);
                    }
                })
                .build();
        assertThat(push.limiter().adaptiveLimit()).isTrue();
        FleetReport r = run(push);
        assertOutcomes(r, RETRY.maxAttempts());
        assertThat(limits.get()).isBetween(LimiterConfig.DEFAULTS.min(), LimiterConfig.DEFAULTS.siteCeiling());
        assertThat(push.limiter().inFlight()).isZero();
        assertThat(r.toJson()).contains("\"timeToN\"", "\"p99Millis\"", "\"atMillis\"");
    }

    @Test
    void aSiteCeilingHoldsWhateverTheLatency() {
        ConcurrencyLimiter limiter = ConcurrencyLimiter.adaptive(LimiterConfig.DEFAULTS.withInitial(8).withSiteCeiling(24));
        AtomicInteger inFlight = new AtomicInteger();
        FleetPush push = FleetPush.builder(transport).credentials(p -> Credentials.of("admin", "admin"))
                .config(FleetConfig.DEFAULTS.withRetry(RETRY)).limiter(limiter)
                .listener(new FleetListener() {
                    @Override
                    public void onResult(PhoneResult result, FleetProgress progress) {
                        inFlight.accumulateAndGet(progress.inFlight(), Math::max);
                    }
                })
                .build();
        FleetReport r = run(push);
        assertOutcomes(r, RETRY.maxAttempts());
        // the young exchanges stay within the site's ceiling; stragglers (dead and late phones) within it again
        assertThat(inFlight.get()).isLessThanOrEqualTo(2 * 24);
        assertThat(limiter.limit()).isLessThanOrEqualTo(24);
    }

    @Test
    void aFixedConcurrencyStillOverridesTheAdaptiveLimit() {
        FleetPush push = FleetPush.builder(transport).credentials(p -> Credentials.of("admin", "admin"))
                .config(FleetConfig.DEFAULTS.withConcurrency(40).withRetry(RETRY)).build();
        assertThat(push.limiter().adaptiveLimit()).isFalse();
        FleetReport r = run(push);
        assertOutcomes(r, RETRY.maxAttempts());
        assertThat(push.limiter().limit()).isEqualTo(40);
    }
}
