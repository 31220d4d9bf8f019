package io.phonectl.bench;

import io.phonectl.client.fleet.FleetConfig;
import io.phonectl.client.fleet.FleetPush;
import io.phonectl.client.fleet.FleetReport;
import io.phonectl.client.fleet.RetryPolicy;
import io.phonectl.client.inventory.Inventory;
import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.client.xsi.TransportConfig;
import io.phonectl.client.xsi.XsiTransport;
import io.phonectl.client.credentials.Credentials;
import io.phonectl.server.PhonectlServer;
import io.phonectl.server.ServerConfig;
import io.phonectl.sim.host.MultiListenConnector;
import io.phonectl.xsi.object.Text;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.eclipse.jetty.server.Server;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The service's speed, in one run on one fleet: N stub phones answering after D ms (BroadcastBench's stub), all in
 * this JVM with the service (H2 in a temporary folder; the stub in a child JVM with {@code jobbench.stubProcess}).
 * Measures, in order:
 * <ol>
 *   <li>FleetPush of a CiscoIPPhoneText to every phone (the client alone), then the same through the service: POST
 *   /api/v1/jobs to the job.done event (written after the last outcome is stored); the ratio of the two, in pairs
 *   after two unmeasured rounds of both to the whole fleet (compiled code on both sides);</li>
 *   <li>the same job with S Server-Sent Events readers: every reader gets every event of the job, lag p50/p99
 *   (arrival minus the event's time);</li>
 *   <li>GET /api/v1/devices pages of 100 over the N devices with wrk (50 connections, 2 threads), the pages'
 *   cursors cycled by a Lua script;</li>
 *   <li>with the N devices and those jobs stored: the service started in a new JVM on the same data, time to ready
 *   (start returned; and from process start to the first 200 of /health), heap used after a full GC.</li>
 * </ol>
 * {@code -Djobbench.postgres=true} runs the service on an embedded PostgreSQL instead of H2 (the restart step stays
 * on H2). {@code -Djobbench.stubProcess=true} runs the stub phones in a child JVM instead ({@link StubProcess}): this JVM's
 * CPU per phone is then the client's, or the service's and the client's for a job, and the stub's is printed beside.
 * {@code -Djobbench.simProcess=true} sends to the project's simulated phones instead ({@link SimProcess}: FleetHost,
 * CP-8845, in a child JVM on 127.0.0.2, as FleetBench runs them).
 * {@code -Djobbench.pairsOnly=true} measures the pairs of the first step alone; {@code -Djobbench.jobOnly=true} runs the
 * service's job alone three times (for a profile); {@code -Djobbench.pagesOnly=true} runs only the devices pages.
 * Arguments: phones (10000), delay ms (50), concurrency (128; 0: the adaptive limit, the default of the CLI and of
 * jobs without {@code options.concurrency}), SSE readers (100), wrk seconds (15).
 */
public final class JobBench {

    /** {@code -Djobbench.simProcess=true}: the project's simulated phones in a child JVM (see the class comment). */
    private static final boolean SIM_PROCESS = Boolean.getBoolean("jobbench.simProcess");

    /** The stub child's CPU time so far, or -1 when the stub phones run in this JVM. */
    private static java.util.function.LongSupplier stubCpu = () -> -1;

    private JobBench() {
    }

    /** " (stub process: x ms CPU per phone)" since {@code stub0}, or nothing when the stub runs in this JVM. */
    private static String stubShare(long stub0, int phones) {
        long now = stubCpu.getAsLong();
        return stub0 < 0 || now < 0 ? "" : String.format(Locale.ROOT, " (stub process: %.3f ms CPU per phone)",
                (now - stub0) / 1e6 / phones);
    }

    public static void main(String[] args) throws Exception {
        int phones = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        long delay = args.length > 1 ? Long.parseLong(args[1]) : 50;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 128;
        int readers = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        int wrkSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 15;
        System.out.printf(Locale.ROOT, "JobBench phones=%d delay=%dms concurrency=%d readers=%d cores=%d load=%.2f java=%s%n",
                phones, delay, concurrency, readers, Runtime.getRuntime().availableProcessors(),
                ProcessFigures.load(), System.getProperty("java.version"));
        // -Djobbench.stubProcess=true: the stub phones in a child JVM, so that this JVM's CPU is the client's (and
        // the service's) alone and a profile of it shows no stub
        boolean stubProcess = Boolean.getBoolean("jobbench.stubProcess");
        if (stubProcess && SIM_PROCESS) {
            throw new IllegalArgumentException("-Djobbench.stubProcess and -Djobbench.simProcess: one or the other");
        }
        StubProcess child = stubProcess ? StubProcess.start(phones, delay) : null;
        SimProcess sim = SIM_PROCESS ? SimProcess.start(phones, delay, 0, 0, 0, 1, List.of(), "127.0.0.2") : null;
        Server stub = stubProcess || SIM_PROCESS ? null : BroadcastBench.startStub(delay);
        Path data = TempDirs.create("jobbench");
        // -Djobbench.postgres=true: the service on an embedded PostgreSQL (a fresh database) instead of H2
        EmbeddedPostgres pg = Boolean.getBoolean("jobbench.postgres") ? EmbeddedPostgres.builder().start() : null;
        try {
            List<PhoneEntry> fleet = stubProcess ? child.phones() : SIM_PROCESS ? simulated(sim)
                    : BroadcastBench.phoneList((MultiListenConnector) stub.getConnectors()[0], phones);
            stubCpu = stubProcess ? child::cpuNanos : SIM_PROCESS ? sim::cpuNanos : () -> -1;
            System.out.println(stubProcess ? "stub phones in a child JVM (pid " + child.pid()
                    + "): CPU per phone below is this JVM's, without the stub" : SIM_PROCESS ? "simulated phones in a "
                    + "child JVM: CPU per phone below is this JVM's, without the simulator's" : "stub phones in this JVM");
            ServerConfig config = ServeProcess.config(data);
            if (pg != null) {
                config = config.withDatabase(ReplicaBench.pgConfig(pg));
                System.out.println("service database: embedded PostgreSQL");
            }
            PhonectlServer server = PhonectlServer.start(config);
            ServiceClient api = new ServiceClient(server.uri(), ServeProcess.token(server, "bench"));
            register(api, fleet);
            if (Boolean.getBoolean("jobbench.pagesOnly")) {
                // the devices pages alone (no jobs stored): to look at their latency without the job path
                DevicePages.wrk(server.uri(), api, ServeProcess.token(server, "wrk"), wrkSeconds);
                server.close();
                return;
            }
            if (Boolean.getBoolean("jobbench.jobOnly")) {
                // profiling aid: the service's job alone, three times
                Map<String, Object> options = options(concurrency);
                for (int i = 0; i < 3; i++) {
                    long cpu0 = ProcessFigures.cpuNanos();
                    long stub0 = stubCpu.getAsLong();
                    JobRun r = runJob(api, Map.of("all", true), options, 1);
                    System.out.printf(Locale.ROOT, "job %d: %.2f s, server last outcome %d ms, first %d ms, %.3f ms CPU "
                                    + "per phone%s, load %.2f%n", i, r.seconds(), r.timing("lastMillis"),
                            r.timing("firstMillis"), (ProcessFigures.cpuNanos() - cpu0) / 1e6 / fleet.size(),
                            stubShare(stub0, fleet.size()), ProcessFigures.load());
                }
                server.close();
                return;
            }
            if (Boolean.getBoolean("jobbench.pairsOnly")) {
                // the pairs alone (FleetPush then the job): no SSE readers' job, no wrk, no restart
                measureJobs(api, fleet, concurrency, 0);
                server.close();
                return;
            }
            measureJobs(api, fleet, concurrency, readers);
            DevicePages.wrk(server.uri(), api, ServeProcess.token(server, "wrk"), wrkSeconds);
            server.close();
            if (pg == null) {
                restart(data);
            } else {
                System.out.println("restart: measured on H2 only (the restarted JVM opens the data folder's H2)");
            }
            System.out.printf(Locale.ROOT, "load at the end=%.2f%n", ProcessFigures.load());
        } finally {
            if (stub != null) {
                stub.stop();
            }
            if (child != null) {
                child.close();
            }
            if (sim != null) {
                sim.close();
            }
            if (pg != null) {
                pg.close();
            }
        }
    }

    /** The simulator's phones, named as the stub's are (phone-0 …). */
    private static List<PhoneEntry> simulated(SimProcess sim) throws IOException {
        List<PhoneEntry> phones = Inventory.read(sim.fleetFile()).phones();
        List<PhoneEntry> named = new ArrayList<>(phones.size());
        for (int i = 0; i < phones.size(); i++) {
            PhoneEntry e = phones.get(i);
            named.add(new PhoneEntry("phone-" + i, e.address(), e.model(), e.user(), e.credentials()));
        }
        return named;
    }

    static void register(ServiceClient api, List<PhoneEntry> fleet) throws Exception {
        api.post("/api/v1/credentials", Map.of("name", "bench", "user", "admin", "secret", "admin"));
        StringBuilder csv = new StringBuilder("name,address,model,user,credentials\n");
        for (PhoneEntry p : fleet) {
            csv.append(p.name()).append(',').append(p.address()).append(",CP-8845,,bench\n");
        }
        long t0 = System.nanoTime();
        api.send("POST", "/api/v1/devices/import", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        System.out.printf(Locale.ROOT, "imported %d devices in %d ms%n", fleet.size(), ms(t0));
    }

    static void measureJobs(ServiceClient api, List<PhoneEntry> fleet, int concurrency, int readers) throws Exception {
        Credentials admin = Credentials.of("admin", "admin");
        FleetConfig config = new FleetConfig(concurrency, Duration.ofSeconds(300), Duration.ofSeconds(10),
                RetryPolicy.DEFAULTS);
        Map<String, Object> options = options(concurrency);
        try (XsiTransport transport = XsiTransport.start(TransportConfig.DEFAULTS)) {
            // warm-up of both paths (JIT, pools) on the whole fleet, twice each, so that the pairs compare compiled
            // code: with a tenth of the fleet each, FleetPush still got faster pair after pair (2.69 -> 1.66 s over
            // six pairs) while the job had levelled off, and the first pairs' ratios flattered the job (1.17 and 1.16
            // against 1.31-1.61 later, docs/BENCHMARKS.md). Against the simulator this also compiles its code: real
            // phones have no JIT to warm.
            for (int i = 0; i < 2; i++) {
                fleetPush(transport, admin, config, fleet);
                runJob(api, Map.of("all", true), options, 1);
            }
            // pairs, one after the other, so that both sides see the same machine; the ratio is the median pair's
            int pairs = Integer.getInteger("jobbench.pairs", 3);
            List<Double> ratios = new ArrayList<>();
            for (int pair = 1; pair <= pairs; pair++) {
                boolean withStub = stubCpu.getAsLong() < 0;
                long cpu0 = ProcessFigures.cpuNanos();
                long stub0 = stubCpu.getAsLong();
                FleetReport direct = fleetPush(transport, admin, config, fleet);
                double fleetCpu = (ProcessFigures.cpuNanos() - cpu0) / 1e6 / fleet.size();
                double fleetS = direct.wall().toNanos() / 1e9;
                System.out.printf(Locale.ROOT, "pair %d FleetPush: %d phones in %.2f s (%d ok); %.3f ms CPU per phone "
                                + "(this JVM: client%s)%s; load %.2f%n", pair, fleet.size(), fleetS,
                        direct.succeeded(), fleetCpu, withStub ? " and stub phones" : "", stubShare(stub0, fleet.size()),
                        ProcessFigures.load());
                cpu0 = ProcessFigures.cpuNanos();
                stub0 = stubCpu.getAsLong();
                JobRun job = runJob(api, Map.of("all", true), options, 1);
                double jobCpu = (ProcessFigures.cpuNanos() - cpu0) / 1e6 / fleet.size();
                System.out.printf(Locale.ROOT, "pair %d job (POST to job.done): %.2f s; server: created to last "
                                + "outcome %d ms, first %d, median %d, p99 %d ms; counts %s; %.3f ms CPU per phone "
                                + "(service, client%s)%s; load %.2f%n", pair, job.seconds(),
                        job.timing("lastMillis"), job.timing("firstMillis"), job.timing("medianMillis"),
                        job.timing("p99Millis"), job.view().get("counts"), jobCpu,
                        withStub ? " and stub phones" : "", stubShare(stub0, fleet.size()), ProcessFigures.load());
                System.out.printf(Locale.ROOT, "pair %d ratio job/FleetPush: wall %.2f, CPU per phone %.2f%n", pair,
                        job.seconds() / fleetS, jobCpu / fleetCpu);
                System.out.println("  " + phases(api, job));
                ratios.add(job.seconds() / fleetS);
            }
            List<Double> sorted = ratios.stream().sorted().toList();
            System.out.printf(Locale.ROOT, "RATIO job/FleetPush, median of %d pairs: wall %.2f (target <= 1.25); "
                    + "all %s%n", pairs, sorted.get(sorted.size() / 2), ratios);
            if (readers > 0) {
                JobRun watched = runJob(api, Map.of("all", true), options, readers);
                System.out.printf(Locale.ROOT, "job with %d SSE readers: %.2f s; %s%n", readers, watched.seconds(),
                        watched.lag());
            }
        }
    }

    /** A job's options: {@code concurrency} 0 leaves it out (the adaptive limit). */
    static Map<String, Object> options(int concurrency) {
        return concurrency > 0 ? Map.of("concurrency", concurrency, "deadlineSeconds", 300)
                : Map.of("deadlineSeconds", 300);
    }

    static FleetReport fleetPush(XsiTransport t, Credentials c, FleetConfig config, List<PhoneEntry> phones) {
        return FleetPush.builder(t).credentials(p -> c).config(config).build()
                .run(new Inventory(phones), BroadcastBench.action());
    }

    /** A finished job as measured: wall time POST to job.done, the server's view, what each reader got. */
    record JobRun(double seconds, JsonNode view, List<List<ServiceClient.Received>> received, java.time.Instant posted,
                  java.time.Instant doneArrived) {
        long timing(String name) {
            return view.get("timings").get(name).asLong();
        }

        String lag() {
            long events = view.get("total").asLong() > 0 ? received.getFirst().size() : 0;
            List<Long> lags = new ArrayList<>();
            // and each type's: a tail made of one late event shows which
            java.util.Map<String, List<Long>> byType = new java.util.TreeMap<>();
            boolean all = true;
            for (List<ServiceClient.Received> r : received) {
                all &= r.size() == events;
                for (ServiceClient.Received e : r) {
                    long lag = Duration.between(e.time(), e.arrived()).toNanos() / 1000;
                    lags.add(lag);
                    byType.computeIfAbsent(e.type(), k -> new ArrayList<>()).add(lag);
                }
            }
            lags.sort(null);
            StringBuilder types = new StringBuilder();
            byType.forEach((type, l) -> {
                l.sort(null);
                types.append(String.format(Locale.ROOT, "%s%s %.0f/%.0f", types.isEmpty() ? "" : ", ", type,
                        l.get(l.size() / 2) / 1000.0, l.getLast() / 1000.0));
            });
            return String.format(Locale.ROOT, "%d readers x %d events of the job, every reader got every event: %s; "
                            + "lag p50 %.1f ms, p99 %.1f ms, max %.1f ms (by type, median/max ms: %s)", received.size(),
                    events, all, lags.get(lags.size() / 2) / 1000.0,
                    lags.get(Math.min(lags.size() - 1, lags.size() * 99 / 100)) / 1000.0, lags.getLast() / 1000.0,
                    types);
        }
    }

    /** POSTs a text job and waits for its job.done on SSE readers connected before the POST. */
    static JobRun runJob(ServiceClient api, Map<String, Object> target, Map<String, Object> options, int readers)
            throws Exception {
        long[] id = {-1};
        List<CompletableFuture<List<ServiceClient.Received>>> streams = new ArrayList<>();
        for (int i = 0; i < readers; i++) {
            streams.add(api.listen("type=job.*", e -> e.job() == id[0] && e.type().equals("job.done")));
        }
        long t0 = System.nanoTime();
        java.time.Instant posted = java.time.Instant.now();
        JsonNode made = api.post("/api/v1/jobs", Map.of("target", target, "action", "object_text",
                "params", Map.of("title", "Bench", "text", "Broadcast"), "options", options));
        id[0] = made.get("id").asLong();
        List<List<ServiceClient.Received>> got = new ArrayList<>();
        for (CompletableFuture<List<ServiceClient.Received>> s : streams) {
            List<ServiceClient.Received> all = s.get(600, TimeUnit.SECONDS);
            if (got.isEmpty()) {
                t0 = System.nanoTime() - t0;
            }
            got.add(all.stream().filter(e -> e.job() == id[0]).toList());
        }
        JsonNode view = api.get("/api/v1/jobs/" + id[0]);
        if (!view.get("state").asString().equals("done")) {
            throw new IllegalStateException("job " + id[0] + " is " + view.get("state"));
        }
        java.time.Instant doneArrived = got.isEmpty() || got.getFirst().isEmpty() ? null
                : got.getFirst().getLast().arrived();
        return new JobRun(t0 / 1e9, view, got, posted, doneArrived);
    }

    /**
     * Where the job's wall time went, on this JVM's clock (the service runs in it): POST → created (the job's row and
     * its items inserted) → run started → first item sent (its exchange) … last outcome → job finished → job.done
     * read by the first SSE reader.
     */
    static String phases(ServiceClient api, JobRun run) throws Exception {
        JsonNode job = run.view();
        JsonNode first = api.get("/api/v1/jobs/" + job.get("id").asLong() + "/items?limit=1").get("items").get(0);
        java.time.Instant created = java.time.Instant.parse(job.get("createdAt").asString());
        java.time.Instant started = java.time.Instant.parse(job.get("startedAt").asString());
        java.time.Instant sent = java.time.Instant.parse(first.get("startedAt").asString());
        java.time.Instant finished = java.time.Instant.parse(job.get("finishedAt").asString());
        java.time.Instant last = created.plusMillis(job.get("timings").get("lastMillis").asLong());
        return String.format(Locale.ROOT, "POST to created %d ms, created to run started %d ms, to the first item sent "
                        + "%d ms, its exchange %d ms; last outcome to job finished %d ms, to job.done read %d ms",
                Duration.between(run.posted(), created).toMillis(), Duration.between(created, started).toMillis(),
                Duration.between(started, sent).toMillis(), first.get("elapsedMillis").asLong(),
                Duration.between(last, finished).toMillis(),
                run.doneArrived() == null ? -1 : Duration.between(finished, run.doneArrived()).toMillis());
    }

    /**
     * The service in a new JVM on the same data, with the JVM options {@code ./phonectl} gives {@code serve}
     * ({@code bin/jvm.options}, when run from the repository's root): time to ready, heap after GC. It is started
     * twice: an installation's first start writes the class-data archive when it stops, and the restart measured
     * after it maps that archive, as every later start of the same build does.
     */
    static void restart(Path data) throws Exception {
        Path cache = TempDirs.create("phonectl-bench-cds");
        List<String> options = List.of();
        if (Files.isRegularFile(JvmOptions.FILE)) {
            options = JvmOptions.read(JvmOptions.FILE, "serve", cache, "bench");
        } else {
            System.out.println("(no " + JvmOptions.FILE + " here: the service starts with the JVM's defaults)");
        }
        start(data, options, "first start");
        start(data, options, "restart");
    }

    private static void start(Path data, List<String> options, String label) throws Exception {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(options);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ServeProcess.class.getName(),
                data.toString()));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
             var out = new java.io.PrintStream(p.getOutputStream(), true, StandardCharsets.US_ASCII)) {
            String ready = in.readLine();
            if (ready == null || !ready.startsWith("READY ")) {
                throw new IllegalStateException("the service did not start: " + ready);
            }
            String[] f = ready.split(" ");
            ServiceClient api = new ServiceClient(java.net.URI.create("http://127.0.0.1:" + f[1]), f[2]);
            api.get("/health");
            long toHealth = ms(t0);
            long devices = api.get("/api/v1/devices?limit=1").get("total").asLong();
            long jobs = api.get("/api/v1/jobs?limit=1").get("total").asLong();
            out.println("gc");
            String heap = in.readLine();
            System.out.printf(Locale.ROOT, "%s with %d devices and %d jobs: PhonectlServer.start %s ms; process "
                            + "start to /health 200: %d ms; heap used after GC: %.1f MiB%s%n", label, devices, jobs,
                    f[3], toHealth, Long.parseLong(heap.split(" ")[1]) / 1048576.0,
                    options.isEmpty() ? "" : " (" + String.join(" ", options) + ")");
        } finally {
            p.getOutputStream().close();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
