package io.phonectl.bench;

import io.phonectl.client.xapi.XapiClient;
import io.phonectl.client.xapi.XapiClientConfig;
import io.phonectl.sim.xapi.SimulatedXapiDevice;
import io.phonectl.sim.xapi.XapiProduct;
import io.phonectl.sim.xapi.XapiSimConfig;
import io.phonectl.sim.xapi.XapiSimHost;
import io.phonectl.xapi.call.XapiCall;
import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.rpc.RpcCodec;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * xAPI over one WebSocket, client and simulated RoomOS device in one JVM on loopback: sequential and pipelined
 * xGet round trips per second, and feedback notifications per second to one subscriber, each as a ratio to the
 * ceilings in DESIGN.md (one WebSocket, JSON-RPC-sized echo: ~17k sequential, ~40k pipelined round trips/s).
 * Usage: {@code java -cp bench/target/benchmarks.jar io.phonectl.bench.XapiWsBench [seconds=5] [window=128]}.
 */
public final class XapiWsBench {
    static final double SEQUENTIAL_CEILING = 17_000;
    static final double PIPELINED_CEILING = 40_000;
    static final XPath VOLUME = XPath.of("Status", "Audio", "Volume");

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int window = args.length > 1 ? Integer.parseInt(args[1]) : 128;
        try (XapiSimHost host = XapiSimHost.start(XapiSimConfig.defaults(XapiProduct.ROOMOS, 1));
             XapiClient c = XapiClient.connect(XapiClientConfig.builder(host.device(0).wsUri()).build())) {
            sequential(c, 2); // warm-up
            pipelined(c, 2, window);
            double seq = sequential(c, seconds);
            double pipe = pipelined(c, seconds, window);
            double fb = feedback(c, host.device(0), seconds);
            System.out.printf("sequential xGet round trips/s: %.0f (%.2f of 17k)%n", seq, seq / SEQUENTIAL_CEILING);
            System.out.printf("pipelined xGet round trips/s (window %d): %.0f (%.2f of 40k)%n", window, pipe,
                    pipe / PIPELINED_CEILING);
            System.out.printf("feedback notifications/s to one subscriber: %.0f (%.2f of 40k)%n", fb,
                    fb / PIPELINED_CEILING);
        }
    }

    static double sequential(XapiClient c, int seconds) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long n = 0;
        long start = System.nanoTime();
        while (System.nanoTime() < end) {
            c.get(VOLUME);
            n++;
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    static double pipelined(XapiClient c, int seconds, int window) throws InterruptedException {
        Semaphore slots = new Semaphore(window);
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        XapiCall get = new XapiCall.Get(VOLUME);
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            slots.acquire();
            c.callAsync(get).whenComplete((r, e) -> {
                (e == null ? done : failed).incrementAndGet();
                slots.release();
            });
        }
        if (!slots.tryAcquire(window, 30, TimeUnit.SECONDS)) throw new IllegalStateException("calls still pending");
        if (failed.get() > 0) throw new IllegalStateException(failed.get() + " calls failed");
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    /** The device changes a leaf as fast as it can; counts notifications until all arrived (30 s bound). */
    static double feedback(XapiClient c, SimulatedXapiDevice device, int seconds) throws InterruptedException {
        AtomicLong received = new AtomicLong();
        try (var sub = c.subscribe(VOLUME, false, f -> received.incrementAndGet())) {
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            long sent = 0;
            while (System.nanoTime() < end) {
                device.changeStatus(VOLUME, RpcCodec.nodes().numberNode((int) (sent % 2)));
                sent++;
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (received.get() < sent && System.nanoTime() < deadline) Thread.sleep(5);
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (received.get() < sent) throw new IllegalStateException(received.get() + " of " + sent + " arrived");
            return sent / elapsed;
        }
    }
}
