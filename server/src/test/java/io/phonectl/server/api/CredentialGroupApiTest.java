package io.phonectl.server.api;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.server.http.Role;
import io.phonectl.server.testing.Databases;
import io.phonectl.server.testing.Http;
import io.phonectl.server.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Credential sets (write-only secrets, encrypted at rest) and groups (static, dynamic) on H2 and PostgreSQL. */
@ParameterizedClass
@EnumSource(Databases.class)
class CredentialGroupApiTest extends ServerTest {

    static final String SECRET = "s3cr3t-phone-password";

    @Test
    void secretsAreWriteOnlyAndEncryptedAtRest() {
        secret(SECRET);
        secret("rotated-" + SECRET);
        Http.Answer made = keep(t.admin().post("/api/v1/credentials", Map.of("name", "phones", "user", "admin",
                "secret", SECRET)));
        assertThat(made.status()).isEqualTo(201);
        long id = made.json().get("id").asLong();
        assertThat(made.json().has("secret")).isFalse();
        assertThat(keep(t.admin().get("/api/v1/credentials/" + id)).json().get("user").asString()).isEqualTo("admin");
        keep(t.admin().get("/api/v1/credentials"));
        // at rest: the table holds neither the secret nor its base64
        String stored = t.server.services().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT name, username, key_id, nonce, sealed FROM credentials").mapToMap().list().toString());
        assertThat(stored).doesNotContain(SECRET, java.util.Base64.getEncoder().encodeToString(SECRET.getBytes()));
        Credentials resolved = t.server.services().credentials().resolve(id);
        assertThat(resolved.user()).isEqualTo("admin");
        assertThat(resolved.password()).isEqualTo(SECRET);
        // rename re-seals under the new name; rotating the secret works
        keep(t.admin().patch("/api/v1/credentials/" + id, Map.of("name", "phones-2")));
        assertThat(t.server.services().credentials().resolve(id).password()).isEqualTo(SECRET);
        keep(t.admin().patch("/api/v1/credentials/" + id, Map.of("secret", "rotated-" + SECRET)));
        assertThat(t.server.services().credentials().resolve(id).password()).isEqualTo("rotated-" + SECRET);
        // in use: cannot be deleted
        keep(t.admin().post("/api/v1/devices", Map.of("name", "cred-user", "address", "127.0.0.1", "credentials",
                "phones-2")));
        Http.Answer inUse = keep(t.admin().delete("/api/v1/credentials/" + id));
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.json().get("rule").asString()).contains("1 devices");
    }

    @Test
    void credentialLimitsAndRoles() {
        Http a = t.admin();
        assertThat(keep(a.post("/api/v1/credentials", Map.of("name", "c".repeat(64), "user", "u", "secret", "")))
                .status()).isEqualTo(201);
        assertThat(keep(a.post("/api/v1/credentials", Map.of("name", "c".repeat(65), "user", "u", "secret", "")))
                .json().get("field").asString()).isEqualTo("name");
        assertThat(keep(a.post("/api/v1/credentials", Map.of("name", "u128", "user", "u".repeat(128), "secret", "x")))
                .status()).isEqualTo(201);
        assertThat(keep(a.post("/api/v1/credentials", Map.of("name", "u129", "user", "u".repeat(129), "secret", "x")))
                .json().get("field").asString()).isEqualTo("user");
        assertThat(keep(a.post("/api/v1/credentials", Map.of("name", "colon", "user", "a:b", "secret", "x")))
                .json().get("rule").asString()).contains("RFC 7617");
        String big = "k".repeat(1025);
        secret(big);
        assertThat(keep(a.post("/api/v1/credentials", Map.of("name", "s1024", "user", "u", "secret", "k".repeat(1024))))
                .status()).isEqualTo(201);
        Http.Answer tooBig = keep(a.post("/api/v1/credentials", Map.of("name", "s1025", "user", "u", "secret", big)));
        assertThat(tooBig.json().get("field").asString()).isEqualTo("secret");
        Http operator = t.http().bearer(t.tokenFor("cr-operator", Role.OPERATOR));
        assertThat(keep(operator.post("/api/v1/credentials", Map.of("name", "op", "user", "u", "secret", "x")))
                .status()).isEqualTo(403);
        assertThat(keep(operator.get("/api/v1/credentials")).status()).isEqualTo(200);
    }

    long device(String name, String model, String site) {
        return keep(t.admin().post("/api/v1/devices", Map.of("name", name, "address", "127.0.0.1", "model", model,
                "site", site))).json().get("id").asLong();
    }

    @Test
    void staticAndDynamicGroups() {
        long a = device("grp-a", "CP-8845", "lab");
        long b = device("grp-b", "CP-7841", "lab");
        device("grp-c", "CP-8845", "hq");
        Map<String, Object> fixed = new HashMap<>(Map.of("name", "pair", "kind", "static", "devices", List.of(a, b)));
        JsonNode pair = keep(t.admin().post("/api/v1/groups", fixed)).json();
        assertThat(pair.get("devices").asLong()).isEqualTo(2);
        long pairId = pair.get("id").asLong();
        JsonNode labs = keep(t.admin().post("/api/v1/groups", Map.of("name", "lab-8845", "kind", "dynamic",
                "selector", "site=lab;model=8845"))).json();
        assertThat(labs.get("devices").asLong()).isEqualTo(1);
        long labId = labs.get("id").asLong();
        // a new device that matches joins the dynamic group
        device("grp-d", "CP-8845", "lab");
        assertThat(keep(t.admin().get("/api/v1/groups/" + labId)).json().get("devices").asLong()).isEqualTo(2);
        JsonNode members = keep(t.admin().get("/api/v1/groups/" + pairId + "/devices?limit=1")).json();
        assertThat(members.get("total").asLong()).isEqualTo(2);
        assertThat(members.get("next").isNull()).isFalse();
        assertThat(keep(t.admin().get("/api/v1/devices?where=group%3Dpair")).json().get("total").asLong()).isEqualTo(2);
        assertThat(t.server.services().groups().deviceIds(pairId)).containsExactly(a, b);
        // membership changes
        assertThat(keep(t.admin().delete("/api/v1/groups/" + pairId + "/devices/" + b)).json().get("devices").asLong())
                .isEqualTo(1);
        assertThat(keep(t.admin().delete("/api/v1/groups/" + pairId + "/devices/" + b)).status()).isEqualTo(404);
        Http.Answer unknown = keep(t.admin().post("/api/v1/groups/" + pairId + "/devices", Map.of("devices",
                List.of(999_999))));
        assertThat(unknown.json().get("field").asString()).isEqualTo("devices");
        Http.Answer toDynamic = keep(t.admin().post("/api/v1/groups/" + labId + "/devices", Map.of("devices", List.of(a))));
        assertThat(toDynamic.status()).isEqualTo(400);
        // rules
        assertThat(keep(t.admin().post("/api/v1/groups", Map.of("name", "bad", "kind", "dynamic", "selector", "x")))
                .json().get("field").asString()).isEqualTo("selector");
        assertThat(keep(t.admin().post("/api/v1/groups", Map.of("name", "pair"))).status()).isEqualTo(409);
        assertThat(keep(t.admin().post("/api/v1/groups", Map.of("name", "d500", "description", "d".repeat(500))))
                .status()).isEqualTo(201);
        assertThat(keep(t.admin().post("/api/v1/groups", Map.of("name", "d501", "description", "d".repeat(501))))
                .json().get("field").asString()).isEqualTo("description");
        Http viewer = t.http().bearer(t.tokenFor("grp-viewer", Role.VIEWER));
        assertThat(keep(viewer.post("/api/v1/groups", Map.of("name", "v"))).status()).isEqualTo(403);
        assertThat(keep(viewer.get("/api/v1/groups")).status()).isEqualTo(200);
        // deleting a device removes it from its groups; deleting a group keeps its devices
        keep(t.admin().delete("/api/v1/devices/" + a));
        assertThat(keep(t.admin().get("/api/v1/groups/" + pairId)).json().get("devices").asLong()).isZero();
        assertThat(keep(t.admin().delete("/api/v1/groups/" + labId)).status()).isEqualTo(204);
        assertThat(keep(t.admin().get("/api/v1/devices/" + b)).status()).isEqualTo(200);
    }

    @Test
    void catalogForForms() {
        JsonNode actions = keep(t.http().bearer(t.tokenFor("cat-viewer", Role.VIEWER)).get("/api/v1/catalog/actions"))
                .json();
        assertThat(actions.get("total").asInt()).isEqualTo(114);
        JsonNode text = keep(t.admin().get("/api/v1/catalog/actions/object_text")).json();
        assertThat(text.get("params").toString()).contains("\"title\"", "\"text\"");
        assertThat(text.get("support").get("supported").toString()).contains("CP-8845");
        JsonNode display = keep(t.admin().get("/api/v1/catalog/actions/display_off")).json();
        assertThat(display.toString()).contains("\"range\"");
        assertThat(keep(t.admin().get("/api/v1/catalog/actions/no_such_action")).status()).isEqualTo(404);
        JsonNode models = keep(t.admin().get("/api/v1/catalog/models")).json();
        assertThat(models.get("total").asInt()).isEqualTo(io.phonectl.xsi.model.ModelCatalog.standard().models().size());
    }
}
