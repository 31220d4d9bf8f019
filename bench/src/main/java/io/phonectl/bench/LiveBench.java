package io.phonectl.bench;

import io.phonectl.server.PhonectlServer;
import io.phonectl.server.http.Json;
import io.phonectl.server.live.LiveConfig;
import io.phonectl.sim.xapi.SimUser;
import io.phonectl.sim.xapi.SimulatedXapiDevice;
import io.phonectl.sim.xapi.XapiProduct;
import io.phonectl.sim.xapi.XapiSimConfig;
import io.phonectl.sim.xapi.XapiSimHost;
import io.phonectl.xapi.schema.Role;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live xAPI connections held by one service: N simulated RoomOS devices registered with an in-process service
 * (H2), the time until the service holds a WebSocket to every one, then R rounds in which every device raises an
 * event; the latency is from the simulated device raising it to the service's handler that appends it to the event
 * stream and calls the event listeners (LiveConnections.onEvent). Usage: {@code LiveBench [devices=200] [rounds=20]}.
 */
public final class LiveBench {

    private LiveBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String password = "bench-room-secret";
        Path data = TempDirs.create("live-bench");
        try (XapiSimHost rooms = XapiSimHost.start(XapiSimConfig.defaults(XapiProduct.ROOMOS, n)
                .withUsers(List.of(new SimUser("admin", password, Role.ADMIN))));
             PhonectlServer server = PhonectlServer.start(ServeProcess.config(data).withLive(LiveConfig.defaults()
                     .withTimings(Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ZERO)))) {
            ServiceClient api = new ServiceClient(server.uri(), ServeProcess.token(server, "live-bench"));
            api.post("/api/v1/credentials", Map.of("name", "rooms", "user", "admin", "secret", password));
            StringBuilder csv = new StringBuilder("name,address,model,user,credentials\n");
            for (SimulatedXapiDevice d : rooms.devices()) {
                csv.append("room-").append(d.index()).append(',').append(d.host()).append(':').append(d.port())
                        .append(",roomos,,rooms\n");
            }
            long t0 = System.nanoTime();
            api.send("POST", "/api/v1/devices/import", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
            var live = server.services().live();
            while (live.connectedCount() < n) {
                if (System.nanoTime() - t0 > Duration.ofMinutes(5).toNanos()) {
                    throw new IllegalStateException("only " + live.connectedCount() + " of " + n + " connected");
                }
                Thread.sleep(20);
            }
            double connectSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%d devices connected %.2f s after the import; threads %d; load %s%n", n,
                    connectSeconds, ManagementFactory.getThreadMXBean().getThreadCount(),
                    Files.readString(Path.of("/proc/loadavg")).strip());
            Map<Long, Long> sent = new ConcurrentHashMap<>();
            long[] latency = new long[n * rounds];
            AtomicLong got = new AtomicLong();
            live.onEvent((device, event) -> {
                long now = System.nanoTime();
                var seq = event.path("Bench").path("Seq");
                if (seq.isNumber()) {
                    Long at = sent.remove(seq.asLong());
                    if (at != null) {
                        latency[(int) seq.asLong()] = now - at;
                        got.incrementAndGet();
                    }
                }
            });
            long r0 = System.nanoTime();
            for (int r = 0; r < rounds; r++) {
                for (SimulatedXapiDevice d : rooms.devices()) {
                    long seq = (long) r * n + d.index();
                    sent.put(seq, System.nanoTime());
                    d.raiseEvent("Bench", Json.mapper().createObjectNode().put("Seq", seq));
                }
                long wait = System.nanoTime();
                while (got.get() < (long) (r + 1) * n && System.nanoTime() - wait < Duration.ofSeconds(30).toNanos()) {
                    Thread.sleep(1);
                }
            }
            double seconds = (System.nanoTime() - r0) / 1e9;
            long[] ok = Arrays.stream(latency).filter(l -> l > 0).sorted().toArray();
            System.out.printf(Locale.ROOT, "events: %d of %d arrived in %.2f s; latency p50 %.2f ms, p99 %.2f ms, "
                            + "max %.2f ms; still connected %d; load %s%n", ok.length, n * rounds, seconds,
                    pct(ok, 0.50), pct(ok, 0.99), ok.length == 0 ? 0 : ok[ok.length - 1] / 1e6, live.connectedCount(),
                    Files.readString(Path.of("/proc/loadavg")).strip());
        }
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
