package io.phonectl.client.inventory;

import io.phonectl.client.xsi.PhoneAddress;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

/**
 * A list of phones: the simulator's fleet file (CSV {@code name,address,model,user}), the file CUCM discovery
 * writes (with {@code dn,description,devicepool,status} as well) or an administrator's CSV/JSON with an optional
 * {@code credentials} reference per phone. Names are unique.
 */
public record Inventory(List<PhoneEntry> phones) {

    static final List<String> DEFAULT_COLUMNS = List.of("name", "address", "model", "user", "credentials");

    public Inventory {
        phones = List.copyOf(phones);
        Set<String> names = new HashSet<>();
        for (PhoneEntry p : phones) {
            if (!names.add(p.name())) {
                throw new InventoryException("phone name \"" + p.name() + "\" appears twice: names must be unique");
            }
        }
    }

    /** Reads a {@code .json} file as JSON and anything else as CSV. */
    public static Inventory read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InventoryException("cannot read inventory " + file + ": " + e.getMessage(), e);
        }
        String where = file.toString();
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                ? parseJson(text, where) : parseCsv(text, where);
    }

    /**
     * CSV with a header naming the columns (any order; name and address required) or, without a header,
     * the columns name,address,model,user,credentials. Blank lines and lines starting with '#' are skipped;
     * fields may be double-quoted (RFC 4180).
     */
    public static Inventory parseCsv(String text, String where) {
        List<PhoneEntry> out = new ArrayList<>();
        List<String> columns = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            List<String> cells = Csv.split(line, where + " line " + (i + 1));
            if (columns == null) {
                List<String> lower = cells.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
                if (lower.contains("name") && lower.contains("address")) {
                    columns = lower;
                    continue;
                }
                columns = DEFAULT_COLUMNS;
            }
            out.add(entry(columns, cells, where + " line " + (i + 1)));
        }
        return new Inventory(out);
    }

    private static PhoneEntry entry(List<String> columns, List<String> cells, String where) {
        if (cells.size() > columns.size()) {
            throw new InventoryException(where + ": " + cells.size() + " fields but only " + columns.size() + " columns");
        }
        String name = null;
        String address = null;
        String model = "";
        String user = "";
        String credentials = "";
        Map<String, String> details = new LinkedHashMap<>();
        for (int c = 0; c < cells.size(); c++) {
            String v = cells.get(c).strip();
            switch (columns.get(c)) {
                case "name" -> name = v;
                case "address" -> address = v;
                case "model" -> model = v;
                case "user" -> user = v;
                case "credentials", "credentials_ref", "credentialsref" -> credentials = v;
                case "dn", "description", "devicepool", "status" -> details.put(columns.get(c), v);
                case "password" -> {
                    if (!v.isEmpty()) {
                        throw new InventoryException(where + ": the password column is refused; give a credentials "
                                + "reference (env:PREFIX or file:PATH) instead");
                    }
                }
                default -> {
                    // extra columns (site, notes…) are the administrator's business
                }
            }
        }
        return make(name, address, model, user, credentials, details, where);
    }

    /** JSON: an array of phone objects, or an object with a {@code phones} array. */
    public static Inventory parseJson(String text, String where) {
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(text);
        } catch (JacksonException e) {
            throw new InventoryException(where + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode list = root != null && root.isObject() ? root.get("phones") : root;
        if (list == null || !list.isArray()) {
            throw new InventoryException(where + ": expected an array of phones or {\"phones\": [...]}");
        }
        List<PhoneEntry> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String at = where + " phones[" + i + "]";
            if (!n.isObject()) {
                throw new InventoryException(at + ": expected an object");
            }
            if (n.has("password")) {
                throw new InventoryException(at + ": a password field is refused; give a credentials reference instead");
            }
            Map<String, String> details = new LinkedHashMap<>();
            for (String d : PhoneEntry.DETAILS) {
                String v = text(n, d);
                if (v != null) {
                    details.put(d, v);
                }
            }
            out.add(make(text(n, "name"), text(n, "address"), text(n, "model"), text(n, "user"), text(n, "credentials"),
                    details, at));
        }
        return new Inventory(out);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static PhoneEntry make(String name, String address, String model, String user, String credentials,
                                   Map<String, String> details, String where) {
        if (name == null || name.isBlank()) {
            throw new InventoryException(where + ": name is missing");
        }
        if (address == null || address.isBlank()) {
            throw new InventoryException(where + ": address of \"" + name + "\" is missing");
        }
        PhoneAddress parsed;
        try {
            parsed = PhoneAddress.parse(address);
        } catch (IllegalArgumentException e) {
            throw new InventoryException(where + ": " + e.getMessage(), e);
        }
        return new PhoneEntry(name.strip(), parsed, model, user, credentials, details);
    }

    /** The phones every filter accepts (no filters: all). */
    public Inventory select(List<Selector> filters) {
        return new Inventory(phones.stream().filter(p -> filters.stream().allMatch(f -> f.test(p))).toList());
    }

    public int size() {
        return phones.size();
    }
}
