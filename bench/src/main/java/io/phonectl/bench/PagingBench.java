package io.phonectl.bench;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.inventory.Inventory;
import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.client.paging.PagingConfig;
import io.phonectl.client.paging.PagingProgress;
import io.phonectl.client.paging.PagingReport;
import io.phonectl.client.paging.PagingSession;
import io.phonectl.client.paging.PagingStatus;
import io.phonectl.client.xsi.PhoneAddress;
import io.phonectl.client.xsi.XsiTransport;
import io.phonectl.media.g711.G711;
import io.phonectl.sim.FleetHost;
import io.phonectl.sim.SimConfig;
import io.phonectl.sim.phone.SimPhone;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.lang.management.ManagementFactory;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Harness (not JMH): one unicast page to N simulated phones in this process (the simulator's RTP receivers are real
 * UDP sockets on 127.0.0.1). Prints the time to tell every phone to receive, the delivered fraction as the phones
 * count it (read through the inspection API just before the stop commands), phones with loss, the time to stop
 * every phone, and process CPU while streaming. Client and simulator share the machine's cores.
 *
 * <p>Usage: {@code PagingBench [phones=200] [seconds=5]}
 */
public final class PagingBench {
    static final List<String> MODELS = List.of("CP-8845", "CP-7841", "CP-7962", "CP-8821", "CP-8865");

    private PagingBench() {
    }

    public static void main(String[] args) throws Exception {
        int phones = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        short[] pcm = new short[8000 * seconds];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000.0));
        }
        byte[] audio = G711.MU_LAW.encode(pcm);
        long packets = (long) seconds * 50;
        List<String> models = new ArrayList<>();
        for (int i = 0; i < phones; i++) {
            models.add(MODELS.get(i % MODELS.size()));
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        HttpClient http = HttpClient.newHttpClient();
        JsonMapper json = JsonMapper.builder().build();
        try (FleetHost host = FleetHost.start(SimConfig.ephemeral(phones, models));
             XsiTransport transport = XsiTransport.start()) {
            List<PhoneEntry> entries = new ArrayList<>();
            for (SimPhone p : host.phones()) {
                entries.add(new PhoneEntry(p.name(), new PhoneAddress("127.0.0.1", p.address().getPort()), p.model().name(), "", ""));
            }
            URI inspect = host.inspectionUri().orElseThrow();
            AtomicLong started = new AtomicLong();
            AtomicLong streamingAt = new AtomicLong();
            AtomicLong streamedAt = new AtomicLong();
            AtomicLong cpuStreaming = new AtomicLong();
            AtomicLong received = new AtomicLong();
            AtomicLong lossy = new AtomicLong();
            AtomicLong snapshotDone = new AtomicLong();
            PagingConfig config = PagingConfig.builder().unicast(freeRun(phones)).concurrency(64).build();
            PagingSession session = PagingSession.builder(transport).phones(new Inventory(entries)).muLawAudio(audio)
                    .config(config).credentials(p -> Credentials.of("admin", "admin")).listener(p -> {
                        if (p.phase() == PagingProgress.Phase.STREAMING && streamingAt.compareAndSet(0, System.nanoTime())) {
                            cpuStreaming.set(os.getProcessCpuTime());
                        }
                        if (p.phase() == PagingProgress.Phase.STOPPING && streamedAt.compareAndSet(0, System.nanoTime())) {
                            cpuStreaming.set(os.getProcessCpuTime() - cpuStreaming.get());
                            for (PhoneEntry e : entries) {
                                long r = received(http, json, inspect, e.name());
                                received.addAndGet(r);
                                if (r < packets) {
                                    lossy.incrementAndGet();
                                }
                            }
                            snapshotDone.set(System.nanoTime());
                        }
                    }).build();
            started.set(System.nanoTime());
            PagingReport report = session.run();
            long end = System.nanoTime();
            long ok = report.results().stream().filter(r -> r.status() == PagingStatus.RECEIVED).count();
            double streamWall = (streamedAt.get() - streamingAt.get()) / 1e9;
            System.out.printf(Locale.ROOT, "phones %d, audio %d s (%d packets each), %d received, %d stopped%n", phones, seconds,
                    packets, ok, report.results().stream().filter(r -> r.stopped()).count());
            System.out.printf(Locale.ROOT, "start phase: %.0f ms (%.0f phones/s)%n", (streamingAt.get() - started.get()) / 1e6,
                    phones / ((streamingAt.get() - started.get()) / 1e9));
            System.out.printf(Locale.ROOT, "streaming: %.2f s wall for %d s of audio; process CPU %.3f cores%n", streamWall, seconds,
                    cpuStreaming.get() / 1e9 / streamWall);
            System.out.printf(Locale.ROOT, "delivered (phones' own counts): %d of %d = %.5f; phones short of %d: %d%n",
                    received.get(), packets * phones, received.get() / (double) (packets * phones), packets, lossy.get());
            System.out.printf(Locale.ROOT, "stop phase: %.0f ms (%.0f phones/s)%n", (end - snapshotDone.get()) / 1e6,
                    phones / ((end - snapshotDone.get()) / 1e9));
            System.out.printf(Locale.ROOT, "load average at end: %.1f%n", os.getSystemLoadAverage());
        }
    }

    private static long received(HttpClient http, JsonMapper json, URI inspect, String name) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(inspect.resolve("phones/" + name)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            long sum = 0;
            for (JsonNode stream : json.readTree(r.body()).get("streams")) {
                for (JsonNode source : stream.get("sources")) {
                    sum += source.get("received").asLong();
                }
            }
            return sum;
        } catch (Exception e) {
            throw new IllegalStateException("inspection of " + name + " failed", e);
        }
    }

    /** A base port with {@code count} free even ports above it on 127.0.0.1 (phones share that address). */
    private static int freeRun(int count) throws Exception {
        for (int base = 20480; base + 2 * count <= 32768; base += 2 * count) {
            List<DatagramSocket> held = new ArrayList<>();
            try {
                for (int i = 0; i < count; i++) {
                    held.add(new DatagramSocket(new InetSocketAddress("127.0.0.1", base + 2 * i)));
                }
                return base;
            } catch (java.net.SocketException busy) {
                // next range
            } finally {
                held.forEach(DatagramSocket::close);
            }
        }
        throw new IllegalStateException("no " + count + " free even RTP ports");
    }
}
