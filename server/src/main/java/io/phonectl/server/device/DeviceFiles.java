package io.phonectl.server.device;

import io.phonectl.client.inventory.Csv;
import io.phonectl.client.inventory.InventoryException;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fleet file formats, row by row: the simulator's fleet CSV ({@code name,address,model,user}), an administrator's
 * CSV (a header naming the columns, or none for name,address,model,user,credentials, as the client's Inventory reads
 * it) and JSON (an array of objects, or {@code {"phones":[…]}} / {@code {"devices":[…]}}). Extra columns site, tags
 * (separated by ';' or '|') and kind are read too; other columns are ignored. A row that cannot be read is reported,
 * not fatal. Exports write the same formats, which both this reader and the client's Inventory read back.
 */
public final class DeviceFiles {

    static final List<String> DEFAULT_COLUMNS = List.of("name", "address", "model", "user", "credentials");
    static final List<String> EXPORT_COLUMNS = List.of("name", "address", "model", "kind", "site", "tags", "user",
            "credentials");

    private DeviceFiles() {
    }

    /** {@code csv} or {@code json}, from a media type or a file name. */
    public static String format(String mediaTypeOrName) {
        String s = mediaTypeOrName == null ? "" : mediaTypeOrName.toLowerCase(Locale.ROOT);
        if (s.endsWith("json")) {
            return "json";
        }
        if (s.endsWith("csv") || s.equals("text/plain")) {
            return "csv";
        }
        throw new ApiException.UnsupportedMediaType(mediaTypeOrName, "text/csv or application/json (a .csv or .json file)");
    }

    public static List<ImportRow> read(byte[] body, String format) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return format.equals("json") ? json(text) : csv(text);
    }

    static List<ImportRow> csv(String text) {
        List<ImportRow> out = new ArrayList<>();
        List<String> columns = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int n = i + 1;
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            List<String> cells;
            try {
                cells = Csv.split(line, "line " + n);
            } catch (InventoryException e) {
                out.add(ImportRow.unreadable(n, e.getMessage()));
                continue;
            }
            if (columns == null) {
                List<String> lower = cells.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
                if (lower.contains("name") && lower.contains("address")) {
                    columns = lower;
                    continue;
                }
                columns = DEFAULT_COLUMNS;
            }
            if (cells.size() > columns.size()) {
                out.add(ImportRow.unreadable(n, "line " + n + ": " + cells.size() + " fields but only " + columns.size()
                        + " columns"));
                continue;
            }
            Map<String, String> f = new java.util.HashMap<>();
            for (int c = 0; c < cells.size(); c++) {
                f.put(columns.get(c), cells.get(c).strip());
            }
            out.add(row(n, f::get));
        }
        return out;
    }

    static List<ImportRow> json(String text) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(text);
        } catch (JacksonException e) {
            throw new ApiException.Invalid("body", "", "a JSON array of devices, or {\"devices\": [...]}: "
                    + e.getOriginalMessage());
        }
        JsonNode list = root != null && root.isObject() ? (root.has("devices") ? root.get("devices") : root.get("phones"))
                : root;
        if (list == null || !list.isArray()) {
            throw new ApiException.Invalid("body", root == null ? "" : root.getNodeType().toString().toLowerCase(Locale.ROOT),
                    "a JSON array of devices, or {\"devices\": [...]} / {\"phones\": [...]}");
        }
        List<ImportRow> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            if (!node.isObject()) {
                out.add(ImportRow.unreadable(i + 1, "item " + (i + 1) + ": expected an object"));
                continue;
            }
            out.add(row(i + 1, k -> {
                JsonNode v = node.get(k);
                if (v == null || v.isNull()) {
                    return null;
                }
                if (v.isArray()) {
                    List<String> parts = new ArrayList<>();
                    v.forEach(x -> parts.add(x.asString()));
                    return String.join(";", parts);
                }
                return v.asString();
            }));
        }
        return out;
    }

    private static ImportRow row(int line, java.util.function.Function<String, String> field) {
        String password = field.apply("password");
        if (password != null && !password.isEmpty()) {
            return ImportRow.unreadable(line, "a password is refused in an import: create a credential set "
                    + "(POST /api/v1/credentials) and give its name in the credentials column");
        }
        String credentials = field.apply("credentials");
        if (credentials == null) {
            credentials = field.apply("credentials_ref");
        }
        String tags = field.apply("tags");
        List<String> tagList = tags == null || tags.isBlank() ? null
                : List.of(tags.split("[;|]")).stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
        return ImportRow.of(line, new DeviceInput(field.apply("name"), field.apply("address"), field.apply("model"),
                field.apply("kind"), field.apply("site"), tagList, field.apply("user"), credentials));
    }

    /** Writes CSV with a header; tags joined by ';'. Never a secret: credentials is the set's name. */
    public static void writeCsvHeader(OutputStream out) throws IOException {
        out.write((String.join(",", EXPORT_COLUMNS) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public static void writeCsv(OutputStream out, Device d) throws IOException {
        List<String> cells = List.of(d.name(), d.address(), d.model(), d.kind().spelling(), d.site(),
                String.join(";", d.tags()), d.user(), d.credentials() == null ? "" : d.credentials());
        out.write((String.join(",", cells.stream().map(Csv::quote).toList()) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON array of device objects, written as the devices come. */
    public static final class JsonWriter implements AutoCloseable {
        private final JsonGenerator gen;

        public JsonWriter(OutputStream out) {
            this.gen = Json.mapper().createGenerator(out);
            gen.writeStartArray();
        }

        public void write(Device d) {
            gen.writeStartObject();
            gen.writeStringProperty("name", d.name());
            gen.writeStringProperty("address", d.address());
            gen.writeStringProperty("model", d.model());
            gen.writeStringProperty("kind", d.kind().spelling());
            gen.writeStringProperty("site", d.site());
            gen.writeArrayPropertyStart("tags");
            d.tags().forEach(gen::writeString);
            gen.writeEndArray();
            gen.writeStringProperty("user", d.user());
            gen.writeStringProperty("credentials", d.credentials() == null ? "" : d.credentials());
            gen.writeEndObject();
        }

        @Override
        public void close() {
            try {
                gen.writeEndArray();
                gen.close();
            } catch (JacksonException e) {
                throw new UncheckedIOException(new IOException(e.getMessage(), e));
            }
        }
    }
}
