package io.phonectl.bench;

import io.phonectl.client.inventory.Inventory;
import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.server.PhonectlServer;
import io.phonectl.server.live.LiveConfig;
import io.phonectl.sim.xapi.SimUser;
import io.phonectl.sim.xapi.SimulatedXapiDevice;
import io.phonectl.sim.xapi.XapiProduct;
import io.phonectl.sim.xapi.XapiSimConfig;
import io.phonectl.sim.xapi.XapiSimHost;
import io.phonectl.xapi.schema.Role;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue 11's acknowledgement benchmark: one notification with acknowledgement to N simulated phones (CP-8845, in a
 * simulator process of their own on 127.0.0.2, answering after D ms) and R simulated RoomOS devices (in this JVM,
 * held on live WebSockets by the service); then simulated users acknowledge on half of them: every second phone's
 * Acknowledge softkey is pressed through the simulator's inspection API (the phone fetches its URL from the service),
 * every second room's prompt is answered (the answer reaches the service by HttpFeedback and over the live WebSocket;
 * the first recorded wins). The service runs in this JVM (H2 in a temporary folder).
 *
 * <p>Measured: from the POST to the last accepted outcome (the server's {@code lastAcceptedAt}) and to the job's end;
 * the presses (first press sent to the last press answered); from the last press answered to the last recorded
 * acknowledgement ({@code lastAcknowledgedAt}); acknowledgements recorded per second from the first press to the
 * last recorded one; whether every acknowledgement was recorded, once. Load average from /proc/loadavg before and
 * after. Arguments: phones (10000), rooms (20), answer delay ms (50), job concurrency (128), presses at once (64),
 * and how phones acknowledge: {@code inspection} (default: the simulator's inspection API presses the softkey and the
 * simulated phone fetches its URL) or {@code direct} (the URLs are read from the phones' screens first, then this
 * JVM fetches them as the phones would: the service's side of the chain alone).
 */
public final class AckBench {

    private static final String ROOM_PASSWORD = "bench-room-secret";

    private AckBench() {
    }

    public static void main(String[] args) throws Exception {
        int phones = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rooms = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        long delay = args.length > 2 ? Long.parseLong(args[2]) : 50;
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 128;
        int pressing = args.length > 4 ? Integer.parseInt(args[4]) : 64;
        boolean direct = args.length > 5 && args[5].equals("direct");
        System.out.printf(Locale.ROOT, "AckBench %s phones=%d rooms=%d delay=%dms concurrency=%d presses-at-once=%d "
                        + "by=%s cores=%d java=%s load %s%n", Instant.now(), phones, rooms, delay, concurrency, pressing,
                direct ? "direct" : "inspection",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadavg());
        Path data = TempDirs.create("ackbench");
        try (SimProcess sim = SimProcess.start(phones, delay, 0, 0, 0, 1, List.of(), "127.0.0.2", true);
             XapiSimHost roomHost = XapiSimHost.start(XapiSimConfig.defaults(XapiProduct.ROOMOS, rooms)
                     .withUsers(List.of(new SimUser("admin", ROOM_PASSWORD, Role.ADMIN))));
             PhonectlServer server = PhonectlServer.start(ServeProcess.config(data).withLive(LiveConfig.defaults()
                     .withTimings(Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofSeconds(10),
                             Duration.ZERO)))) {
            ServiceClient api = new ServiceClient(server.uri(), ServeProcess.token(server, "ack-bench"));
            List<PhoneEntry> fleet = Inventory.read(sim.fleetFile()).phones();
            register(api, fleet, roomHost.devices());
            long c0 = System.nanoTime();
            while (server.services().live().connectedCount() < rooms) {
                if (System.nanoTime() - c0 > Duration.ofMinutes(3).toNanos()) {
                    throw new IllegalStateException("only " + server.services().live().connectedCount() + " of "
                            + rooms + " rooms connected");
                }
                Thread.sleep(50);
            }
            System.out.printf(Locale.ROOT, "%d rooms held on live WebSockets %.2f s after the import%n", rooms,
                    (System.nanoTime() - c0) / 1e9);
            run(api, sim.inspection(), fleet, roomHost.devices(), concurrency, pressing, direct, job -> server.services()
                    .database().jdbi().withHandle(h -> h.createQuery("SELECT via, count(*) AS n FROM notification_acks "
                            + "WHERE job_id = ? GROUP BY via ORDER BY via").bind(0, job)
                            .map((rs, ctx) -> rs.getString("via") + " " + rs.getLong("n")).list()).toString());
        }
        System.out.printf(Locale.ROOT, "load at the end %s%n", loadavg());
    }

    static void register(ServiceClient api, List<PhoneEntry> fleet, List<SimulatedXapiDevice> rooms) throws Exception {
        api.post("/api/v1/credentials", Map.of("name", "bench", "user", "admin", "secret", "admin"));
        api.post("/api/v1/credentials", Map.of("name", "rooms", "user", "admin", "secret", ROOM_PASSWORD));
        StringBuilder csv = new StringBuilder("name,address,model,user,credentials\n");
        for (PhoneEntry p : fleet) {
            csv.append(p.name()).append(',').append(p.address()).append(",CP-8845,,bench\n");
        }
        for (SimulatedXapiDevice d : rooms) {
            csv.append("room-").append(d.index()).append(',').append(d.host()).append(':').append(d.port())
                    .append(",roomos,,rooms\n");
        }
        long t0 = System.nanoTime();
        api.send("POST", "/api/v1/devices/import", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        System.out.printf(Locale.ROOT, "imported %d phones and %d rooms in %d ms%n", fleet.size(), rooms.size(),
                (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * @param byCarrier the recorded acknowledgements of a job by carrier, read from the service's database (the API
     *                  pages receipts; this is one count)
     */
    static void run(ServiceClient api, URI inspection, List<PhoneEntry> fleet, List<SimulatedXapiDevice> rooms,
                    int concurrency, int pressing, boolean direct, java.util.function.LongFunction<String> byCarrier)
            throws Exception {
        String load0 = loadavg();
        Instant posted = Instant.now();
        long t0 = System.nanoTime();
        JsonNode job = api.post("/api/v1/jobs", Map.of("name", "ack-bench", "target", Map.of("all", true),
                "action", "notification", "params", Map.of("title", "Bench", "text", "Acknowledge please",
                        "acknowledge", true), "options", Map.of("concurrency", concurrency, "deadlineSeconds", 600)));
        long id = job.get("id").asLong();
        JsonNode view = waitFor(api, "/api/v1/jobs/" + id, v -> v.get("state").asString().equals("done"));
        double jobSeconds = (System.nanoTime() - t0) / 1e9;
        JsonNode summary = api.get("/api/v1/notifications/" + id);
        Instant lastAccepted = Instant.parse(summary.get("lastAcceptedAt").asString());
        System.out.printf(Locale.ROOT, "sent: %d devices, %d accepted, %d failed; POST to the last accepted %.2f s, "
                        + "to job.done %.2f s; outcomes %s; load %s → %s%n", summary.get("total").asLong(),
                summary.get("accepted").asLong(), summary.get("failed").asLong(),
                Duration.between(posted, lastAccepted).toNanos() / 1e9, jobSeconds, view.get("counts"), load0,
                loadavg());

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<URI> targets = new ArrayList<>();
        for (int i = 0; i < fleet.size(); i += 2) {
            URI press = inspection.resolve("/phones/" + fleet.get(i).name() + "/softkey/Acknowledge");
            targets.add(direct ? softkeyUrl(http, inspection.resolve("/phones/" + fleet.get(i).name())) : press);
        }
        String load1 = loadavg();
        Semaphore slots = new Semaphore(pressing);
        AtomicInteger pressedOk = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<CompletableFuture<?>> presses = new ArrayList<>();
        Instant firstPress = Instant.now();
        long p0 = System.nanoTime();
        int roomPresses = 0;
        for (SimulatedXapiDevice d : rooms) {
            if (d.index() % 2 == 0) {
                roomPresses++;
                if (!d.answerPrompt(1)) {
                    refused.incrementAndGet();
                }
            }
        }
        for (URI target : targets) {
            slots.acquire();
            HttpRequest.Builder b = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60));
            HttpRequest press = direct ? b.GET().build() : b.POST(HttpRequest.BodyPublishers.noBody()).build();
            presses.add(http.sendAsync(press, HttpResponse.BodyHandlers.ofString()).whenComplete((r, x) -> {
                if (x == null && r.statusCode() == 200 && (direct ? r.body().contains("recorded")
                        : r.body().contains("\"known\":true"))) {
                    pressedOk.incrementAndGet();
                } else {
                    refused.incrementAndGet();
                }
                slots.release();
            }));
        }
        CompletableFuture.allOf(presses.toArray(CompletableFuture[]::new)).exceptionally(x -> null).join();
        Instant lastPress = Instant.now();
        double pressSeconds = (System.nanoTime() - p0) / 1e9;
        long expected = presses.size() + roomPresses;
        JsonNode acked = waitFor(api, "/api/v1/notifications/" + id,
                s -> s.get("acknowledged").asLong() >= expected);
        Thread.sleep(2000); // anything arriving late (a second answer of the same room) must not count twice
        acked = api.get("/api/v1/notifications/" + id);
        Instant lastRecorded = Instant.parse(acked.get("lastAcknowledgedAt").asString());
        long recorded = acked.get("acknowledged").asLong();
        double toLast = Duration.between(firstPress, lastRecorded).toNanos() / 1e9;
        System.out.printf(Locale.ROOT, "presses: %d phone softkeys %s (%d answered as expected) and "
                        + "%d room prompts answered, %d refused; presses took %.2f s (%.0f/s)%n", presses.size(),
                direct ? "fetched directly by this JVM" : "pressed through the inspection API", pressedOk.get(), roomPresses, refused.get(), pressSeconds, presses.size() / pressSeconds);
        System.out.printf(Locale.ROOT, "acknowledgements recorded: %d of %d expected (never acknowledged: %d); last "
                        + "press answered to the last recorded: %d ms; first press to the last recorded %.2f s: "
                        + "%.0f acknowledgements/s; load %s → %s%n", recorded, expected,
                acked.get("notAcknowledged").asLong(), Duration.between(lastPress, lastRecorded).toMillis(), toLast,
                recorded / toLast, load1, loadavg());
        System.out.printf(Locale.ROOT, "of them by softkey / by prompt: %s%n", byCarrier.apply(id));
    }

    /** The Acknowledge softkey's URL on a phone's screen, as the inspection API shows it. */
    private static URI softkeyUrl(HttpClient http, URI phone) throws Exception {
        String body = http.send(HttpRequest.newBuilder(phone).build(), HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(https?://[^\"]+/ack/a[^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no Acknowledge URL on " + phone);
        }
        return URI.create(m.group(1));
    }

    private static JsonNode waitFor(ServiceClient api, String path, java.util.function.Predicate<JsonNode> done)
            throws Exception {
        long t0 = System.nanoTime();
        while (true) {
            JsonNode v = api.get(path);
            if (done.test(v)) {
                return v;
            }
            if (System.nanoTime() - t0 > Duration.ofMinutes(10).toNanos()) {
                throw new IllegalStateException(path + " not there after 10 minutes: " + v);
            }
            Thread.sleep(50);
        }
    }

    static String loadavg() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
