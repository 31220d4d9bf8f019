package io.phonectl.server.device;

import java.nio.file.Path;
import java.util.List;

/**
 * The device registry's limits.
 *
 * @param importRoots   folders whose files an admin may import by server-side path (default: the data folder);
 *                      a path outside them is refused, so the API cannot be used to read the host's files
 * @param maxImportRows rows per import, default {@value #DEFAULT_MAX_ROWS}
 */
public record DeviceConfig(List<Path> importRoots, int maxImportRows) {

    public static final int DEFAULT_MAX_ROWS = 100_000;

    public DeviceConfig {
        importRoots = importRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        if (maxImportRows < 1 || maxImportRows > 1_000_000) {
            throw new IllegalArgumentException("maxImportRows = " + maxImportRows + ": must be 1..1000000");
        }
    }

    public static DeviceConfig defaults(Path dataDir) {
        return new DeviceConfig(List.of(dataDir), DEFAULT_MAX_ROWS);
    }

    public DeviceConfig withImportRoot(Path root) {
        List<Path> roots = new java.util.ArrayList<>(importRoots);
        roots.add(root);
        return new DeviceConfig(roots, maxImportRows);
    }
}
