package io.phonectl.server.notify;

import io.phonectl.server.testing.Databases;
import io.phonectl.server.testing.Http;
import io.phonectl.server.testing.ServerTest;
import io.phonectl.server.testing.SimPhones;
import io.phonectl.sim.phone.SimPhone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Templates: checked when saved (placeholders, declarations, lengths at their longest), sent to a simulated phone. */
@ParameterizedClass
@EnumSource(Databases.class)
class TemplateApiTest extends ServerTest {

    SimPhones phones;

    @BeforeParameterizedClassInvocation
    void phones() throws Exception {
        secret(SimPhones.PASSWORD);
        phones = SimPhones.start(1, List.of("CP-8845")).register(t.admin(), "tp", "template-phones");
    }

    @AfterParameterizedClassInvocation
    void stopPhones() {
        if (phones != null) {
            phones.close();
        }
    }

    private static Map<String, Object> template(String name, String title, List<Map<String, Object>> vars) {
        return Map.of("name", name, "description", "drills", "params", Map.of("title", title,
                "text", "Meet at {{point}} by {{time}}.", "acknowledge", true), "variables", vars);
    }

    private static final List<Map<String, Object>> VARS = List.of(Map.of("name", "building", "maxLength", 20),
            Map.of("name", "point", "maxLength", 100), Map.of("name", "time", "maxLength", 10, "defaultValue", "14:00"));

    private String field(Http.Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(400);
        return a.json().get("field").asString();
    }

    @Test
    void aTemplateIsCheckedWhenSavedAndSentWithItsValues() {
        Http admin = t.admin();
        Http.Answer saved = keep(admin.post("/api/v1/templates", template("drill-" + db, "Drill {{building}}", VARS)));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        long id = saved.json().get("id").asLong();
        assertThat(saved.json().get("variables").get(2).get("defaultValue").asString()).isEqualTo("14:00");
        assertThat(keep(admin.post("/api/v1/templates", template("drill-" + db, "Drill {{building}}", VARS))).status())
                .isEqualTo(409);
        assertThat(field(keep(admin.post("/api/v1/templates", template("a", "Drill {{room}}", VARS)))))
                .isEqualTo("params.title");
        assertThat(field(keep(admin.post("/api/v1/templates", template("b", "Drill", VARS))))).isEqualTo("variables");
        Http.Answer tooLong = keep(admin.post("/api/v1/templates", template("c", "Drill {{building}}", List.of(
                Map.of("name", "building", "maxLength", 27), VARS.get(1), VARS.get(2)))));
        assertThat(field(tooLong)).isEqualTo("params.title");
        assertThat(tooLong.json().get("rule").asString()).contains("every variable at its maxLength");
        assertThat(field(keep(admin.post("/api/v1/templates", template("d", "Drill {{building}}", List.of(
                Map.of("name", "9x"), VARS.get(1), VARS.get(2))))))).isEqualTo("variables[0].name");

        long device = phones.deviceIds().getFirst();
        assertThat(field(keep(admin.post("/api/v1/templates/" + id + "/send", Map.of("target",
                Map.of("devices", List.of(device)), "variables", Map.of("point", "the oak"))))))
                .isEqualTo("variables.building");
        assertThat(field(keep(admin.post("/api/v1/templates/" + id + "/send", Map.of("target",
                Map.of("devices", List.of(device)), "variables", Map.of("building", "B".repeat(21), "point", "x"))))))
                .isEqualTo("variables.building");
        Http.Answer sent = keep(admin.post("/api/v1/templates/" + id + "/send", Map.of("target",
                Map.of("devices", List.of(device)), "variables", Map.of("building", "B2", "point", "the oak"))));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        long job = sent.json().get("id").asLong();
        await().atMost(Duration.ofSeconds(30)).until(() -> keep(admin.get("/api/v1/jobs/" + job)).json().get("state")
                .asString().equals("done"));
        JsonNode j = keep(admin.get("/api/v1/jobs/" + job)).json();
        assertThat(j.get("counts").get("EXECUTED").asInt()).as(j.toString()).isEqualTo(1);
        assertThat(j.get("action").asString()).isEqualTo("notification");
        SimPhone p = phones.phone(device);
        assertThat(p.screen().title()).isEqualTo("Drill B2");
        assertThat(p.screen().text()).isEqualTo("Meet at the oak by 14:00.");

        assertThat(keep(admin.get("/api/v1/templates")).json().get("total").asInt()).isEqualTo(1);
        Http.Answer put = keep(admin.put("/api/v1/templates/" + id, template("drill-" + db, "Fire {{building}}", VARS)));
        assertThat(put.json().get("params").get("title").asString()).as(put.body()).isEqualTo("Fire {{building}}");
        assertThat(keep(t.http().bearer(t.tokenFor("viewer-" + db, io.phonectl.server.http.Role.VIEWER))
                .post("/api/v1/templates", template("v", "x", List.of()))).status()).isEqualTo(403);
        assertThat(keep(admin.delete("/api/v1/templates/" + id)).status()).isEqualTo(204);
        assertThat(keep(admin.get("/api/v1/templates/" + id)).status()).isEqualTo(404);
    }
}
