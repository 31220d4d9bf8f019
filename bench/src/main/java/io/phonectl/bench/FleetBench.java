package io.phonectl.bench;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.fleet.CatalogPreflight;
import io.phonectl.client.fleet.FleetConfig;
import io.phonectl.client.fleet.FleetListener;
import io.phonectl.client.fleet.FleetProgress;
import io.phonectl.client.fleet.FleetPush;
import io.phonectl.client.fleet.FleetReport;
import io.phonectl.client.fleet.PhoneResult;
import io.phonectl.client.fleet.TimeToN;
import io.phonectl.client.inventory.Inventory;
import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.client.xsi.Exchange;
import io.phonectl.client.xsi.PhoneAddress;
import io.phonectl.client.xsi.TransportConfig;
import io.phonectl.client.xsi.XsiTransport;
import io.phonectl.sim.host.Impairments;
import io.phonectl.xsi.object.Text;
import io.phonectl.xsi.push.XsiPush;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Time to N: one broadcast with the CLI's defaults (adaptive limit, {@link TransportConfig#FLEET}, three attempts,
 * the catalog's pre-flight) to N simulated phones that run in processes of their own (at most 10,000 a process: the
 * fd limit is 20,000), so the CPU measured here is the client's alone; and, in the same run, the new-connection
 * ceiling: pushes over {@link XsiTransport} alone, 512 at a time, to a bare stub that answers at once. One row per
 * scenario, as a Markdown table, with the 1-minute load average before and after.
 *
 * <p>Arguments: scenarios {@code N} or {@code N:dead=SHARE,slow=SHARE@MS} (default: 1000 10000 20000
 * 10000:dead=0.1,slow=0.1@500), every phone answering after 50 ms ({@code --delay MS}); {@code --repeat R};
 * {@code --child-jvm ARG} (repeatable) for the simulator processes (e.g. a JFR recording); {@code --no-ceiling} to
 * leave the ceiling out (profiling the broadcast alone); {@code --cli} to make each measured broadcast one
 * {@code phonectl xsi broadcast} command in a JVM of its own, as {@code ./phonectl} starts it ({@link CliBroadcast}),
 * instead of a {@link FleetPush} in this JVM: its CPU is then the whole command's, JVM start included. With
 * {@code --cli}, {@code -Dfleetbench.cliOptions="A|B"} alternates sets of JVM options added after the launcher's
 * (as {@code PHONECTL_JAVA_OPTS} would be), one per repeat in turn ("" for none): an A/B on the same simulators.
 * {@code --drain} makes the ceiling and each measured broadcast wait for the sockets in TIME_WAIT to go first.
 */
public final class FleetBench {

    static final Credentials ADMIN = Credentials.of("admin", "admin");
    static final XsiPush PUSH = XsiPush.of("text", Text.builder().title("Bench").text("Broadcast").build());
    static final int PER_PROCESS = 10_000;
    static final int STUB_SOCKETS = 500;
    static final int CEILING_PUSHES = 20_000;
    static final int CEILING_CONCURRENCY = 512;
    /** {@code --drain}: each measurement waits for the sockets earlier ones left in TIME_WAIT ({@link #drain()}). */
    static boolean drain;
    /** With {@code --cli}: CLI broadcasts to the whole fleet before the measured ones, for the simulators' JIT. */
    static final int CLI_WARMUPS = 3;
    /** {@code -Dfleetbench.cliOptions}: the JVM options added to the CLI's in turn, one set per repeat. */
    static final List<String> CLI_VARIANTS = List.of(System.getProperty("fleetbench.cliOptions", "").split("\\|", -1));

    record Scenario(int phones, double dead, double slow, long slowMs) {
        static Scenario parse(String s) {
            String[] parts = s.split(":", 2);
            double dead = 0;
            double slow = 0;
            long slowMs = 0;
            if (parts.length > 1) {
                for (String kv : parts[1].split(",")) {
                    String[] p = kv.split("=", 2);
                    switch (p[0]) {
                        case "dead" -> dead = Double.parseDouble(p[1]);
                        case "slow" -> {
                            String[] at = p[1].split("@", 2);
                            slow = Double.parseDouble(at[0]);
                            slowMs = Long.parseLong(at[1]);
                        }
                        default -> throw new IllegalArgumentException("scenario " + s + ": unknown " + p[0]);
                    }
                }
            }
            return new Scenario(Integer.parseInt(parts[0]), dead, slow, slowMs);
        }

        String label() {
            return String.format(Locale.ROOT, "%,d", phones) + (dead + slow == 0 ? ""
                    : String.format(Locale.ROOT, ", %.0f %% dead, %.0f %% after %d ms", dead * 100, slow * 100, slowMs));
        }
    }

    public static void main(String[] args) throws Exception {
        List<Scenario> scenarios = new ArrayList<>();
        List<String> childJvm = new ArrayList<>();
        long delay = 50;
        int repeat = 1;
        boolean ceiling = true;
        boolean cli = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--delay" -> delay = Long.parseLong(args[++i]);
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                case "--child-jvm" -> childJvm.add(args[++i]);
                case "--no-ceiling" -> ceiling = false;
                case "--cli" -> cli = true;
                case "--drain" -> drain = true;
                default -> scenarios.add(Scenario.parse(args[i]));
            }
        }
        if (scenarios.isEmpty()) {
            for (String s : List.of("1000", "10000", "20000", "10000:dead=0.1,slow=0.1@500")) {
                scenarios.add(Scenario.parse(s));
            }
        }
        if (cli) {
            CliBroadcast.check();
        }
        System.out.printf(Locale.ROOT, "FleetBench %s, Java %s, %d cores; phones answer after %d ms; client process "
                        + "alone (simulators in %d-phone processes)%s%n", Instant.now().truncatedTo(ChronoUnit.SECONDS),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), delay, PER_PROCESS,
                cli ? "; each broadcast is a phonectl xsi broadcast command in a JVM of its own, with "
                        + JvmOptions.read(JvmOptions.FILE, "xsi") + " from " + JvmOptions.FILE : "");
        // a run's closed connections stay in TIME_WAIT for a minute: a run started within a minute of another
        // inherits ~100,000 of them, and the whole process tree's system time was seen to double with them
        System.out.printf(Locale.ROOT, "TCP sockets in TIME_WAIT at the start: %s%n%n", timeWait());
        System.out.println("| phones | time to first / median / p99 / last | p99 of live phones | pushes/s | "
                + "ceiling/s | ratio | client CPU per push | ceiling CPU per push | sim CPU per push | max limit | "
                + "ok | load 1 m |");
        System.out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |");
        for (Scenario s : scenarios) {
            run(s, delay, repeat, childJvm, ceiling, cli);
        }
    }

    static void run(Scenario s, long delay, int repeat, List<String> childJvm, boolean measureCeiling, boolean cli)
            throws Exception {
        int procs = (s.phones() + PER_PROCESS - 1) / PER_PROCESS;
        List<SimProcess> sims = new ArrayList<>();
        try {
            List<PhoneEntry> phones = new ArrayList<>();
            List<Boolean> dead = new ArrayList<>();
            Impairments impairments = Impairments.NONE.withSlow(s.slow(), Duration.ofMillis(s.slowMs())).withDead(s.dead());
            for (int p = 0; p < procs; p++) {
                int n = s.phones() / procs + (p < s.phones() % procs ? 1 : 0);
                SimProcess sim = SimProcess.start(n, delay, s.slow(), s.slowMs(), s.dead(), STUB_SOCKETS, childJvm,
                        "127.0.0." + (2 + p));
                sims.add(sim);
                List<PhoneEntry> part = Inventory.read(sim.fleetFile()).phones();
                for (int i = 0; i < part.size(); i++) {
                    PhoneEntry e = part.get(i); // names repeat between simulator processes
                    phones.add(new PhoneEntry("sim" + p + "-" + e.name(), e.address(), e.model(), e.user(),
                            e.credentials()));
                    dead.add(impairments.dead(i));
                }
            }
            List<PhoneAddress> stubs = new ArrayList<>();
            sims.forEach(sim -> sim.stubPorts().forEach(port -> stubs.add(new PhoneAddress("127.0.0.1", port))));
            Inventory all = new Inventory(phones);
            // warm-up: the transport's and the fleet's code paths, not measured
            if (measureCeiling) {
                ceiling(stubs, 5_000);
            }
            broadcast(new Inventory(phones.subList(0, Math.min(2_000, phones.size()))), sims);
            if (cli) {
                // the simulators stand in for phones, which have no JIT to warm: commands to the whole fleet, not
                // measured, until the simulators' code is compiled (their CPU per push fell by two thirds over the
                // first three commands of a run, and the first measured ones were slower for it)
                for (int w = 0; w < CLI_WARMUPS; w++) {
                    CliBroadcast.run(phones, List.of());
                }
            }
            for (int r = 0; r < repeat; r++) {
                drain();
                double load0 = ProcessFigures.load();
                Result ceiling = measureCeiling ? ceiling(stubs, CEILING_PUSHES)
                        : new Result(null, Double.NaN, Double.NaN, 0, 0, 0, 0, 0);
                if (measureCeiling) {
                    drain();
                }
                if (cli) {
                    cliRow(s, phones, dead, sims, ceiling, load0, CLI_VARIANTS.get(r % CLI_VARIANTS.size()));
                    continue;
                }
                Result b = broadcast(all, sims);
                FleetReport report = b.report();
                TimeToN t = report.timeToN();
                List<PhoneResult> results = report.results();
                long[] live = live(results.stream().mapToLong(PhoneResult::atMillis).toArray(), dead);
                double rate = s.phones() / (report.wall().toNanos() / 1e9);
                System.out.printf(Locale.ROOT, "| %s | %,d / %,d / %,d / %,d ms | %,d ms | %,.0f | %,.0f | %.2f | %.3f ms "
                                + "(user %.3f, sys %.3f; %.2f cores) | %.3f ms | %.3f ms | %,d | %d/%d | %.1f → %.1f |%n",
                        s.label(), t.first().toMillis(), t.median().toMillis(), t.p99().toMillis(), t.last().toMillis(),
                        TimeToN.of(live).p99().toMillis(), rate, ceiling.rate(), rate / ceiling.rate(), b.cpuPerPush(),
                        b.userPerPush(), b.systemPerPush(), b.cores(), ceiling.cpuPerPush(), b.simCpuPerPush(),
                        b.maxLimit(), report.succeeded(), s.phones(), load0, ProcessFigures.load());
            }
        } finally {
            for (SimProcess sim : sims) {
                sim.close();
            }
        }
    }

    /** One table row for a broadcast made by the CLI in a JVM of its own. */
    private static void cliRow(Scenario s, List<PhoneEntry> phones, List<Boolean> dead, List<SimProcess> sims,
                               Result ceiling, double load0, String variant)
            throws IOException, InterruptedException {
        long sim0 = sims.stream().mapToLong(SimProcess::cpuNanos).sum();
        CliBroadcast.Result c = CliBroadcast.run(phones,
                variant.isBlank() ? List.of() : List.of(variant.strip().split("\\s+")));
        double simMs = (sims.stream().mapToLong(SimProcess::cpuNanos).sum() - sim0) / 1e6;
        long[] at = c.atMillis();
        TimeToN t = TimeToN.of(at.clone());
        double rate = s.phones() / (c.wallMillis() / 1e3);
        System.out.printf(Locale.ROOT, "| %s, CLI%s | %,d / %,d / %,d / %,d ms | %,d ms | %,.0f | %,.0f | %.2f | %.3f ms "
                        + "(user %.3f, sys %.3f; the whole command, %,d ms from exec to exit) | %.3f ms | %.3f ms | — "
                        + "| %d/%d | %.1f → %.1f |%n",
                s.label(), variant.isBlank() ? "" : " " + variant.strip(), t.first().toMillis(), t.median().toMillis(),
                t.p99().toMillis(), t.last().toMillis(),
                TimeToN.of(live(at, dead)).p99().toMillis(), rate, ceiling.rate(), rate / ceiling.rate(),
                (c.userMs() + c.systemMs()) / s.phones(), c.userMs() / s.phones(), c.systemMs() / s.phones(),
                c.processMillis(), ceiling.cpuPerPush(), simMs / s.phones(), c.succeeded(), s.phones(), load0,
                ProcessFigures.load());
    }

    /** The times of the phones that are not dead, from times in inventory order. */
    private static long[] live(long[] atMillis, List<Boolean> dead) {
        return java.util.stream.IntStream.range(0, atMillis.length).filter(i -> !dead.get(i))
                .mapToLong(i -> atMillis[i]).toArray();
    }

    record Result(FleetReport report, double rate, double cpuPerPush, double cores, double simCpuPerPush,
                  int maxLimit, double userPerPush, double systemPerPush) {
    }

    /** The CLI's broadcast: its transport settings, its defaults, the catalog's pre-flight; CPU of this process. */
    static Result broadcast(Inventory phones, List<SimProcess> sims) {
        AtomicInteger maxLimit = new AtomicInteger();
        long sim0 = sims.stream().mapToLong(SimProcess::cpuNanos).sum();
        long cpu0 = ProcessFigures.cpuNanos();
        long[] us0 = userSystem();
        FleetReport r;
        try (XsiTransport transport = XsiTransport.start(TransportConfig.FLEET)) {
            r = FleetPush.builder(transport).credentials(p -> ADMIN).preflight(CatalogPreflight.standard())
                    .config(FleetConfig.DEFAULTS).listener(new FleetListener() {
                        @Override
                        public void onResult(PhoneResult result, FleetProgress progress) {
                            maxLimit.accumulateAndGet(progress.limit(), Math::max);
                        }
                    }).build().run(phones, PUSH);
        }
        double cpuMs = (ProcessFigures.cpuNanos() - cpu0) / 1e6;
        long[] us1 = userSystem();
        double simMs = (sims.stream().mapToLong(SimProcess::cpuNanos).sum() - sim0) / 1e6;
        double wall = r.wall().toNanos() / 1e9;
        return new Result(r, phones.size() / wall, cpuMs / phones.size(), cpuMs / 1000 / wall, simMs / phones.size(),
                maxLimit.get(), (us1[0] - us0[0]) / 1e6 / phones.size(), (us1[1] - us0[1]) / 1e6 / phones.size());
    }

    /** New-connection pushes over the transport alone, {@link #CEILING_CONCURRENCY} at a time, to the bare stubs. */
    static Result ceiling(List<PhoneAddress> stubs, int pushes) throws InterruptedException {
        Semaphore slots = new Semaphore(CEILING_CONCURRENCY);
        AtomicInteger ok = new AtomicInteger();
        try (XsiTransport transport = XsiTransport.start(TransportConfig.FLEET)) {
            long cpu0 = ProcessFigures.cpuNanos();
            long t0 = System.nanoTime();
            for (int i = 0; i < pushes; i++) {
                slots.acquire();
                transport.post(stubs.get(i % stubs.size()), ADMIN, PUSH, Duration.ofSeconds(10)).whenComplete((ex, x) -> {
                    if (ex instanceof Exchange.Answered a && a.answer().status() == 200) {
                        ok.incrementAndGet();
                    }
                    slots.release();
                });
            }
            slots.acquire(CEILING_CONCURRENCY);
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpuMs = (ProcessFigures.cpuNanos() - cpu0) / 1e6;
            if (ok.get() != pushes) {
                System.out.println("  ceiling: only " + ok.get() + " of " + pushes + " pushes answered 200");
            }
            return new Result(null, pushes / wall, cpuMs / pushes, cpuMs / 1000 / wall, 0, CEILING_CONCURRENCY, 0, 0);
        }
    }

    /** This process's user and system CPU so far in nanoseconds, from /proc (10 ms ticks); {0, 0} where absent. */
    static long[] userSystem() {
        try {
            return ProcessFigures.procStatCpu(11);
        } catch (java.io.IOException | RuntimeException e) {
            return new long[]{0, 0};
        }
    }

    /**
     * With {@code --drain}, waits (at most 90 s) until fewer than {@value #DRAINED} TCP sockets are in TIME_WAIT:
     * 20,000 connections of a ceiling measured just before a command left it 8 % more CPU per push and later
     * outcomes, which real phones on other hosts would not cost. A minute each time: for the runs that are recorded.
     */
    static void drain() throws InterruptedException {
        if (!drain) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String tw;
        while (!(tw = timeWait()).equals("unknown") && Long.parseLong(tw) >= DRAINED && System.nanoTime() < deadline) {
            Thread.sleep(1000);
        }
    }

    static final int DRAINED = 1_000;

    /** The kernel's count of TCP sockets in TIME_WAIT ({@code /proc/net/sockstat}), or "unknown". */
    static String timeWait() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/net/sockstat"))) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("^TCP:.* tw (\\d+)").matcher(line);
                if (m.find()) {
                    return m.group(1);
                }
            }
        } catch (java.io.IOException e) {
            // not Linux: nothing to say
        }
        return "unknown";
    }
}
