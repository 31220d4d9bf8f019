package io.phonectl.sim;

import io.phonectl.sim.phone.SimModel;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to start a fleet. Defaults: 1 phone, every model in turn, loopback, ephemeral ports, user
 * {@code admin}/{@code admin}, inspection API on an ephemeral port, no fleet file.
 *
 * @param phones        how many phones (1–20,000; the process fd limit caps the practical number near 19,000)
 * @param models        model names cycled over the phones; empty = every model ({@code --models mix})
 * @param bind          listening address in per-port mode (loopback by default)
 * @param basePort      phone i listens on basePort+i; 0 = an ephemeral port per phone
 * @param firstAddress  per-address mode when not null: phone i listens on firstAddress+i at {@code port}
 * @param port          the port of every phone in per-address mode (0 = one ephemeral port, the same for all)
 * @param users         Basic-auth users (name → password) when {@code authUrl} is null
 * @param authUrl       delegated authentication URL; the phone asks it with UserID, Password, devicename
 * @param authUrlPost   ask the authentication URL with POST instead of GET (older firmware)
 * @param fleetFile     where to write the fleet CSV (name,address,model,user), or null
 * @param inspectPort   port of the inspection API on {@code bind}; 0 = ephemeral, -1 = none
 * @param clipDirectory more {@code .raw} ring files for {@code Play:} besides the built-in ones (null = built-ins only);
 *                      each must pass the ring-file rules, and its length is how long Play holds the answer
 * @param strictXml     read pushed XML in the codec's strict (XSD) mode instead of the phones' lenient one
 */
public record SimConfig(int phones, List<String> models, InetAddress bind, int basePort, InetAddress firstAddress,
                        int port, Map<String, String> users, URI authUrl, boolean authUrlPost, Path fleetFile,
                        int inspectPort, Path clipDirectory, boolean strictXml) {

    public static final int MAX_PHONES = 20_000;

    public SimConfig {
        if (phones < 1 || phones > MAX_PHONES) {
            throw new IllegalArgumentException("phones = " + phones + ": must be 1.." + MAX_PHONES);
        }
        models = models == null ? List.of() : List.copyOf(models);
        for (String m : models) {
            if (SimModel.of(m).isEmpty()) {
                throw new IllegalArgumentException("models = \"" + m + "\": not in the model catalog (e.g. "
                        + SimModel.MIX + ")");
            }
        }
        bind = bind == null ? InetAddress.getLoopbackAddress() : bind;
        checkPort("basePort", basePort);
        checkPort("port", port);
        if (basePort > 0 && basePort + phones - 1 > 65_535) {
            throw new IllegalArgumentException("basePort = " + basePort + ": basePort + phones - 1 must be <= 65535");
        }
        if (firstAddress != null && basePort != 0) {
            throw new IllegalArgumentException("basePort = " + basePort + ": not with firstAddress " + firstAddress.getHostAddress()
                    + " (per-address mode puts every phone on one port)");
        }
        users = users == null ? Map.of() : Map.copyOf(users);
        if (authUrl == null && users.isEmpty()) {
            throw new IllegalArgumentException("users: give at least one user or an authentication URL");
        }
        if (clipDirectory != null && !java.nio.file.Files.isDirectory(clipDirectory)) {
            throw new IllegalArgumentException("clipDirectory = " + clipDirectory + ": must be an existing directory");
        }
        if (inspectPort < -1 || inspectPort > 65_535) {
            throw new IllegalArgumentException("inspectPort = " + inspectPort + ": must be -1..65535");
        }
    }

    private static void checkPort(String field, int p) {
        if (p < 0 || p > 65_535) {
            throw new IllegalArgumentException(field + " = " + p + ": must be 0..65535");
        }
    }

    /** One loopback phone per model or count, with user admin/admin, ephemeral ports. */
    public static SimConfig ephemeral(int phones, List<String> models) {
        return new SimConfig(phones, models, null, 0, null, 0, Map.of("admin", "admin"), null, false, null, 0, null, false);
    }

    public SimConfig withUsers(Map<String, String> u) {
        return new SimConfig(phones, models, bind, basePort, firstAddress, port, u, null, false, fleetFile, inspectPort,
                clipDirectory, strictXml);
    }

    public SimConfig withAuthUrl(URI url, boolean post) {
        return new SimConfig(phones, models, bind, basePort, firstAddress, port, Map.of(), Objects.requireNonNull(url),
                post, fleetFile, inspectPort, clipDirectory, strictXml);
    }

    public SimConfig withFleetFile(Path file) {
        return new SimConfig(phones, models, bind, basePort, firstAddress, port, users, authUrl, authUrlPost, file,
                inspectPort, clipDirectory, strictXml);
    }

    public SimConfig withAddresses(InetAddress first, int p) {
        return new SimConfig(phones, models, bind, basePort, first, p, users, authUrl, authUrlPost, fleetFile,
                inspectPort, clipDirectory, strictXml);
    }

    public SimConfig withClipDirectory(Path dir) {
        return new SimConfig(phones, models, bind, basePort, firstAddress, port, users, authUrl, authUrlPost, fleetFile,
                inspectPort, dir, strictXml);
    }

    public SimConfig withStrictXml(boolean strict) {
        return new SimConfig(phones, models, bind, basePort, firstAddress, port, users, authUrl, authUrlPost, fleetFile,
                inspectPort, clipDirectory, strict);
    }

    /** The model of phone {@code i}: the configured list in turn, or every model in turn. */
    public SimModel modelOf(int i) {
        if (models.isEmpty()) {
            return SimModel.ALL.get(i % SimModel.ALL.size());
        }
        return SimModel.of(models.get(i % models.size())).orElseThrow();
    }

    /** The user written to the fleet file: the first configured one (sorted), or "" with an auth URL. */
    public String fleetUser() {
        return users.keySet().stream().sorted().findFirst().orElse("");
    }
}
