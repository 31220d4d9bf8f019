package io.phonectl.client.fleet;

import io.phonectl.client.inventory.Inventory;
import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.client.xsi.PhoneAddress;
import io.phonectl.client.xsi.PushOutcome;
import io.phonectl.xsi.object.Execute;
import io.phonectl.xsi.push.XsiPush;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * How far past deadline + {@link FleetPush#GRACE} {@code run} returns on a huge fleet of phones that never answer (issue
 * 16: up to 0.74 s on 100,000 phones). No sockets: the exchange is a future that never completes, so the figure is the
 * run's own end (queued phones, collection, progress), not the network. It lives in the fleet package to reach the
 * package-private exchange; bench is never shipped.
 * <p>
 * Usage: {@code DeadlineOvershootBench [phones] [concurrency] [deadlineSeconds] [rounds]} (defaults 100000 128 3 5).
 * Each round waits 5 s first, so that the previous round's leftover workers (stopped after its report) are gone.
 */
public final class DeadlineOvershootBench {

    private DeadlineOvershootBench() {
    }

    public static void main(String[] args) throws InterruptedException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 128;
        int deadline = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        List<PhoneEntry> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(new PhoneEntry("p" + i, new PhoneAddress("10." + (i >> 16) + "." + ((i >> 8) & 255) + "."
                    + (i & 255), 80), "CP-8845", "", ""));
        }
        Inventory phones = new Inventory(list);
        // what the CLI's progress bar does: a line formatted at most every 100 ms, and the last one
        FleetListener bar = new FleetListener() {
            private long last;

            @Override
            public void onResult(PhoneResult r, FleetProgress p) {
                long now = System.nanoTime();
                if (now - last > 100_000_000L || p.done() == p.total()) {
                    last = now;
                    p.line(30);
                }
            }
        };
        XsiPush push = XsiPush.of(Execute.of("Key:Services"));
        for (int round = 1; round <= rounds; round++) {
            System.gc();
            Thread.sleep(5000);
            FleetPush run = FleetPush.builder((phone, c, x, timeout) -> new CompletableFuture<PushOutcome>())
                    .credentials(p -> null).listener(bar)
                    .config(FleetConfig.DEFAULTS.withConcurrency(concurrency).withDeadline(Duration.ofSeconds(deadline)))
                    .build();
            long t0 = System.nanoTime();
            FleetReport report = run.run(phones, push);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("round %d: %d phones, concurrency %d, deadline %d s: returned after %d ms, "
                            + "%d ms past deadline + grace; %d DEADLINE_EXCEEDED%n", round, n, concurrency, deadline,
                    ms, ms - deadline * 1000L - FleetPush.GRACE.toMillis(),
                    report.countsByKind().getOrDefault(io.phonectl.client.xsi.OutcomeKind.DEADLINE_EXCEEDED, 0));
        }
    }
}
