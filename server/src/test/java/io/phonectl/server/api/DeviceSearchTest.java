package io.phonectl.server.api;

import io.phonectl.server.testing.Databases;
import io.phonectl.server.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The free-text selector field {@code any} (the console's search box) against what it means: a device matches when
 * its name, address, model, site or one of its tags matches the value as a whole, ignoring case, {@code *} a
 * wildcard. The expected devices are worked out here from the devices as the API returns them, for values the search
 * column answers (whole field, start, end, any part) and for values it leaves to the per-column match (a {@code *}
 * inside), on both databases, before and after the devices change.
 */
@ParameterizedClass
@EnumSource(Databases.class)
class DeviceSearchTest extends ServerTest {

    static final List<String> VALUES = List.of("*alpha*", "ALPHA", "lobby-alpha", "Lobby-Alpha", "lobby*", "*north",
            "Lab North", "vip", "*VIP*", "floor-*", "*-2", "*y-a*", "a*n", "*north*vip*", "*h*v*", "*", "**", "%", "_",
            "!", "cp-8845", "*8845", "8845", "127.0.0.1*", "*:8003", "*.0.1:80*", "spare", "*spar*", "x*", "*x*");

    @Test
    void freeTextMatchesAWholeFieldIgnoringCaseWithWildcardsAsBeforeTheSearchColumn() {
        List<Map<String, Object>> fleet = List.of(
                Map.of("name", "Lobby-ALPHA", "address", "127.0.0.1:8001", "model", "CP-8845", "site", "Lab North",
                        "tags", List.of("VIP", "floor-2")),
                Map.of("name", "desk-beta", "address", "127.0.0.1:8002", "model", "CP-7841", "site", "north",
                        "tags", List.of("spare")),
                Map.of("name", "alphabet", "address", "127.0.0.2:8003", "model", "roomos", "site", "",
                        "tags", List.of()),
                Map.of("name", "h_v!%", "address", "127.0.0.3:80", "model", "", "site", "Vip Lounge",
                        "tags", List.of("x", "a-b")));
        List<Long> ids = new ArrayList<>();
        for (Map<String, Object> d : fleet) {
            var made = keep(t.admin().post("/api/v1/devices", d));
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            ids.add(made.json().get("id").asLong());
        }
        check();
        // the column follows every write: a rename, new tags, a new site
        assertThat(keep(t.admin().patch("/api/v1/devices/" + ids.get(1), Map.of("name", "Desk-Alpha-2",
                "site", "South", "tags", List.of("VIPER")))).status()).isEqualTo(200);
        assertThat(keep(t.admin().patch("/api/v1/devices/" + ids.get(0), Map.of("tags", List.of()))).status())
                .isEqualTo(200);
        check();
        // the migration fills the column for devices stored before it exactly as the service writes it
        List<String> written = stored();
        assertThat(migrated()).isEqualTo(written).noneMatch(v -> v.startsWith("stale"));
        // a value never matches across two fields: "north" (site) and "vip" (a tag) of the same device
        assertThat(ids("any=*north*vip*")).isEmpty();
        assertThat(ids("any=*lpha*;any!=alphabet")).containsExactly(ids.get(0), ids.get(1));
    }

    private void check() {
        List<JsonNode> devices = new ArrayList<>();
        keep(t.admin().get("/api/v1/devices?limit=1000")).json().get("items").forEach(devices::add);
        for (String v : VALUES) {
            Pattern glob = Pattern.compile(("\\Q" + v.toLowerCase(Locale.ROOT) + "\\E").replace("*", "\\E.*\\Q"),
                    Pattern.DOTALL);
            TreeSet<Long> expected = new TreeSet<>();
            TreeSet<Long> notExpected = new TreeSet<>();
            for (JsonNode d : devices) {
                List<String> fields = new ArrayList<>(List.of(d.get("name").asString(), d.get("address").asString(),
                        d.get("model").asString(), d.get("site").asString()));
                d.get("tags").forEach(tag -> fields.add(tag.asString()));
                boolean match = fields.stream().anyMatch(f -> glob.matcher(f.toLowerCase(Locale.ROOT)).matches());
                (match ? expected : notExpected).add(d.get("id").asLong());
            }
            assertThat(ids("any=" + v)).as(v).containsExactlyElementsOf(expected);
            assertThat(ids("any!=" + v)).as("not " + v).containsExactlyElementsOf(notExpected);
        }
    }

    /** Each device's search column, its tags sorted (their order means nothing, and string_agg keeps none). */
    private List<String> stored() {
        return t.server.services().database().jdbi().withHandle(h -> h.createQuery("SELECT search FROM devices "
                + "ORDER BY id").mapTo(String.class).list()).stream().map(v -> {
                    List<String> parts = new ArrayList<>(List.of(v.split("\n", -1)));
                    int fields = Math.min(parts.size(), 5);
                    List<String> tags = new ArrayList<>(parts.subList(fields, parts.size()));
                    tags.sort(null);
                    return String.join("\n", parts.subList(0, fields)) + "|" + tags;
                }).toList();
    }

    /** What V90's UPDATE makes of the devices as stored now (run again: it only writes the search column). */
    private List<String> migrated() {
        String sql;
        try (var in = getClass().getResourceAsStream("/db/migration/V90__device_search.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String update = sql.substring(sql.indexOf("UPDATE devices"), sql.lastIndexOf(';'));
        t.server.services().database().jdbi().useHandle(h -> h.execute("UPDATE devices SET search = 'stale'"));
        t.server.services().database().jdbi().useHandle(h -> h.execute(update));
        return stored();
    }

    private List<Long> ids(String where) {
        JsonNode page = keep(t.admin().get("/api/v1/devices?limit=1000&where="
                + URLEncoder.encode(where, StandardCharsets.UTF_8))).json();
        assertThat(page.get("total").asLong()).isEqualTo(page.get("items").size());
        List<Long> out = new ArrayList<>();
        page.get("items").forEach(d -> out.add(d.get("id").asLong()));
        return out;
    }
}
