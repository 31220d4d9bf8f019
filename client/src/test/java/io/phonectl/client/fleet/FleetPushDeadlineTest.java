package io.phonectl.client.fleet;

import io.phonectl.client.inventory.Inventory;
import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.client.xsi.OutcomeKind;
import io.phonectl.client.xsi.PhoneAddress;
import io.phonectl.client.xsi.PushOutcome;
import io.phonectl.xsi.object.Execute;
import io.phonectl.xsi.push.XsiPush;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The end of a run on a large fleet (issue 16: {@code --deadline} overshot its grace by most of a second on 100,000
 * phones). Phones still queued for a slot at the deadline must not all wake at once and race the run for the CPU while
 * it collects them: the run reports them itself, on its own thread, and only then lets them go. Structural, not timed:
 * at most {@code concurrency} phones may report from their own threads once the deadline has passed.
 */
class FleetPushDeadlineTest {

    @Test
    void queuedPhonesAreCollectedByTheRunNotByAWakeUpStorm() {
        int n = 3000;
        List<PhoneEntry> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(new PhoneEntry("p" + i, new PhoneAddress("10.0." + (i >> 8) + "." + (i & 255), 80), "CP-8845", "",
                    ""));
        }
        AtomicReference<Thread> caller = new AtomicReference<>();
        AtomicInteger fromWorkers = new AtomicInteger();
        AtomicInteger fromRun = new AtomicInteger();
        FleetListener counting = new FleetListener() {
            @Override
            public void onResult(PhoneResult r, FleetProgress p) {
                (Thread.currentThread() == caller.get() ? fromRun : fromWorkers).incrementAndGet();
            }
        };
        int concurrency = 4;
        // phones that never answer: the first four hold the slots until the deadline, the rest wait in the queue
        FleetPush push = FleetPush.builder((phone, c, x, timeout) -> new CompletableFuture<PushOutcome>())
                .credentials(p -> null).listener(counting)
                .config(FleetConfig.DEFAULTS.withConcurrency(concurrency).withDeadline(Duration.ofMillis(500))).build();

        FleetReport report = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> {
                    caller.set(Thread.currentThread()); // the preemptive timeout runs this on a thread of its own
                    return push.run(new Inventory(list), XsiPush.of(Execute.of("Key:Services")));
                });

        assertThat(report.results()).hasSize(n);
        assertThat(report.results()).extracting(r -> r.outcome().kind())
                .isSubsetOf(OutcomeKind.TIMED_OUT, OutcomeKind.DEADLINE_EXCEEDED);
        assertThat(fromWorkers.get()).as("phones that reported from their own thread").isLessThanOrEqualTo(concurrency);
        assertThat(fromRun.get() + fromWorkers.get()).isEqualTo(n);
    }
}
