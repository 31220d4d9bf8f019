package io.phonectl.server.api;

import io.phonectl.server.http.Role;
import io.phonectl.server.testing.Databases;
import io.phonectl.server.testing.Http;
import io.phonectl.server.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The device registry over HTTP: CRUD, limits, selectors, stable paging, import with a report, export. */
@ParameterizedClass
@EnumSource(Databases.class)
class DeviceApiTest extends ServerTest {

    Http.Answer create(Http as, Map<String, Object> device) {
        return keep(as.post("/api/v1/devices", device));
    }

    @Test
    void createReadChangeDelete() {
        Http.Answer made = create(t.admin(), Map.of("name", "lobby-1", "address", "127.0.0.1:8001", "model", "8845",
                "site", "HQ", "tags", List.of("lobby", "floor-1")));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        JsonNode d = made.json();
        assertThat(d.get("model").asString()).isEqualTo("CP-8845");
        assertThat(d.get("kind").asString()).isEqualTo("xsi");
        assertThat(d.get("address").asString()).isEqualTo("127.0.0.1:8001");
        long id = d.get("id").asLong();
        JsonNode patched = keep(t.admin().patch("/api/v1/devices/" + id, Map.of("site", "", "tags", List.of("moved"))))
                .json();
        assertThat(patched.get("site").asString()).isEmpty();
        assertThat(patched.get("tags").toString()).isEqualTo("[\"moved\"]");
        assertThat(patched.get("name").asString()).isEqualTo("lobby-1");
        assertThat(create(t.admin(), Map.of("name", "lobby-1", "address", "127.0.0.1:8002")).status()).isEqualTo(409);
        assertThat(keep(t.admin().delete("/api/v1/devices/" + id)).status()).isEqualTo(204);
        assertThat(keep(t.admin().get("/api/v1/devices/" + id)).status()).isEqualTo(404);
    }

    /**
     * A list answered again right after any write shows it (on H2 the pages are kept while nothing was written:
     * every kind of write that changes what a page shows must reach the next page).
     */
    @Test
    void aListShowsEveryWriteAtOnce() throws Exception {
        long cs = keep(t.admin().post("/api/v1/credentials", Map.of("name", "kept-1", "user", "u", "secret", "s")))
                .json().get("id").asLong();
        long a = create(t.admin(), Map.of("name", "kept-a", "address", "127.0.0.1:8101", "tags", List.of("x"),
                "credentials", "kept-1")).json().get("id").asLong();
        long b = create(t.admin(), Map.of("name", "kept-b", "address", "127.0.0.1:8102")).json().get("id").asLong();
        String page = "/api/v1/devices?where=name%3Dkept-*&limit=10";
        java.util.function.Supplier<JsonNode> list = () -> keep(t.admin().get(page)).json();
        java.util.function.Function<JsonNode, JsonNode> first = j -> j.get("items").get(0);
        assertThat(list.get().get("total").asLong()).isEqualTo(2);
        assertThat(list.get().get("total").asLong()).isEqualTo(2); // a second time: kept on H2

        keep(t.admin().patch("/api/v1/devices/" + a, Map.of("tags", List.of("y", "z"))));
        assertThat(first.apply(list.get()).get("tags").toString()).isEqualTo("[\"y\",\"z\"]");
        keep(t.admin().patch("/api/v1/credentials/" + cs, Map.of("name", "kept-2")));
        assertThat(first.apply(list.get()).get("credentials").asString()).isEqualTo("kept-2");
        String inGroup = "/api/v1/devices?where=group%3Dkept-g";
        long g = keep(t.admin().post("/api/v1/groups", Map.of("name", "kept-g", "kind", "static", "devices",
                List.of(b)))).json().get("id").asLong();
        assertThat(keep(t.admin().get(inGroup)).json().get("total").asLong()).isEqualTo(1);
        keep(t.admin().post("/api/v1/groups/" + g + "/devices", Map.of("devices", List.of(a))));
        assertThat(keep(t.admin().get(inGroup)).json().get("total").asLong()).isEqualTo(2);
        assertThat(keep(t.admin().delete("/api/v1/devices/" + b)).status()).isEqualTo(204);
        assertThat(list.get().get("total").asLong()).isEqualTo(1);
        assertThat(keep(t.admin().get(inGroup)).json().get("total").asLong()).isEqualTo(1);
        // a device's last state as a job's outcome writes it (JDBC in the outcome writer's transaction)
        t.server.services().database().jdbi().useTransaction(h -> {
            try (var st = h.getConnection().prepareStatement("UPDATE devices SET last_outcome = 'EXECUTED' WHERE id = ?")) {
                st.setLong(1, a);
                st.executeUpdate();
            }
        });
        assertThat(first.apply(list.get()).get("state").get("lastOutcome").asString()).isEqualTo("EXECUTED");
    }

    @Test
    void xapiDevicesTakeTheirKindFromTheModel() {
        JsonNode room = create(t.admin(), Map.of("name", "room-1", "address", "127.0.0.1:9001", "model", "roomos")).json();
        assertThat(room.get("kind").asString()).isEqualTo("roomos");
        Http.Answer mismatch = create(t.admin(), Map.of("name", "room-2", "address", "127.0.0.1:9002", "kind", "phoneos",
                "model", "CP-8845"));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.json().get("field").asString()).isEqualTo("model");
    }

    @Test
    void everyLimitBothSides() {
        Http a = t.admin();
        assertThat(create(a, Map.of("name", "n".repeat(128), "address", "127.0.0.1")).status()).isEqualTo(201);
        assertProblem(create(a, Map.of("name", "n".repeat(129), "address", "127.0.0.1")), "name", "1..128");
        assertProblem(create(a, Map.of("name", "", "address", "127.0.0.1")), "name", "1..128");
        assertThat(create(a, Map.of("name", "port-max", "address", "127.0.0.1:65535")).status()).isEqualTo(201);
        assertProblem(create(a, Map.of("name", "port-over", "address", "127.0.0.1:65536")), "address", "1..65535");
        assertProblem(create(a, Map.of("name", "model-x", "address", "127.0.0.1", "model", "CP-0000")), "model", "catalog");
        List<String> tags32 = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            tags32.add("t" + i);
        }
        assertThat(create(a, Map.of("name", "tags-32", "address", "127.0.0.1", "tags", tags32)).status()).isEqualTo(201);
        List<String> tags33 = new ArrayList<>(tags32);
        tags33.add("t32");
        assertProblem(create(a, Map.of("name", "tags-33", "address", "127.0.0.1", "tags", tags33)), "tags", "at most 32");
        assertThat(create(a, Map.of("name", "tag-64", "address", "127.0.0.1", "tags", List.of("x".repeat(64)))).status())
                .isEqualTo(201);
        assertProblem(create(a, Map.of("name", "tag-65", "address", "127.0.0.1", "tags", List.of("x".repeat(65)))),
                "tags", "1..64");
        assertThat(create(a, Map.of("name", "site-128", "address", "127.0.0.1", "site", "s".repeat(128))).status())
                .isEqualTo(201);
        assertProblem(create(a, Map.of("name", "site-129", "address", "127.0.0.1", "site", "s".repeat(129))), "site",
                "0..128");
        assertProblem(create(a, Map.of("name", "cred-x", "address", "127.0.0.1", "credentials", "nope")), "credentials",
                "credential set");
        assertProblem(create(a, Map.of("name", "pw", "address", "127.0.0.1", "password", "x")), "password", "not a member");
    }

    void assertProblem(Http.Answer a, String field, String rule) {
        assertThat(a.status()).as(a.body()).isEqualTo(400);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.json().get("field").asString()).isEqualTo(field);
        assertThat(a.json().get("rule").asString()).contains(rule);
    }

    @Test
    void rolesOnDevices() {
        Http viewer = t.http().bearer(t.tokenFor("dv-viewer", Role.VIEWER));
        Http operator = t.http().bearer(t.tokenFor("dv-operator", Role.OPERATOR));
        assertThat(create(viewer, Map.of("name", "v-1", "address", "127.0.0.1")).status()).isEqualTo(403);
        assertThat(create(operator, Map.of("name", "o-1", "address", "127.0.0.1")).status()).isEqualTo(201);
        assertThat(keep(viewer.get("/api/v1/devices")).status()).isEqualTo(200);
        assertThat(keep(t.http().get("/api/v1/devices")).status()).isEqualTo(401);
    }

    @Test
    void selectorsAndStablePagesOverAnImport() {
        StringBuilder csv = new StringBuilder("name,address,model,user,site,tags\n");
        for (int i = 0; i < 250; i++) {
            csv.append("sel-").append(i).append(",127.0.0.").append(1 + i % 200).append(':').append(10000 + i).append(',')
                    .append(i % 2 == 0 ? "CP-8845" : "CP-7841").append(",admin,").append(i % 5 == 0 ? "lab" : "hq")
                    .append(',').append(i % 10 == 0 ? "vip;lobby" : "").append('\n');
        }
        Http.Answer imported = keep(t.admin().send("POST", "/api/v1/devices/import", "text/csv",
                csv.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("added").asInt()).isEqualTo(250);
        JsonNode eights = keep(t.admin().get("/api/v1/devices?where=model%3D8845;name%3Dsel-*&limit=1")).json();
        assertThat(eights.get("total").asLong()).isEqualTo(125);
        JsonNode vipLab = keep(t.admin().get("/api/v1/devices?where=tag%3Dvip&where=site%3Dlab&limit=1000")).json();
        assertThat(vipLab.get("total").asLong()).isEqualTo(25);
        JsonNode notHq = keep(t.admin().get("/api/v1/devices?where=site!%3Dhq;name%3Dsel-*")).json();
        assertThat(notHq.get("total").asLong()).isEqualTo(50);
        assertThat(keep(t.admin().get("/api/v1/devices?where=colour%3Dred")).json().get("field").asString())
                .isEqualTo("where");
        // pages of 40 by name, with devices added between pages: every original device exactly once
        Set<String> seen = new HashSet<>();
        String next = null;
        int pages = 0;
        do {
            String q = "/api/v1/devices?where=name%3Dsel-*&sort=name&limit=40" + (next == null ? "" : "&cursor=" + next);
            JsonNode page = keep(t.admin().get(q)).json();
            page.get("items").forEach(d -> assertThat(seen.add(d.get("name").asString())).isTrue());
            create(t.admin(), Map.of("name", "sel-inserted-" + pages, "address", "127.0.0.1"));
            next = page.get("next").isNull() ? null : page.get("next").asString();
            pages++;
        } while (next != null && pages < 100);
        assertThat(seen).hasSizeGreaterThanOrEqualTo(250);
        for (int i = 0; i < 250; i++) {
            assertThat(seen).contains("sel-" + i);
        }
    }

    @Test
    void sortByAColumnEitherWayPagesStablyAndFreeTextAndStatsCount() {
        StringBuilder csv = new StringBuilder("name,address,model,site,tags\n");
        String[] models = {"CP-8845", "CP-7841", "CP-8865"};
        for (int i = 0; i < 60; i++) {
            csv.append("srt-").append(i).append(",127.0.0.1:").append(9000 + i).append(',').append(models[i % 3])
                    .append(",site-").append(i % 4).append(',').append(i % 10 == 0 ? "needle" : "hay").append('\n');
        }
        assertThat(keep(t.admin().send("POST", "/api/v1/devices/import", "text/csv",
                csv.toString().getBytes(StandardCharsets.UTF_8))).status()).isEqualTo(200);
        List<String> seen = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            JsonNode page = keep(t.admin().get("/api/v1/devices?where=name%3Dsrt-*&sort=-model&limit=7"
                    + (next == null ? "" : "&cursor=" + next))).json();
            page.get("items").forEach(d -> seen.add(d.get("model").asString() + " " + d.get("id").asLong()));
            next = page.get("next").isNull() ? null : page.get("next").asString();
            pages++;
        } while (next != null && pages < 50);
        assertThat(seen).hasSize(60).doesNotHaveDuplicates();
        List<String> byModel = seen.stream().map(x -> x.split(" ")[0]).toList();
        assertThat(byModel).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        JsonNode bySite = keep(t.admin().get("/api/v1/devices?where=name%3Dsrt-*&sort=site&limit=1000")).json();
        List<String> sites = new ArrayList<>();
        bySite.get("items").forEach(d -> sites.add(d.get("site").asString()));
        assertThat(sites).hasSize(60).isSorted();
        Http.Answer badSort = keep(t.admin().get("/api/v1/devices?sort=colour"));
        assertThat(badSort.status()).isEqualTo(400);
        assertThat(badSort.json().get("field").asString()).isEqualTo("sort");
        // free text: any of name, address, model, site or a tag
        assertThat(keep(t.admin().get("/api/v1/devices?where=any%3D*needle*")).json().get("total").asLong()).isEqualTo(6);
        assertThat(keep(t.admin().get("/api/v1/devices?where=any%3D*7841*;name%3Dsrt-*")).json().get("total").asLong())
                .isEqualTo(20);
        assertThat(keep(t.admin().get("/api/v1/devices?where=any%3Dsite-3")).json().get("total").asLong()).isEqualTo(15);
        JsonNode stats = keep(t.admin().get("/api/v1/devices/stats?top=100")).json();
        assertThat(stats.get("total").asLong()).isEqualTo(stats.get("reachable").asLong()
                + stats.get("unreachable").asLong() + stats.get("unknown").asLong());
        assertThat(stats.get("models").toString()).contains("\"value\":\"CP-7841\"");
        assertThat(keep(t.admin().get("/api/v1/devices/stats?top=101")).status()).isEqualTo(400);
        assertThat(keep(t.admin().get("/api/v1/devices/stats?top=0")).status()).isEqualTo(400);
        assertThat(keep(t.admin().get("/api/v1/devices/stats?top=1")).json().get("models")).hasSize(1);
    }

    @Test
    void importReportsEveryRowAndExportReadsBack() {
        t.server.services().credentials().create("lab-creds", "admin", "lab-secret-value");
        secret("lab-secret-value");
        String csv = """
                # a comment
                name,address,model,user,credentials,site,tags
                imp-1,127.0.0.1:7001,CP-8845,,lab-creds,lab,a;b
                imp-2,127.0.0.1:7002,CP-9999,,,lab,
                imp-3,127.0.0.1:7003,roomos,,,,
                imp-1,127.0.0.1:7004,CP-8845,,,,
                imp-4,,CP-8845,,,,
                imp-5,127.0.0.1:7005,CP-8845,,nope,,
                "imp-6,127.0.0.1:7006
                """;
        JsonNode report = keep(t.admin().send("POST", "/api/v1/devices/import", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8))).json();
        assertThat(report.get("added").asInt()).isEqualTo(2);
        assertThat(report.get("refused").asInt()).isEqualTo(5);
        List<String> outcomes = new ArrayList<>();
        report.get("rows").forEach(r -> outcomes.add(r.get("line").asInt() + " " + r.get("outcome").asString()
                + (r.get("reason").isNull() ? "" : " " + r.get("reason").asString())));
        assertThat(outcomes.get(0)).isEqualTo("3 added");
        assertThat(outcomes.get(1)).startsWith("4 refused model = \"CP-9999\"");
        assertThat(outcomes.get(3)).contains("appears earlier in the file (line 3)");
        assertThat(outcomes.get(4)).contains("address");
        assertThat(outcomes.get(5)).contains("credentials = \"nope\"");
        assertThat(outcomes.get(6)).contains("unclosed double quote");
        // the same file again: updates, not duplicates
        JsonNode again = keep(t.admin().send("POST", "/api/v1/devices/import", "text/csv",
                "name,address,model\nimp-1,127.0.0.1:7011,CP-8845\n".getBytes(StandardCharsets.UTF_8))).json();
        assertThat(again.get("updated").asInt()).isEqualTo(1);
        Http.Answer export = keep(t.admin().get("/api/v1/devices/export?where=name%3Dimp-*"));
        assertThat(export.contentType()).startsWith("text/csv");
        assertThat(export.body()).startsWith("name,address,model,kind,site,tags,user,credentials\n")
                .contains("imp-3,127.0.0.1:7003,roomos,roomos,,,,").doesNotContain("lab-secret-value");
        Http.Answer json = keep(t.admin().get("/api/v1/devices/export?format=json&where=name%3Dimp-*"));
        assertThat(json.json().size()).isEqualTo(2);
        JsonNode reimport = keep(t.admin().send("POST", "/api/v1/devices/import", "application/json",
                json.body().getBytes(StandardCharsets.UTF_8))).json();
        assertThat(reimport.get("updated").asInt()).isEqualTo(2);
        assertThat(reimport.get("refused").asInt()).isZero();
        Http.Answer withPassword = keep(t.admin().send("POST", "/api/v1/devices/import", "application/json",
                "[{\"name\":\"p\",\"address\":\"127.0.0.1\",\"password\":\"hunter2hunter2\"}]".getBytes(StandardCharsets.UTF_8)));
        assertThat(withPassword.json().get("refused").asInt()).isEqualTo(1);
        assertThat(withPassword.body()).doesNotContain("hunter2hunter2");
    }

    @Test
    void serverSideImportOnlyForAdminsAndUnderAnImportRoot() throws Exception {
        Path data = t.server.services().dataDir();
        Path file = data.resolve("fleet.csv");
        Files.writeString(file, "name,address,model,user\nsim-1,127.0.0.1:5001,CP-7841,admin\n");
        Http operator = t.http().bearer(t.tokenFor("imp-operator", Role.OPERATOR));
        String q = "/api/v1/devices/import?path=" + java.net.URLEncoder.encode(file.toString(), StandardCharsets.UTF_8);
        assertThat(keep(operator.send("POST", q, "text/csv", new byte[0])).status()).isEqualTo(403);
        JsonNode ok = keep(t.admin().send("POST", q, "text/csv", new byte[0])).json();
        assertThat(ok.get("added").asInt()).isEqualTo(1);
        Http.Answer outside = keep(t.admin().send("POST", "/api/v1/devices/import?path=%2Fetc%2Fpasswd", "text/csv",
                new byte[0]));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.json().get("rule").asString()).contains("import root");
        assertThat(outside.body()).doesNotContain("root:x:");
    }
}
