package io.phonectl.bench;

import io.phonectl.sim.FleetHost;
import io.phonectl.sim.SimConfig;
import io.phonectl.sim.phone.SimPhone;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Starts a fleet of simulated phones and measures start-up time, heap used after GC and open file descriptors;
 * then, optionally, requests per second on one phone's /CGI/Execute with keep-alive connections from the JDK
 * client in the same JVM. Not JMH: one start-up is the measurement.
 *
 * <p>Arguments: [phones=5000] [executeSeconds=10] [clients=16] [firstAddress port] — with the last two, per-address
 * mode (phone i on firstAddress+i:port) instead of one ephemeral loopback port per phone. Run with -Xmx512m
 * (see docs/BENCHMARKS.md).
 */
public final class SimStartupBench {

    private SimStartupBench() {
    }

    public static void main(String[] args) throws Exception {
        int phones = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        SimConfig config = SimConfig.ephemeral(phones, List.of());
        if (args.length > 4) {
            config = config.withAddresses(java.net.InetAddress.getByName(args[3]), Integer.parseInt(args[4]));
        }
        long heapBefore = usedAfterGc();
        long fdBefore = openFds();
        long t0 = System.nanoTime();
        try (FleetHost host = FleetHost.start(config)) {
            long startNanos = System.nanoTime() - t0;
            long heapAfter = usedAfterGc();
            System.out.printf("mode=%s phones=%d start=%.3f s heapUsedAfterGc=%.1f MiB (fleet share %.1f MiB, %.1f KiB/phone) "
                            + "maxHeap=%.0f MiB fds=%d (+%d)%n",
                    config.firstAddress() == null ? "per-port" : "per-address", phones, startNanos / 1e9, heapAfter / 1048576.0, (heapAfter - heapBefore) / 1048576.0,
                    (heapAfter - heapBefore) / 1024.0 / phones, Runtime.getRuntime().maxMemory() / 1048576.0,
                    openFds(), openFds() - fdBefore);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (int i : new int[] {0, phones / 2, phones - 1}) {
                SimPhone p = host.phones().get(i);
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(FleetHost.uriOf(p).resolve("/DeviceInformationX")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200 || !r.body().contains(p.name())) {
                    throw new IllegalStateException("phone " + i + " did not answer as itself");
                }
            }
            if (seconds > 0) {
                SimPhone p8845 = host.phones().stream().filter(p -> p.model().name().equals("CP-8845")).findFirst()
                        .orElseThrow();
                // same client, same phone, a POST the phone refuses (405) without work: the client-bound ceiling here
                rate(http, p8845, "/NoSuchPage", 405, null, seconds, clients);
                rate(http, p8845, "/CGI/Execute", 200, "Status=\"0\"", seconds, clients);
            }
        }
    }

    private static void rate(HttpClient http, SimPhone phone, String path, int status, String expect, int seconds,
                             int clients) throws Exception {
        URI uri = FleetHost.uriOf(phone).resolve(path);
        String xml = "<CiscoIPPhoneExecute><ExecuteItem URL=\"Key:VolUp\"/></CiscoIPPhoneExecute>";
        byte[] body = ("XML=" + URLEncoder.encode(xml, StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);
        HttpRequest req = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
                .build();
        AtomicLong ok = new AtomicLong();
        AtomicLong bad = new AtomicLong();
        long warmEnd = System.nanoTime() + 2_000_000_000L;
        long end = warmEnd + seconds * 1_000_000_000L;
        AtomicLong measuredOk = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < end) {
                    try {
                        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == status && (expect == null || r.body().contains(expect))) {
                            ok.incrementAndGet();
                            if (System.nanoTime() >= warmEnd) {
                                measuredOk.incrementAndGet();
                            }
                        } else {
                            bad.incrementAndGet();
                        }
                    } catch (Exception e) {
                        bad.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double rps = measuredOk.get() / (double) seconds;
        System.out.printf("POST %s: clients=%d seconds=%d ok=%d failed=%d rate=%.0f requests/s (%.3f of the 78k/s "
                + "bare-Jetty ceiling)%n", path, clients, seconds, measuredOk.get(), bad.get(), rps, rps / 78_000.0);
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed();
    }

    private static long openFds() {
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        } catch (Exception e) {
            return -1;
        }
    }
}
