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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The end of a run on a large fleet (issue 16: {@code --deadline} overshot its grace by most of a second on 100,000
 * phones). Phones still queued for a slot at the deadline must not wake a thread each and race the run for the CPU
 * while it collects them: they are reported by their site's dispatcher (which takes them in order, one thread per
 * site) or by the run itself, each exactly once, DEADLINE_EXCEEDED and not sent; the phones that were sent and never
 * answered are reported by the run. Structural, not timed.
 */
class FleetPushDeadlineTest {

    @Test
    void queuedPhonesAreCollectedByTheRunAndTheirDispatcherEachOnce() {
        int n = 3000;
        List<PhoneEntry> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(new PhoneEntry("p" + i, new PhoneAddress("10.0." + (i >> 8) + "." + (i & 255), 80), "CP-8845", "",
                    ""));
        }
        int sites = (n - 1 >> 8) + 1;
        AtomicReference<Thread> caller = new AtomicReference<>();
        Map<String, Integer> reported = new ConcurrentHashMap<>();
        Set<String> reporters = ConcurrentHashMap.newKeySet();
        FleetListener counting = new FleetListener() {
            @Override
            public void onResult(PhoneResult r, FleetProgress p) {
                reported.merge(r.phone().name(), 1, Integer::sum);
                Thread t = Thread.currentThread();
                reporters.add(t == caller.get() ? "the run" : t.getName());
            }
        };
        int concurrency = 4;
        Set<String> sent = ConcurrentHashMap.newKeySet();
        // phones that never answer: the first four hold the slots past the deadline, the rest wait in the queue
        FleetPush push = FleetPush.builder((phone, c, x, timeout) -> {
                    sent.add(phone.name());
                    return new CompletableFuture<PushOutcome>();
                })
                .credentials(p -> null).listener(counting)
                .config(FleetConfig.DEFAULTS.withConcurrency(concurrency).withDeadline(Duration.ofMillis(500))).build();

        FleetReport report = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> {
                    caller.set(Thread.currentThread()); // the preemptive timeout runs this on a thread of its own
                    return push.run(new Inventory(list), XsiPush.of(Execute.of("Key:Services")));
                });

        assertThat(report.results()).hasSize(n);
        assertThat(report.results()).extracting(r -> r.outcome().kind()).containsOnly(OutcomeKind.DEADLINE_EXCEEDED);
        assertThat(sent).as("phones sent: one per slot").hasSizeLessThanOrEqualTo(concurrency).isNotEmpty();
        for (PhoneResult r : report.results()) {
            assertThat(r.outcome()).as(r.phone().name()).isInstanceOf(PushOutcome.NotSent.class);
            if (sent.contains(r.phone().name())) {
                // sent and never answered: only the run can say so, at the deadline
                assertThat(r.outcome().detail()).as(r.phone().name()).contains("no outcome within");
            }
        }
        // every phone reported once: none lost, none twice
        assertThat(reported).hasSize(n).allSatisfy((name, times) -> assertThat(times).as(name).isEqualTo(1));
        // by the run and the sites' dispatchers only: no thread per queued phone woke to report itself
        assertThat(reporters).hasSizeLessThanOrEqualTo(sites + 1)
                .allSatisfy(t -> assertThat(t).matches("the run|fleet-10\\.0\\.\\d+\\.0/24"));
    }
}
