package io.phonectl.server.api;

import io.phonectl.server.testing.Databases;
import io.phonectl.server.testing.Http;
import io.phonectl.server.testing.ServerTest;
import io.phonectl.sim.xapi.SimUser;
import io.phonectl.sim.xapi.SimulatedXapiDevice;
import io.phonectl.sim.xapi.XapiProduct;
import io.phonectl.sim.xapi.XapiSimConfig;
import io.phonectl.sim.xapi.XapiSimHost;
import io.phonectl.xapi.schema.Role;
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

/** Jobs of xAPI commands and configuration changes against simulated RoomOS devices (their HTTP API). */
@ParameterizedClass
@EnumSource(Databases.class)
class XapiJobApiTest extends ServerTest {

    static final String PASSWORD = "room-secret-2718";

    XapiSimHost rooms;

    @BeforeParameterizedClassInvocation
    void rooms() throws Exception {
        secret(PASSWORD);
        rooms = XapiSimHost.start(XapiSimConfig.defaults(XapiProduct.ROOMOS, 2)
                .withUsers(List.of(new SimUser("admin", PASSWORD, Role.ADMIN))));
        assertThat(keep(t.admin().post("/api/v1/credentials", Map.of("name", "rooms", "user", "admin",
                "secret", PASSWORD))).status()).isEqualTo(201);
        for (SimulatedXapiDevice d : rooms.devices()) {
            assertThat(keep(t.admin().post("/api/v1/devices", Map.of("name", "room-" + d.name(), "address",
                    d.host() + ":" + d.port(), "model", "roomos", "credentials", "rooms"))).status()).isEqualTo(201);
        }
    }

    @AfterParameterizedClassInvocation
    void stopRooms() throws Exception {
        if (rooms != null) {
            rooms.close();
        }
    }

    JsonNode run(Map<String, Object> job) {
        Http.Answer a = keep(t.admin().post("/api/v1/jobs", job));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        long id = a.json().get("id").asLong();
        await().atMost(Duration.ofSeconds(30)).until(() -> keep(t.admin().get("/api/v1/jobs/" + id)).json()
                .get("state").asString().equals("done"));
        return keep(t.admin().get("/api/v1/jobs/" + id)).json();
    }

    @Test
    void anXapiCommandAndAConfigurationChangeReachEveryRoom() {
        JsonNode cmd = run(Map.of("target", Map.of("selector", "kind=roomos"), "action", "xapi_command",
                "params", Map.of("command", "xCommand Audio Volume Set", "Level", 35)));
        assertThat(cmd.get("counts").get("EXECUTED").asInt()).as(cmd.toString()).isEqualTo(2);
        JsonNode cfg = run(Map.of("target", Map.of("selector", "kind=roomos"), "action", "xapi_config",
                "params", Map.of("path", "Audio DefaultVolume", "value", 55)));
        assertThat(cfg.get("counts").get("EXECUTED").asInt()).as(cfg.toString()).isEqualTo(2);
        for (SimulatedXapiDevice d : rooms.devices()) {
            String log = d.log().received().toString();
            assertThat(log).contains("Audio Volume Set").contains("DefaultVolume");
        }
    }

    @Test
    void whatADeviceRefusesAndWhatIsNotForItAreOutcomes() {
        JsonNode bad = run(Map.of("target", Map.of("selector", "kind=roomos"), "action", "xapi_command",
                "params", Map.of("command", "Audio Volume Set", "Level", 101)));
        assertThat(bad.get("counts").get("PHONE_ERROR").asInt()).as(bad.toString()).isEqualTo(2);
        JsonNode xsi = run(Map.of("target", Map.of("selector", "kind=roomos"), "action", "key_services"));
        assertThat(xsi.get("counts").get("UNSUPPORTED").asInt()).isEqualTo(2);
        assertThat(keep(t.admin().post("/api/v1/jobs", Map.of("target", Map.of("all", true), "action", "xapi_config",
                "params", Map.of("path", "Audio DefaultVolume")))).json().get("field").asString()).isEqualTo("params.value");
    }
}
