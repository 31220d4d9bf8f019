package io.phonectl.cli.cucm;

import io.phonectl.client.cucm.CucmInventory;
import io.phonectl.client.cucm.DiscoveredPhone;
import io.phonectl.client.cucm.DiscoveryResult;
import io.phonectl.client.cucm.SyncState;
import io.phonectl.client.inventory.InventoryException;
import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.client.inventory.Selector;
import io.phonectl.client.xsi.PhoneAddress;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Where discovery writes (the inventory and its sync state beside it), which phones it keeps, their port. */
final class Output {

    /** Fields AXL alone knows, so a filter on them also spares RisPort requests. */
    static final Set<String> AXL_FIELDS = Set.of("name", "model", "dn", "description", "devicepool");

    @Option(names = "--fleet-file", paramLabel = "FILE", defaultValue = "cucm-fleet.csv",
            description = "The inventory to write (.json for JSON, else CSV; default ${DEFAULT-VALUE}); its sync state goes to FILE.cucm-state.json.")
    Path fleetFile;

    @Option(names = "--phone-port", paramLabel = "P", defaultValue = "80",
            description = "The HTTP port written for every phone (RisPort reports addresses only; default ${DEFAULT-VALUE}).")
    int phonePort;

    @Option(names = "--where", paramLabel = "FIELD=VALUE",
            description = "Keep matching phones: name, model, dn, description, devicepool (asked of AXL, before RisPort) "
                    + "and status, address, host (after); != negates, ',' means any of, '*' is a wildcard. Repeatable.")
    List<String> where = new ArrayList<>();

    Path stateFile() {
        return fleetFile.resolveSibling(fleetFile.getFileName() + ".cucm-state.json");
    }

    List<Selector> selectors() {
        if (phonePort < 1 || phonePort > 65_535) {
            throw new IllegalArgumentException("--phone-port = " + phonePort + ": must be 1..65535");
        }
        return where.stream().map(Selector::parse).toList();
    }

    /** The filters on AXL's fields, applied before RisPort is asked (status and address are unknown then). */
    Predicate<DiscoveredPhone> beforeRisPort(List<Selector> selectors) {
        List<Selector> early = selectors.stream().filter(s -> AXL_FIELDS.contains(s.field())).toList();
        // the placeholder address is never looked at: none of these filters reads address or host
        return p -> early.stream().allMatch(s -> s.test(entry(p, new PhoneAddress("0.0.0.0", phonePort))));
    }

    private static PhoneEntry entry(DiscoveredPhone p, PhoneAddress a) {
        PhoneEntry e = CucmInventory.entry(p, a.port());
        return new PhoneEntry(e.name(), a, e.model(), "", "", e.details());
    }

    /** The phones every filter keeps, now that status and address are known. */
    List<DiscoveredPhone> select(DiscoveryResult r, List<Selector> selectors) {
        return r.phones().stream().filter(p -> selectors.stream().allMatch(s -> s.test(CucmInventory.entry(p,
                phonePort)))).toList();
    }

    int write(List<DiscoveredPhone> phones, SyncState state) throws IOException {
        int written = CucmInventory.write(fleetFile, phones, phonePort);
        Path tmp = stateFile().resolveSibling(stateFile().getFileName() + ".tmp");
        Files.writeString(tmp, state.toJson(), StandardCharsets.UTF_8);
        Files.move(tmp, stateFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return written;
    }

    SyncState readState() {
        Path f = stateFile();
        if (!Files.isRegularFile(f)) {
            throw new InventoryException(f + " is missing: run phonectl cucm discover --fleet-file " + fleetFile
                    + " first");
        }
        try {
            return SyncState.fromJson(Files.readString(f, StandardCharsets.UTF_8), f.toString());
        } catch (IOException e) {
            throw new InventoryException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }
}
