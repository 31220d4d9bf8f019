package io.phonectl.client.cucm;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate as one cluster's budget shared by several discoveries: callers on many threads at once get request times
 * that never put more than the budget in one window, and a back-off one caller saw holds the others too. The clock
 * stands still and the sleeper only records, so each request's time is exactly now + the wait it was given.
 */
class RateGateTest {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void callersOnManyThreadsNeverExceedTheBudgetTogether() throws Exception {
        int perMinute = 4;
        int threads = 6;
        int each = 10;
        RateGate gate = new RateGate(perMinute, Clock.fixed(T0, ZoneOffset.UTC), d -> { });
        CountDownLatch go = new CountDownLatch(1);
        List<Instant> times = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < each; i++) {
                        times.add(T0.plus(gate.acquire(w -> { })));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        }
        List<Instant> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        assertThat(sorted).hasSize(threads * each);
        assertThat(sorted.subList(0, perMinute)).containsOnly(T0);
        for (int i = 0; i + perMinute < sorted.size(); i++) {
            // any window of 61 s holds at most perMinute requests
            assertThat(Duration.between(sorted.get(i), sorted.get(i + perMinute)))
                    .as("request %d and %d", i, i + perMinute).isGreaterThanOrEqualTo(RateGate.WINDOW);
        }
        // and the gate does not waste the budget: each window of requests starts when the previous one ends
        assertThat(sorted.getLast()).isEqualTo(T0.plus(RateGate.WINDOW.multipliedBy(threads * each / perMinute - 1)));
    }

    @Test
    void theBudgetPassesAndTheNextRequestWaitsForTheWindow() throws Exception {
        RateGate gate = new RateGate(3, Clock.fixed(T0, ZoneOffset.UTC), d -> { });
        for (int i = 0; i < 3; i++) {
            assertThat(gate.acquire(w -> { })).isZero();
        }
        List<Duration> announced = new ArrayList<>();
        assertThat(gate.acquire(announced::add)).isEqualTo(RateGate.WINDOW);
        assertThat(announced).containsExactly(RateGate.WINDOW);
        assertThat(gate.waited()).isEqualTo(RateGate.WINDOW);
    }

    @Test
    void aBackOffOneCallerSawHoldsEveryCaller() throws Exception {
        RateGate gate = new RateGate(15, Clock.fixed(T0, ZoneOffset.UTC), d -> { });
        gate.backOff(Duration.ofSeconds(15));
        gate.backOff(Duration.ofSeconds(5)); // a shorter back-off does not shorten the first
        Duration[] seen = new Duration[1];
        Thread other = Thread.ofPlatform().start(() -> {
            try {
                seen[0] = gate.acquire(w -> { });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        other.join(10_000);
        assertThat(seen[0]).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void aBudgetBelowOneIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RateGate(0, Clock.systemUTC(), d -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("perMinute = 0");
    }
}
