package io.phonectl.sim.cucm;

import io.phonectl.cucm.TypeModel;
import io.phonectl.sim.phone.SimPhone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Fills a directory: from the simulated phones of this process, or from a fleet file for a CUCM without phones.
 * The population follows fixed rules so that every run shows the same mix (docs/cucm.md): phone i registers on node
 * i mod nodes; every 20th also has a stale UnRegistered entry an hour old on the next node; every 25th has its web
 * server off; every 50th is unregistered (KeepAliveTimeout); every 97th is rejected (MaxDevRegReached); every 199th
 * never registered. 3PCC (multiplatform) phones are left out: they register with a third-party call control, not CUCM.
 */
public final class CucmFleet {

    static final List<String> DEVICE_POOLS = List.of("DP-HQ", "DP-Branch1", "DP-Branch2");

    private CucmFleet() {
    }

    /** How many phones were configured and how many left out (and why). */
    public record Loaded(int configured, int leftOut, String why) {
    }

    public static Loaded fromPhones(CucmDirectory d, List<SimPhone> phones) {
        int left = 0;
        for (SimPhone p : phones) {
            Optional<TypeModel> tm = TypeModel.byCatalogName(p.model().name());
            if (tm.isEmpty()) {
                left++;
                continue;
            }
            String model = tm.get().catalogName();
            d.add(new CucmDirectory.PhoneSpec(p.name(), "Simulated " + model + " #" + (p.index() + 1),
                    model, protocol(model), DEVICE_POOLS.get(p.index() % DEVICE_POOLS.size()), p.line(),
                    p.address().getAddress().getHostAddress()));
            populate(d, p.name(), p.index());
        }
        d.restartAxl();
        return new Loaded(phones.size() - left, left, left == 0 ? "" : "3PCC phones do not register with CUCM");
    }

    private static String protocol(String model) {
        return model.startsWith("CP-79") ? "SCCP" : "SIP";
    }

    /** The fixed population rules for phone {@code i} (see the class comment). */
    static void populate(CucmDirectory d, String name, int i) {
        List<String> nodes = d.nodes();
        if (i % 199 == 198) {
            return;
        }
        String node = nodes.get(i % nodes.size());
        if (i % 97 == 96) {
            d.reject(name, node, CucmDirectory.MAX_DEV_REG_REACHED);
            return;
        }
        d.register(name, node, null);
        if (i % 20 == 19 && nodes.size() > 1) {
            d.staleEntry(name, nodes.get((i + 1) % nodes.size()), 3600);
        }
        if (i % 25 == 24) {
            d.webAccess(name, false);
        }
        if (i % 50 == 49) {
            d.unregister(name, CucmDirectory.KEEPALIVE_TIMEOUT);
        }
    }

    /**
     * {@code n} phones without simulated devices behind them (benchmarks, a CUCM on its own): names SEP00CC000…,
     * models cycling over CP-8845, CP-7841, DP-9841 and CP-8865, one address each from {@code first}, line numbers from
     * 1000, the population rules above.
     */
    public static Loaded synthetic(CucmDirectory d, int n, java.net.InetAddress first) throws IOException {
        List<String> models = List.of("CP-8845", "CP-7841", "DP-9841", "CP-8865");
        for (int i = 0; i < n; i++) {
            String name = String.format("SEP00CC%08X", i + 1);
            String model = models.get(i % models.size());
            d.add(new CucmDirectory.PhoneSpec(name, "Desk " + (i + 1), model, protocol(model),
                    DEVICE_POOLS.get(i % DEVICE_POOLS.size()), Integer.toString(1000 + i),
                    io.phonectl.sim.net.Addresses.plus(first, i).getHostAddress()));
            populate(d, name, i);
        }
        d.restartAxl();
        return new Loaded(n, 0, "");
    }

    /**
     * A fleet file: CSV with a header naming at least {@code name}, {@code address} (host or host:port; the host is
     * the phone's IP) and {@code model}, optionally {@code dn}, {@code description} and {@code devicepool}. Quoted
     * fields are refused (the simulator's files have none); '#' lines and blank lines are skipped.
     */
    public static Loaded fromFile(CucmDirectory d, Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = null;
        int i = 0;
        int lineNo = 0;
        for (String line : lines) {
            lineNo++;
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            if (line.indexOf('"') >= 0) {
                throw new IllegalArgumentException(file + " line " + lineNo + ": quoted fields are not supported here");
            }
            List<String> cells = new ArrayList<>(List.of(line.split(",", -1))).stream().map(String::strip).toList();
            if (header == null) {
                header = cells.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
                if (!header.containsAll(List.of("name", "address", "model"))) {
                    throw new IllegalArgumentException(file + ": the header must name name, address and model (got "
                            + header + ")");
                }
                continue;
            }
            String address = cell(header, cells, "address");
            String host = address.startsWith("[") ? address.substring(1, Math.max(1, address.indexOf(']')))
                    : address.contains(":") ? address.substring(0, address.indexOf(':')) : address;
            String model = cell(header, cells, "model");
            try {
                d.add(new CucmDirectory.PhoneSpec(cell(header, cells, "name"), cell(header, cells, "description"),
                        model, protocol(TypeModel.byCatalogName(model).map(TypeModel::catalogName).orElse(model)),
                        orDefault(cell(header, cells, "devicepool"), DEVICE_POOLS.get(i % DEVICE_POOLS.size())),
                        orDefault(cell(header, cells, "dn"), Integer.toString(1000 + i)), host.isEmpty() ? null : host));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + lineNo + ": " + e.getMessage(), e);
            }
            if (!host.isEmpty()) {
                populate(d, cell(header, cells, "name"), i);
            }
            i++;
        }
        d.restartAxl();
        return new Loaded(i, 0, "");
    }

    private static String cell(List<String> header, List<String> cells, String column) {
        int at = header.indexOf(column);
        return at < 0 || at >= cells.size() ? "" : cells.get(at);
    }

    private static String orDefault(String v, String fallback) {
        return v.isEmpty() ? fallback : v;
    }
}
