package io.phonectl.bench;

import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.client.xsi.PhoneAddress;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * BroadcastBench's stub phones ({@link BroadcastBench#startStub}) in a JVM of their own
 * ({@code BroadcastBench --stub}), so that the CPU a benchmark measures in its own JVM is the client's (and the service's) alone: with the stub in the
 * same JVM its answers cost as much as the pushes and a profile cannot tell them apart. The phones are named
 * {@code phone-0} … as {@link BroadcastBench#phoneList} names them; the child stops when {@link #close()} closes its
 * stdin.
 */
final class StubProcess implements AutoCloseable {

    private final Process process;
    private final List<PhoneEntry> phones;

    private StubProcess(Process process, List<PhoneEntry> phones) {
        this.process = process;
        this.phones = phones;
    }

    /** Starts the child with {@code phones} phones answering after {@code delayMs}; returns once all listen. */
    static StubProcess start(int phones, long delayMs) throws IOException {
        Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), BroadcastBench.class.getName(), "--stub",
                String.valueOf(phones), String.valueOf(delayMs)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
        String line = out.readLine();
        if (line == null || line.isBlank()) {
            p.destroy();
            throw new IOException("the stub process ended before it listened");
        }
        String[] ports = line.trim().split(" ");
        List<PhoneEntry> list = new ArrayList<>(ports.length);
        for (int i = 0; i < ports.length; i++) {
            list.add(new PhoneEntry("phone-" + i, new PhoneAddress("127.0.0.1", Integer.parseInt(ports[i])),
                    "CP-8845", "", ""));
        }
        return new StubProcess(p, List.copyOf(list));
    }

    long pid() {
        return process.pid();
    }

    List<PhoneEntry> phones() {
        return phones;
    }

    /** The child's CPU time so far (user + system); -1 where there is none. */
    long cpuNanos() {
        return ProcessFigures.cpuNanos(process);
    }

    @Override
    public void close() throws IOException {
        ProcessFigures.stop(process);
    }
}
