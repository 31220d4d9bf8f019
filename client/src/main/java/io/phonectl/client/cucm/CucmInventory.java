package io.phonectl.client.cucm;

import io.phonectl.client.inventory.Csv;
import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.client.xsi.PhoneAddress;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns discovered phones into the inventory the other commands read ({@link io.phonectl.client.inventory.Inventory}):
 * CSV {@code name,address,model,dn,description,devicepool,status} or the same fields as JSON. Only phones RisPort gave
 * an address are written (the others cannot be reached); the model is the catalog's name when it has one, so the
 * pre-flight checks of pushes apply.
 */
public final class CucmInventory {

    public static final List<String> COLUMNS = List.of("name", "address", "model", "dn", "description", "devicepool",
            "status");

    private CucmInventory() {
    }

    /** The phone as an inventory entry; RisPort gives the IP only, so every phone gets {@code phonePort}. */
    public static PhoneEntry entry(DiscoveredPhone p, int phonePort) {
        String host = p.ip().isEmpty() ? "0.0.0.0" : p.ip();
        return new PhoneEntry(p.name(), new PhoneAddress(host, phonePort), model(p), "", "", Map.of("dn", p.dn(),
                "description", p.description(), "devicepool", p.devicePool(), "status", p.status()));
    }

    static String model(DiscoveredPhone p) {
        return p.catalogModel().isEmpty() ? p.model() : p.catalogModel();
    }

    /** Writes the reachable phones; {@code .json} as JSON, anything else as CSV. Returns how many were written. */
    public static int write(Path file, List<DiscoveredPhone> phones, int phonePort) throws IOException {
        List<PhoneEntry> entries = phones.stream().filter(p -> !p.ip().isEmpty()).map(p -> entry(p, phonePort)).toList();
        String text = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") ? json(entries)
                : csv(entries);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return entries.size();
    }

    static String csv(List<PhoneEntry> entries) {
        StringBuilder b = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (PhoneEntry e : entries) {
            b.append(Csv.quote(e.name())).append(',').append(Csv.quote(e.address().toString())).append(',')
                    .append(Csv.quote(e.model()));
            for (String d : PhoneEntry.DETAILS) {
                b.append(',').append(Csv.quote(e.detail(d)));
            }
            b.append('\n');
        }
        return b.toString();
    }

    static String json(List<PhoneEntry> entries) {
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode root = json.createObjectNode();
        ArrayNode list = root.putArray("phones");
        for (PhoneEntry e : entries) {
            ObjectNode o = list.addObject().put("name", e.name()).put("address", e.address().toString())
                    .put("model", e.model());
            PhoneEntry.DETAILS.forEach(d -> o.put(d, e.detail(d)));
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }
}
