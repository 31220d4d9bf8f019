package io.phonectl.bench;

import io.phonectl.sim.FleetHost;
import io.phonectl.sim.SimConfig;
import io.phonectl.sim.host.Impairments;
import io.phonectl.sim.host.MultiListenConnector;
import org.eclipse.jetty.server.Server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A simulator in a process of its own, for {@link FleetBench}: N simulated CP-8845 phones ({@link FleetHost}, with
 * {@link Impairments}) that write their fleet file, and beside them a bare Jetty stub on K sockets that answers a push
 * at once (BroadcastBench's), against which the parent measures the new-connection ceiling of the same machine at the
 * same moment. The child prints one line, {@code ready <stub ports>}, and stops when its stdin closes.
 */
public final class SimProcess implements AutoCloseable {

    static final String READY = "ready";
    static final String INSPECT = "inspect ";

    private final Process process;
    private final Path fleetFile;
    private final List<Integer> stubPorts;
    private final java.net.URI inspection;

    private SimProcess(Process process, Path fleetFile, List<Integer> stubPorts, java.net.URI inspection) {
        this.process = process;
        this.fleetFile = fleetFile;
        this.stubPorts = stubPorts;
        this.inspection = inspection;
    }

    /**
     * Child main: phones delayMs slowShare slowMs deadShare stubSockets fleetFile bindAddress [inspect]; with
     * {@code inspect} the fleet's inspection API listens on bindAddress too and its URI is printed before ready.
     */
    public static void main(String[] args) throws Exception {
        int phones = Integer.parseInt(args[0]);
        Impairments impairments = Impairments.NONE.withAnswerDelay(Duration.ofMillis(Long.parseLong(args[1])))
                .withSlow(Double.parseDouble(args[2]), Duration.ofMillis(Long.parseLong(args[3])))
                .withDead(Double.parseDouble(args[4]));
        int stubSockets = Integer.parseInt(args[5]);
        Path fleet = Path.of(args[6]);
        Server stub = BroadcastBench.startStub(0);
        boolean inspect = args.length > 8 && args[8].equals("inspect");
        SimConfig config = new SimConfig(phones, List.of("CP-8845"), java.net.InetAddress.getByName(args[7]), 0, null,
                0, Map.of("admin", "admin"), null, false, fleet, inspect ? 0 : -1, null, false);
        try (FleetHost host = FleetHost.start(config, Clock.systemUTC(), impairments)) {
            host.inspectionUri().ifPresent(u -> System.out.println(INSPECT + u));
            MultiListenConnector c = (MultiListenConnector) stub.getConnectors()[0];
            StringBuilder ports = new StringBuilder(READY);
            BroadcastBench.phoneList(c, stubSockets).forEach(p -> ports.append(' ').append(p.address().port()));
            System.out.println(ports);
            System.out.flush();
            while (System.in.read() >= 0) {
                // runs until the parent closes our stdin
            }
        } finally {
            stub.stop();
        }
    }

    /**
     * Starts a child with {@code phones} phones listening on {@code bind} (a loopback address of its own per process:
     * ports are allocated per address, so 20,000 listening phones do not exhaust 127.0.0.1's ephemeral ports, which
     * the client's own connections need); returns once its fleet file is written and its stub listens.
     */
    static SimProcess start(int phones, long delayMs, double slowShare, long slowMs, double deadShare, int stubSockets,
                            List<String> jvmArgs, String bind) throws IOException {
        return start(phones, delayMs, slowShare, slowMs, deadShare, stubSockets, jvmArgs, bind, false);
    }

    /** As above; with {@code inspect} the child's inspection API listens too ({@link #inspection()}). */
    static SimProcess start(int phones, long delayMs, double slowShare, long slowMs, double deadShare, int stubSockets,
                            List<String> jvmArgs, String bind, boolean inspect) throws IOException {
        Path fleet = Files.createTempFile("phonectl-bench-fleet", ".csv");
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), SimProcess.class.getName(),
                String.valueOf(phones), String.valueOf(delayMs), String.valueOf(slowShare), String.valueOf(slowMs),
                String.valueOf(deadShare), String.valueOf(stubSockets), fleet.toString(), bind));
        if (inspect) {
            cmd.add("inspect");
        }
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
        String line;
        java.net.URI inspection = null;
        while ((line = out.readLine()) != null && !line.startsWith(READY)) {
            if (line.startsWith(INSPECT)) {
                inspection = java.net.URI.create(line.substring(INSPECT.length()).trim());
            } else {
                System.out.println("  sim: " + line);
            }
        }
        if (line == null) {
            p.destroy();
            throw new IOException("the simulator process ended before it was ready");
        }
        // the child's later output (a thread dump on SIGQUIT, say) must never fill the pipe and stop it
        Thread.ofVirtual().name("sim-output-" + p.pid()).start(() -> {
            try {
                while (out.readLine() != null) {
                    // discarded
                }
            } catch (IOException e) {
                // the child ended
            }
        });
        List<Integer> ports = new ArrayList<>();
        for (String s : line.substring(READY.length()).trim().split(" ")) {
            ports.add(Integer.parseInt(s));
        }
        return new SimProcess(p, fleet, ports, inspection);
    }

    /** The child's inspection API, or null when it was started without one. */
    java.net.URI inspection() {
        return inspection;
    }

    Path fleetFile() {
        return fleetFile;
    }

    List<Integer> stubPorts() {
        return stubPorts;
    }

    /** The child's CPU time so far (user + system); -1 where there is none. */
    long cpuNanos() {
        return ProcessFigures.cpuNanos(process);
    }

    @Override
    public void close() throws IOException {
        ProcessFigures.stop(process);
        Files.deleteIfExists(fleetFile);
    }
}
