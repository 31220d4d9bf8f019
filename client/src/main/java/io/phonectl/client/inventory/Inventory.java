package io.phonectl.client.inventory;

import io.phonectl.client.files.CappedFiles;
import io.phonectl.client.xsi.PhoneAddress;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
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

    /** The columns an inventory usually has, for messages (only address is required). */
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
            text = CappedFiles.readString(file, CappedFiles.INVENTORY, "an inventory");
        } catch (CappedFiles.TooLargeException e) {
            throw new InventoryException("inventory " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InventoryException("cannot read inventory " + file + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null || e.getMessage().equals(file.toString()) ? "" : ": " + e.getMessage())
                    + ")", e);
        }
        String where = file.toString();
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                ? parseJson(text, where) : parseCsv(text, where);
    }

    /**
     * CSV whose first line is a header naming the columns, in any order, with at least {@code address} ({@code name}
     * defaults to the address). A UTF-8 byte-order mark is skipped; blank lines and lines starting with '#' are
     * skipped; fields may be double-quoted (RFC 4180). A first line without an address column is refused without
     * echoing it (it may be a password file given by mistake): nothing in it is ever taken for a phone, let alone
     * looked up in DNS (issue 16).
     */
    public static Inventory parseCsv(String text, String where) {
        List<PhoneEntry> out = new ArrayList<>();
        List<String> columns = null;
        String[] lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            List<String> cells = Csv.split(line, where + " line " + (i + 1));
            if (columns == null) {
                columns = header(cells, where + " line " + (i + 1));
                continue;
            }
            out.add(entry(columns, cells, where + " line " + (i + 1)));
        }
        return new Inventory(out);
    }

    /** The header's column names (trimmed, lower case); refused, unechoed, when it names no address column. */
    private static List<String> header(List<String> cells, String where) {
        List<String> lower = cells.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
        if (!lower.contains("address")) {
            throw new InventoryException(where + ": the first line must be a header naming the columns, with an "
                    + "address column (e.g. " + String.join(",", DEFAULT_COLUMNS) + "); this one ("
                    + cells.size() + (cells.size() == 1 ? " field" : " fields") + ") names none");
        }
        Set<String> seen = new HashSet<>();
        for (String c : lower) {
            if (!c.isEmpty() && !seen.add(c)) {
                throw new InventoryException(where + ": column \"" + c + "\" appears twice in the header");
            }
        }
        return lower;
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
        if (address == null || address.isBlank()) {
            throw new InventoryException(where + ": address" + (name == null || name.isBlank() ? ""
                    : " of \"" + name + "\"") + " is missing");
        }
        if (name == null || name.isBlank()) {
            name = address; // an inventory of addresses only: each phone is known by its address
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
