package io.phonectl.server.api;

import io.phonectl.server.http.Role;
import io.phonectl.server.testing.Databases;
import io.phonectl.server.testing.Http;
import io.phonectl.server.testing.ServerTest;
import io.phonectl.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Users, sessions, CSRF, the one-time password, throttling, tokens and the audit log, on H2 and PostgreSQL. */
@ParameterizedClass
@EnumSource(Databases.class)
class AuthApiTest extends ServerTest {

    record Session(String cookie, String csrf) {
    }

    Session login(String name, String password) {
        Http.Answer a = keep(t.http().post("/api/v1/session", Map.of("name", name, "password", password)));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        String setCookie = a.header("Set-Cookie");
        assertThat(setCookie).contains("HttpOnly", "SameSite=Strict", "Path=/").doesNotContain("Secure");
        String cookie = setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
        return new Session(cookie, a.json().get("csrfToken").asString());
    }

    @Test
    void firstAdminMustChangeThePasswordBeforeAnythingElse() {
        Session s = login("admin", TestServer.ADMIN_PASSWORD);
        Http withCsrf = t.http().session(s.cookie(), s.csrf());
        Http noCsrf = t.http().session(s.cookie(), null);
        assertThat(keep(withCsrf.get("/api/v1/session")).json().get("mustChangePassword").asBoolean()).isTrue();
        Http.Answer blocked = keep(withCsrf.get("/api/v1/users"));
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.json().get("type").asString()).endsWith("password-change-required");
        Map<String, String> change = Map.of("current", TestServer.ADMIN_PASSWORD, "password", "a-new-admin-password");
        Http.Answer csrfMissing = keep(noCsrf.put("/api/v1/session/password", change));
        assertThat(csrfMissing.status()).isEqualTo(403);
        assertThat(csrfMissing.json().get("type").asString()).endsWith("csrf");
        assertThat(keep(withCsrf.header("X-CSRF-Token", "forged").put("/api/v1/session/password", change)).status())
                .isEqualTo(403);
        Http.Answer wrongCurrent = keep(withCsrf.put("/api/v1/session/password",
                Map.of("current", "not-the-password", "password", "a-new-admin-password")));
        assertThat(wrongCurrent.status()).isEqualTo(400);
        assertThat(wrongCurrent.json().get("field").asString()).isEqualTo("current");
        assertThat(keep(withCsrf.put("/api/v1/session/password", change)).status()).isEqualTo(204);
        assertThat(keep(withCsrf.get("/api/v1/users")).status()).isEqualTo(200);
        // cookie writes need the CSRF token; reads do not
        assertThat(keep(noCsrf.post("/api/v1/users", Map.of("name", "carol", "role", "viewer",
                "password", "carol-password-1"))).status()).isEqualTo(403);
        assertThat(keep(withCsrf.post("/api/v1/users", Map.of("name", "carol", "role", "viewer",
                "password", "carol-password-1"))).status()).isEqualTo(201);
        // logout ends the session everywhere
        assertThat(keep(withCsrf.delete("/api/v1/session")).status()).isEqualTo(204);
        assertThat(keep(withCsrf.get("/api/v1/session")).status()).isEqualTo(401);
    }

    @Test
    void passwordPolicyBothSides() {
        String eleven = "a".repeat(11);
        Http.Answer shortOne = keep(t.admin().post("/api/v1/users", Map.of("name", "p1", "role", "viewer",
                "password", eleven)));
        assertThat(shortOne.status()).isEqualTo(400);
        assertThat(shortOne.json().get("field").asString()).isEqualTo("password");
        assertThat(shortOne.body()).doesNotContain(eleven);
        assertThat(keep(t.admin().post("/api/v1/users", Map.of("name", "p2", "role", "viewer",
                "password", "a".repeat(12)))).status()).isEqualTo(201);
        assertThat(keep(t.admin().post("/api/v1/users", Map.of("name", "p3", "role", "viewer",
                "password", "b".repeat(72)))).status()).isEqualTo(201);
        Http.Answer longOne = keep(t.admin().post("/api/v1/users", Map.of("name", "p4", "role", "viewer",
                "password", "b".repeat(73))));
        assertThat(longOne.status()).isEqualTo(400);
        assertThat(longOne.json().get("rule").asString()).contains("72 bytes");
        Http.Answer badName = keep(t.admin().post("/api/v1/users", Map.of("name", "a b", "role", "viewer",
                "password", "b".repeat(20))));
        assertThat(badName.json().get("field").asString()).isEqualTo("name");
        Http.Answer badRole = keep(t.admin().post("/api/v1/users", Map.of("name", "p5", "role", "root",
                "password", "b".repeat(20))));
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(keep(t.admin().post("/api/v1/users", Map.of("name", "p2", "role", "viewer",
                "password", "c".repeat(20)))).status()).isEqualTo(409);
    }

    @Test
    void loginThrottleAnswers429UntilTheWaitIsOver() {
        t.server.services().auth().users().create("dave", Role.VIEWER, "dave-password-1", false);
        for (int i = 0; i < 4; i++) {
            assertThat(keep(t.http().post("/api/v1/session", Map.of("name", "dave", "password", "wrong-" + i)))
                    .status()).isEqualTo(401);
        }
        assertThat(keep(t.http().post("/api/v1/session", Map.of("name", "dave", "password", "wrong-4"))).status())
                .isEqualTo(401);
        Http.Answer throttled = keep(t.http().post("/api/v1/session", Map.of("name", "dave", "password", "dave-password-1")));
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isEqualTo("1");
        t.clock.advance(Duration.ofSeconds(1));
        login("dave", "dave-password-1");
    }

    @Test
    void tokensAreShownOnceCappedByRoleAndRevocable() {
        String operator = t.tokenFor("olga", Role.OPERATOR);
        Http op = t.http().bearer(operator);
        Http.Answer tooHigh = keep(op.post("/api/v1/tokens", Map.of("name", "mine", "role", "admin")));
        assertThat(tooHigh.status()).isEqualTo(400);
        assertThat(tooHigh.json().get("field").asString()).isEqualTo("role");
        Http.Answer made = keep(op.post("/api/v1/tokens", Map.of("name", "ci", "role", "viewer")));
        assertThat(made.status()).isEqualTo(201);
        String token = made.json().get("token").asString();
        assertThat(token).startsWith("phc_").hasSizeGreaterThanOrEqualTo(4 + 43);
        long id = made.json().get("id").asLong();
        Http ci = t.http().bearer(token);
        JsonNode me = keep(ci.get("/api/v1/session")).json();
        assertThat(me.get("name").asString()).isEqualTo("olga/ci");
        assertThat(me.get("role").asString()).isEqualTo("viewer");
        assertThat(keep(ci.post("/api/v1/tokens", Map.of("name", "x", "role", "operator"))).status()).isEqualTo(400);
        Http.Answer listed = keep(op.get("/api/v1/tokens"));
        assertThat(listed.body()).doesNotContain(token).contains("\"ci\"");
        assertThat(listed.json().get("items").size()).isEqualTo(2); // olga's own two, not the admin's
        assertThat(keep(t.http().bearer(t.tokenFor("vic", Role.VIEWER)).delete("/api/v1/tokens/" + id)).status())
                .isEqualTo(404);
        assertThat(keep(op.delete("/api/v1/tokens/" + id)).json().get("revokedAt").isNull()).isFalse();
        Http.Answer revoked = keep(ci.get("/api/v1/session"));
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.json().get("detail").asString()).contains("revoked");
    }

    @Test
    void expiredTokensAreRefused() {
        Http.Answer made = keep(t.admin().post("/api/v1/tokens", Map.of("name", "short", "role", "viewer",
                "expiresAt", t.clock.instant().plusSeconds(60).toString())));
        assertThat(made.status()).isEqualTo(201);
        Http shortLived = t.http().bearer(made.json().get("token").asString());
        assertThat(keep(shortLived.get("/api/v1/session")).status()).isEqualTo(200);
        t.clock.advance(Duration.ofSeconds(61));
        assertThat(keep(shortLived.get("/api/v1/session")).json().get("detail").asString()).contains("expired");
        assertThat(keep(t.admin().post("/api/v1/tokens", Map.of("name", "past", "role", "viewer",
                "expiresAt", t.clock.instant().minusSeconds(1).toString()))).status()).isEqualTo(400);
    }

    @Test
    void viewersReadOnlyAndAdminsOnlyManageUsers() {
        Http viewer = t.http().bearer(t.tokenFor("vera", Role.VIEWER));
        Http operator = t.http().bearer(t.tokenFor("otto", Role.OPERATOR));
        assertThat(keep(viewer.get("/api/v1/users")).status()).isEqualTo(403);
        assertThat(keep(operator.get("/api/v1/users")).status()).isEqualTo(403);
        assertThat(keep(operator.post("/api/v1/users", Map.of("name", "z", "role", "viewer",
                "password", "z".repeat(20)))).status()).isEqualTo(403);
        assertThat(keep(operator.get("/api/v1/audit")).status()).isEqualTo(403);
    }

    @Test
    void theLastAdminStays() {
        long adminId = t.server.services().auth().users().byName("admin").orElseThrow().id();
        Http.Answer demote = keep(t.admin().patch("/api/v1/users/" + adminId, Map.of("role", "viewer")));
        assertThat(demote.status()).isEqualTo(409);
        assertThat(demote.json().get("rule").asString()).contains("last enabled admin");
        assertThat(keep(t.admin().delete("/api/v1/users/" + adminId)).status()).isEqualTo(409);
    }

    @Test
    void everyStateChangingCallIsAuditedWithoutSecrets() {
        keep(t.http().post("/api/v1/session", Map.of("name", "mallory", "password", "guessing-password")));
        keep(t.admin().post("/api/v1/users", Map.of("name", "erin", "role", "operator", "password", "erin-password-1")));
        JsonNode page = keep(t.admin().get("/api/v1/audit?limit=1000")).json();
        List<String> lines = new ArrayList<>();
        page.get("items").forEach(e -> lines.add(e.get("actor").asString() + " " + e.get("method").asString() + " "
                + e.get("route").asString() + " " + e.get("status").asInt()));
        assertThat(lines).contains("mallory POST /api/v1/session 401", "admin/test-admin POST /api/v1/users 201",
                "system SYSTEM create first admin 0");
        assertThat(page.toString()).doesNotContain("guessing-password", "erin-password-1");
        Http.Answer filtered = keep(t.admin().get("/api/v1/audit?actor=mallory"));
        assertThat(filtered.json().get("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(keep(t.admin().get("/api/v1/audit?since=yesterday")).json().get("field").asString()).isEqualTo("since");
    }

    @org.junit.jupiter.api.BeforeAll
    void secrets() {
        for (String s : List.of("a-new-admin-password", "carol-password-1", "dave-password-1", "erin-password-1",
                "guessing-password")) {
            secret(s);
        }
    }
}
