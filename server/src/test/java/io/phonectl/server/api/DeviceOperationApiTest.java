package io.phonectl.server.api;

import io.phonectl.server.http.Role;
import io.phonectl.server.testing.Databases;
import io.phonectl.server.testing.Http;
import io.phonectl.server.testing.ServerTest;
import io.phonectl.server.testing.SimPhones;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One device at once: a device page, a screenshot, a synchronous action; failures as 502 problems. */
@ParameterizedClass
@EnumSource(Databases.class)
class DeviceOperationApiTest extends ServerTest {

    SimPhones phones;
    long phone;

    @BeforeParameterizedClassInvocation
    void phones() throws Exception {
        phones = SimPhones.start(1, List.of("CP-8845")).register(t.admin(), "op", "lab-op");
        phone = phones.deviceIds().getFirst();
        secret(SimPhones.PASSWORD);
    }

    @AfterParameterizedClassInvocation
    void stopPhones() {
        if (phones != null) {
            phones.close();
        }
    }

    @Test
    void aDevicePageIsReadNow() {
        Http.Answer info = keep(t.admin().get("/api/v1/devices/" + phone + "/pages/device"));
        assertThat(info.status()).as(info.body()).isEqualTo(200);
        assertThat(info.json().get("macAddress").asString()).isEqualTo(phones.phone(phone).mac());
        assertThat(keep(t.admin().get("/api/v1/devices/" + phone + "/pages/port?n=1")).status()).isEqualTo(200);
        assertThat(keep(t.admin().get("/api/v1/devices/" + phone + "/pages/fridge")).json().get("field").asString())
                .isEqualTo("page");
        assertThat(keep(t.admin().get("/api/v1/devices/" + phone + "/pages/port?n=10")).json().get("field").asString())
                .isEqualTo("n");
        assertThat(keep(t.admin().get("/api/v1/devices/" + phone + "/pages/port?n=9")).status()).isEqualTo(502);
        assertThat(keep(t.admin().get("/api/v1/devices/999999/pages/device")).status()).isEqualTo(404);
    }

    @Test
    void aScreenshotIsTheImageThePhoneSends() throws Exception {
        HttpResponse<byte[]> shot = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        t.server.uri().resolve("/api/v1/devices/" + phone + "/screenshot"))
                .header("Authorization", "Bearer " + t.adminToken).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(shot.statusCode()).isEqualTo(200);
        assertThat(shot.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
        assertThat(shot.body()).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void aSynchronousActionAnswersItsOutcomeAndTheRegistryFollows() {
        Http.Answer done = keep(t.admin().post("/api/v1/devices/" + phone + "/actions", Map.of("action", "object_text",
                "params", Map.of("title", "Now", "text", "one device"))));
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        JsonNode o = done.json();
        assertThat(o.get("outcome").asString()).isEqualTo("EXECUTED");
        assertThat(o.get("success").asBoolean()).isTrue();
        assertThat(o.get("items").get(0).get("status").asInt()).isZero();
        assertThat(keep(t.admin().get("/api/v1/devices/" + phone)).json().get("state").get("lastOutcome").asString())
                .isEqualTo("EXECUTED");
        assertThat(keep(t.admin().header("Accept", "application/json").get("/api/v1/events?type=device.action&device="
                + phone)).json().get("total").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(keep(t.admin().post("/api/v1/devices/" + phone + "/actions", Map.of("action", "object_text")))
                .json().get("field").asString()).isEqualTo("params.text");
        String viewer = t.tokenFor("ops-viewer-" + db.name().toLowerCase(), Role.VIEWER);
        secret(viewer);
        assertThat(keep(t.http().bearer(viewer).post("/api/v1/devices/" + phone + "/actions", Map.of("action",
                "key_services"))).status()).isEqualTo(403);
        assertThat(keep(t.http().bearer(viewer).get("/api/v1/devices/" + phone + "/pages/device")).status())
                .isEqualTo(200);
    }

    @Test
    void anUnreachablePhoneIsA502ProblemAndAnXapiDeviceHasNoXsiPages() {
        long dead = keep(t.admin().post("/api/v1/devices", Map.of("name", "op-dead", "address", "127.0.0.1:1",
                "model", "CP-8845", "credentials", "lab-op"))).json().get("id").asLong();
        Http.Answer page = keep(t.admin().get("/api/v1/devices/" + dead + "/pages/device"));
        assertThat(page.status()).isEqualTo(502);
        assertThat(page.json().get("type").asString()).endsWith("device-failed");
        assertThat(page.json().get("detail").asString()).startsWith("REFUSED");
        JsonNode refused = keep(t.admin().post("/api/v1/devices/" + dead + "/actions", Map.of("action", "key_services",
                "options", Map.of("attempts", 1)))).json();
        assertThat(refused.get("outcome").asString()).isEqualTo("REFUSED");
        assertThat(refused.get("attempts").asInt()).isEqualTo(1);
        long room = keep(t.admin().post("/api/v1/devices", Map.of("name", "op-room", "address", "127.0.0.1:2",
                "model", "roomos"))).json().get("id").asLong();
        assertThat(keep(t.admin().get("/api/v1/devices/" + room + "/screenshot")).json().get("field").asString())
                .isEqualTo("id");
        JsonNode wrongKind = keep(t.admin().post("/api/v1/devices/" + room + "/actions", Map.of("action", "key_services")))
                .json();
        assertThat(wrongKind.get("outcome").asString()).isEqualTo("UNSUPPORTED");
    }
}
