package io.phonectl.sim.xapi;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Many simulated xAPI devices in one JVM: {@link #start(XapiSimConfig)} opens one listener per device (ephemeral or
 * consecutive ports on the configured address, loopback by default) and returns when all are accepting.
 * The CLI wires {@code phonectl sim --xapi N --product roomos|phoneos} to this.
 */
public final class XapiSimHost implements AutoCloseable {
    private final XapiSimConfig config;
    private final List<SimulatedXapiDevice> devices;
    private final ScheduledExecutorService scheduler;

    private XapiSimHost(XapiSimConfig config, List<SimulatedXapiDevice> devices, ScheduledExecutorService scheduler) {
        this.config = config;
        this.devices = List.copyOf(devices);
        this.scheduler = scheduler;
    }

    public static XapiSimHost start(XapiSimConfig config) throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("xapi-sim-timer").factory());
        List<SimulatedXapiDevice> started = new ArrayList<>();
        try {
            for (int i = 0; i < config.count(); i++) {
                SimulatedXapiDevice d = new SimulatedXapiDevice(config, i, scheduler);
                d.start();
                started.add(d);
            }
        } catch (Exception e) {
            for (SimulatedXapiDevice d : started) d.close();
            scheduler.shutdownNow();
            throw e;
        }
        return new XapiSimHost(config, started, scheduler);
    }

    public XapiSimConfig config() { return config; }

    public List<SimulatedXapiDevice> devices() { return devices; }

    public SimulatedXapiDevice device(int index) { return devices.get(index); }

    /**
     * Writes the devices' fleet file: CSV {@code name,address,model,user} like the phones' file (so the client's
     * Inventory reads it unchanged), model = {@code roomos} or {@code phoneos}, never a password. A file of its own,
     * not rows in the phones' file: the XSI commands read that one and must not talk to xAPI devices.
     */
    public void writeFleetFile(java.nio.file.Path file, String user) throws java.io.IOException {
        StringBuilder csv = new StringBuilder("name,address,model,user\n");
        String model = config.product().name().toLowerCase(java.util.Locale.ROOT);
        for (SimulatedXapiDevice d : devices) {
            String host = d.host().contains(":") ? "[" + d.host() + "]" : d.host();
            csv.append(d.name()).append(',').append(host).append(':').append(d.port()).append(',').append(model)
                    .append(',').append(user).append('\n');
        }
        java.nio.file.Files.writeString(file, csv, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        Exception first = null;
        for (SimulatedXapiDevice d : devices) {
            try {
                d.close();
            } catch (Exception e) {
                if (first == null) first = e;
            }
        }
        scheduler.shutdownNow();
        if (first != null) throw first;
    }
}
