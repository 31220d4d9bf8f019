package io.phonectl.client.fleet;

import io.phonectl.client.fleet.ConcurrencyLimiter.Outcome;
import io.phonectl.client.fleet.ConcurrencyLimiter.Permit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The limiter in memory: latencies are numbers handed to it, so the tests say what the limit does with a given
 * history of answers, not how fast anything ran.
 */
class ConcurrencyLimiterTest {

    static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    static final Duration NOW = Duration.ZERO;

    /**
     * Keeps a site busy for {@code rounds} times its initial limit's worth of answers: every slot the limit allows is
     * taken, the oldest exchange answers after {@code latency}, its slot is taken again, and so on.
     */
    static void rounds(ConcurrencyLimiter l, String site, int rounds, java.util.function.IntToLongFunction latency)
            throws InterruptedException {
        java.util.ArrayDeque<Permit> held = new java.util.ArrayDeque<>();
        int answers = rounds * 64;
        for (int n = 0; n < answers; n++) {
            Permit p;
            while ((p = l.acquire(site, NOW)) != null) {
                held.addLast(p);
            }
            if (held.isEmpty()) {
                break;
            }
            held.pollFirst().release(Outcome.ANSWERED, latency.applyAsLong(n));
        }
        held.forEach(h -> h.release(Outcome.UNUSED, 0));
    }

    @Test
    void aFixedLimitIsNeverExceededAndIgnoresSites() throws Exception {
        ConcurrencyLimiter l = ConcurrencyLimiter.fixed(3);
        List<Permit> held = new ArrayList<>();
        for (String site : List.of("a", "b", "c")) {
            held.add(l.acquire(site, NOW));
        }
        assertThat(held).doesNotContainNull();
        assertThat(l.acquire("d", NOW)).isNull();
        assertThat(l.inFlight()).isEqualTo(3);
        held.getFirst().release(Outcome.ANSWERED, 10 * MS);
        assertThat(l.acquire("e", NOW)).isNotNull();
        rounds(l, "x", 0, n -> 0);
        assertThat(l.limit()).isEqualTo(3);
        assertThat(l.adaptiveLimit()).isFalse();
    }

    @Test
    void waitersAreServedInTurnAndAPermitIsReleasedOnce() throws Exception {
        ConcurrencyLimiter l = ConcurrencyLimiter.fixed(1);
        Permit first = l.acquire("s", NOW);
        List<Integer> order = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Void>> waiting = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int id = i;
            waiting.add(CompletableFuture.runAsync(() -> {
                try {
                    Permit p = l.acquire("s", Duration.ofSeconds(30));
                    order.add(id);
                    p.release(Outcome.ANSWERED, MS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }, r -> Thread.ofVirtual().start(r)));
            int queued = i + 1;
            await().atMost(Duration.ofSeconds(10)).until(() -> l.waiting() == queued);
        }
        first.release(Outcome.NO_ANSWER, 0);
        CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        assertThat(order).containsExactly(0, 1, 2, 3, 4);
        assertThatThrownBy(() -> first.release(Outcome.ANSWERED, 0)).hasMessageContaining("released twice");
        assertThat(l.inFlight()).isZero();
    }

    @Test
    void aWaitThatRunsOutGetsNothingAndHoldsNothing() throws Exception {
        ConcurrencyLimiter l = ConcurrencyLimiter.fixed(1);
        Permit p = l.acquire("s", NOW);
        assertThat(l.acquire("s", Duration.ofMillis(20))).isNull();
        p.release(Outcome.UNUSED, 0);
        assertThat(l.inFlight()).isZero();
        assertThat(l.acquire("s", NOW)).isNotNull();
    }

    /** A try takes a free slot, but never one a waiter of the site is owed, and waits for nothing. */
    @Test
    void aTryTakesOnlyAFreeSlotThatNoWaiterIsOwed() throws Exception {
        ConcurrencyLimiter l = ConcurrencyLimiter.fixed(1);
        Permit p = l.tryAcquire("s");
        assertThat(p).isNotNull();
        assertThat(l.tryAcquire("s")).isNull();
        CompletableFuture<Permit> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                return l.acquire("s", Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> l.waiting() == 1);
        p.release(Outcome.ANSWERED, MS);
        Permit handed = waiter.get(10, TimeUnit.SECONDS);
        assertThat(l.tryAcquire("s")).isNull();
        handed.release(Outcome.UNUSED, 0);
        assertThat(l.tryAcquire("s")).isNotNull();
    }

    @Test
    void anOutcomeKindSaysWhetherTheDeviceAnswered() {
        assertThat(Outcome.of(io.phonectl.client.xsi.OutcomeKind.EXECUTED)).isEqualTo(Outcome.ANSWERED);
        assertThat(Outcome.of(io.phonectl.client.xsi.OutcomeKind.AUTH_FAILED)).isEqualTo(Outcome.ANSWERED);
        assertThat(Outcome.of(io.phonectl.client.xsi.OutcomeKind.TIMED_OUT)).isEqualTo(Outcome.NO_ANSWER);
        assertThat(Outcome.of(io.phonectl.client.xsi.OutcomeKind.UNREACHABLE)).isEqualTo(Outcome.NO_ANSWER);
        assertThat(Outcome.of(io.phonectl.client.xsi.OutcomeKind.INVALID)).isEqualTo(Outcome.UNUSED);
    }

    @Test
    void steadyAnswersGrowTheLimitFromItsInitialValue() throws Exception {
        ConcurrencyLimiter l = ConcurrencyLimiter.adaptive(LimiterConfig.DEFAULTS.withInitial(16));
        rounds(l, "site", 6, n -> 50 * MS);
        // slow start: every answer with the limit in use adds one (the limit doubles per round trip)
        assertThat(l.limit("site")).isEqualTo(16 + 6 * 64);
        assertThat(l.limit()).isEqualTo(l.limit("site"));
    }

    @Test
    void risingLatencyShrinksTheLimitAndItRecoversWhenLatencyFalls() throws Exception {
        ConcurrencyLimiter l = ConcurrencyLimiter.adaptive(LimiterConfig.DEFAULTS.withInitial(64));
        rounds(l, "wan", 3, n -> 50 * MS);
        int grown = l.limit("wan");
        rounds(l, "wan", 8, n -> 400 * MS); // eight times the base: far beyond twice it
        int shrunk = l.limit("wan");
        assertThat(shrunk).isLessThan(grown / 2);
        rounds(l, "wan", 30, n -> 50 * MS);
        assertThat(l.limit("wan")).isGreaterThan(shrunk);
    }

    @Test
    void aRiseThatLastsMinutesBecomesTheNewNorm() throws Exception {
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
        ConcurrencyLimiter l = ConcurrencyLimiter.adaptive(LimiterConfig.DEFAULTS.withInitial(16).withSiteCeiling(100),
                now::get);
        rounds(l, "path", 3, n -> 20 * MS);
        assertThat(l.limit("path")).isEqualTo(100);
        rounds(l, "path", 2, n -> 300 * MS); // within a second: congestion, not a new path
        int low = l.limit("path");
        assertThat(low).isLessThan(50);
        for (int minute = 0; minute < 10; minute++) {
            for (int step = 0; step < 6; step++) {
                now.addAndGet(TimeUnit.SECONDS.toNanos(10));
                rounds(l, "path", 1, n -> 300 * MS);
            }
        }
        assertThat(l.limit("path")).isEqualTo(100);
    }

    @Test
    void aTenthOfSlowAnswersDoesNotReadAsCongestion() throws Exception {
        ConcurrencyLimiter l = ConcurrencyLimiter.adaptive(LimiterConfig.DEFAULTS.withInitial(16));
        rounds(l, "mixed", 6, n -> n % 10 == 3 ? 500 * MS : 50 * MS);
        assertThat(l.limit("mixed")).isEqualTo(16 + 6 * 64);
    }

    @Test
    void noAnswerFreesTheSlotAndLeavesTheLimitAlone() throws Exception {
        ConcurrencyLimiter l = ConcurrencyLimiter.adaptive(LimiterConfig.DEFAULTS.withInitial(8));
        for (int i = 0; i < 100; i++) {
            List<Permit> held = new ArrayList<>();
            Permit p;
            while ((p = l.acquire("dead", NOW)) != null) {
                held.add(p);
            }
            held.forEach(h -> h.release(Outcome.NO_ANSWER, 0));
        }
        assertThat(l.limit("dead")).isEqualTo(8);
        assertThat(l.inFlight()).isZero();
    }

    @Test
    void exchangesThatRunFarLongerThanTheSiteAllowsStopCountingAgainstItsLimit() throws Exception {
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
        ConcurrencyLimiter l = ConcurrencyLimiter.adaptive(LimiterConfig.DEFAULTS.withInitial(8).withGlobalCeiling(500),
                now::get);
        // before any answer there is no norm: nothing is a straggler however long it runs
        List<Permit> dead = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            dead.add(l.acquire("s", NOW));
        }
        now.addAndGet(10_000 * MS);
        assertThat(l.acquire("s", NOW)).isNull();
        dead.forEach(p -> p.release(Outcome.NO_ANSWER, 0));
        dead.clear();
        // a norm of 50 ms: allowed 3 * 50 + 5 = 155 ms, a straggler after twice that
        rounds(l, "s", 1, n -> 50 * MS);
        int limit = l.limit("s");
        for (int i = 0; i < limit; i++) {
            dead.add(l.acquire("s", NOW));
        }
        assertThat(l.acquire("s", NOW)).isNull();
        now.addAndGet(300 * MS);
        assertThat(l.acquire("s", NOW)).as("300 ms is not yet twice the 155 ms allowed").isNull();
        now.addAndGet(20 * MS);
        Permit fresh = l.acquire("s", NOW);
        assertThat(fresh).isNotNull();
        assertThat(l.stragglers()).isEqualTo(limit);
        assertThat(l.inFlight()).isEqualTo(limit + 1);
        assertThat(l.limit("s")).isEqualTo(limit);
        // the site's limit counts only the young ones now; the stragglers still hold their slots
        int more = 0;
        while (l.acquire("s", NOW) != null) {
            more++;
        }
        assertThat(l.inFlight()).isEqualTo(2 * limit);
        dead.forEach(p -> p.release(Outcome.NO_ANSWER, 0));
        assertThat(l.stragglers()).isZero();
        assertThat(more).isPositive();
    }

    @Test
    void sitesLearnApartAndStayWithinTheirCeilingAndTheGlobalOne() throws Exception {
        ConcurrencyLimiter l = ConcurrencyLimiter.adaptive(
                LimiterConfig.DEFAULTS.withInitial(16).withSiteCeiling(100).withGlobalCeiling(150));
        rounds(l, "fast", 10, n -> 20 * MS);
        assertThat(l.limit("fast")).isEqualTo(100);
        rounds(l, "slow", 3, n -> 20 * MS);
        int before = l.limit("slow");
        rounds(l, "slow", 8, n -> 300 * MS);
        assertThat(l.limit("slow")).isLessThan(before / 2).isGreaterThanOrEqualTo(16);
        assertThat(l.limit("fast")).isEqualTo(100);
        // together they may not exceed the global ceiling
        List<Permit> held = new ArrayList<>();
        Permit p;
        while ((p = l.acquire("fast", NOW)) != null) {
            held.add(p);
        }
        while ((p = l.acquire("third", NOW)) != null) {
            held.add(p);
        }
        assertThat(held).hasSize(100 + 16); // "third" is new: its initial limit
        assertThat(l.limit()).isLessThanOrEqualTo(150);
        ConcurrencyLimiter tight = ConcurrencyLimiter.adaptive(LimiterConfig.DEFAULTS.withInitial(16).withGlobalCeiling(20));
        int got = 0;
        for (String site : List.of("a", "b", "c")) {
            while (tight.acquire(site, NOW) != null) {
                got++;
            }
        }
        assertThat(got).isEqualTo(20);
    }

    @ParameterizedTest
    @CsvSource({
            "10.1.2.3, 10.1.2.0/24",
            "10.1.2.250, 10.1.2.0/24",
            "127.0.0.1, 127.0.0.0/8",
            "127.1.0.9, 127.0.0.0/8",
            "2001:db8:1:2::5, 2001:db8:1:2::/64",
            "fe80::1, fe80::/64",
            "sep001122.branch12.example.com, branch12.example.com",
            "phone7, phone7"})
    void siteOfAHost(String host, String site) {
        assertThat(Sites.of(host)).isEqualTo(site);
    }

    @Test
    void configLimitsNameTheirField() {
        assertThatThrownBy(() -> new LimiterConfig(0, 4, 100, 100, 2)).hasMessageContaining("initial = 0");
        assertThatThrownBy(() -> new LimiterConfig(8, 4, 100, 100, 0.5)).hasMessageContaining("tolerance = 0.5");
        assertThatThrownBy(() -> ConcurrencyLimiter.fixed(0)).hasMessageContaining("limit = 0");
        assertThat(LimiterConfig.DEFAULTS.globalCeiling()).isBetween(64, LimiterConfig.MAX_CEILING);
    }
}
