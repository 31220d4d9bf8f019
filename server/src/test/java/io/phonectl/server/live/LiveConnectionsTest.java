package io.phonectl.server.live;

import io.phonectl.server.ServerConfig;
import io.phonectl.server.testing.Databases;
import io.phonectl.server.testing.Http;
import io.phonectl.server.testing.ServerTest;
import io.phonectl.server.testing.SimPhones;
import io.phonectl.sim.xapi.SimUser;
import io.phonectl.sim.xapi.SimulatedXapiDevice;
import io.phonectl.sim.xapi.XapiProduct;
import io.phonectl.sim.xapi.XapiSimConfig;
import io.phonectl.sim.xapi.XapiSimHost;
import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.schema.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.IntNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Live xAPI connections and the XSI poll against simulated devices, on H2 and PostgreSQL: connected on
 * registration, status mirrored, feedback and events into the event stream, commands over the live link, a reboot
 * survived (reconnect with backoff, resubscribed), and phones polled.
 */
@ParameterizedClass
@EnumSource(Databases.class)
class LiveConnectionsTest extends ServerTest {

    static final String PASSWORD = "room-secret-live-1618";

    XapiSimHost rooms;
    XapiSimHost deskPhones;
    SimPhones phones;
    final List<Long> roomIds = new ArrayList<>();
    long deskId;
    final List<JsonNode> heard = new CopyOnWriteArrayList<>();

    @Override
    protected ServerConfig configure(ServerConfig config) {
        return config.withLive(LiveConfig.defaults().withTimings(Duration.ofMillis(200), Duration.ofMillis(100),
                Duration.ofMillis(800), Duration.ofSeconds(1)).withKeepalive(Duration.ofMillis(500)));
    }

    @BeforeParameterizedClassInvocation
    void fleet() throws Exception {
        secret(PASSWORD);
        secret(SimPhones.PASSWORD);
        rooms = XapiSimHost.start(XapiSimConfig.defaults(XapiProduct.ROOMOS, 2)
                .withUsers(List.of(new SimUser("admin", PASSWORD, Role.ADMIN))));
        assertThat(keep(t.admin().post("/api/v1/credentials", Map.of("name", "rooms", "user", "admin",
                "secret", PASSWORD))).status()).isEqualTo(201);
        roomIds.clear();
        for (SimulatedXapiDevice d : rooms.devices()) {
            Http.Answer a = keep(t.admin().post("/api/v1/devices", Map.of("name", "room-" + d.name(), "address",
                    d.host() + ":" + d.port(), "model", "roomos", "credentials", "rooms")));
            roomIds.add(a.json().get("id").asLong());
        }
        // a simulated PhoneOS device offers no WebSocket (as a device without it enabled): never connected, and says why
        deskPhones = XapiSimHost.start(XapiSimConfig.defaults(XapiProduct.PHONEOS, 1)
                .withUsers(List.of(new SimUser("admin", PASSWORD, Role.ADMIN))));
        SimulatedXapiDevice desk = deskPhones.device(0);
        Http.Answer d = keep(t.admin().post("/api/v1/devices", Map.of("name", "desk-" + desk.name(), "address",
                desk.host() + ":" + desk.port(), "model", "phoneos", "credentials", "rooms")));
        deskId = d.json().get("id").asLong();
        phones = SimPhones.start(2, List.of("CP-8845")).register(t.admin(), "p", "lab");
        t.server.services().live().onEvent((device, event) -> heard.add(event));
    }

    @AfterParameterizedClassInvocation
    void stop() throws Exception {
        if (rooms != null) {
            rooms.close();
        }
        if (phones != null) {
            phones.close();
        }
        if (deskPhones != null) {
            deskPhones.close();
        }
    }

    JsonNode live(long device) {
        return keep(t.admin().get("/api/v1/devices/" + device + "/live")).json();
    }

    int events(String type, long device) {
        return keep(t.admin().header("Accept", "application/json").get("/api/v1/events?type=" + type + "&device="
                + device)).json().get("total").asInt();
    }

    @Test
    void registeredRoomsAreConnectedAndMirrorTheirStatus() {
        await().atMost(Duration.ofSeconds(30)).until(() -> keep(t.admin().get("/api/v1/live")).json()
                .get("connected").asInt() == 2);
        long id = roomIds.getFirst();
        SimulatedXapiDevice d = rooms.device(0);
        assertThat(live(id).get("connected").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> live(id).get("status").toString().contains("Volume"));
        assertThat(d.changeStatus(XPath.parseWords("Status Audio Volume"), IntNode.valueOf(71))).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> live(id).get("status").get("Status").get("Audio")
                .get("Volume").asInt() == 71);
        await().atMost(Duration.ofSeconds(10)).until(() -> events("device.status", id) >= 1);
        assertThat(events("device.connected", id)).isGreaterThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            JsonNode desk = live(deskId);
            return !desk.get("connected").asBoolean() && desk.get("detail").asString().contains("WebSocket");
        });
    }

    @Test
    void eventsReachTheStreamAndListenersAndCommandsUseTheLiveLink() {
        await().atMost(Duration.ofSeconds(30)).until(() -> t.server.services().live().connectedCount() == 2);
        long id = roomIds.get(1);
        rooms.device(1).raiseEvent("UserInterface", io.phonectl.server.http.Json.mapper().createObjectNode()
                .set("Message", io.phonectl.server.http.Json.mapper().createObjectNode().set("Prompt",
                        io.phonectl.server.http.Json.mapper().createObjectNode().set("Response",
                                io.phonectl.server.http.Json.mapper().createObjectNode().put("OptionId", 1)))));
        await().atMost(Duration.ofSeconds(10)).until(() -> events("device.xapi-event", id) >= 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> heard.stream().anyMatch(e -> e.toString()
                .contains("OptionId")));
        Http.Answer job = keep(t.admin().post("/api/v1/jobs", Map.of("target", Map.of("devices", List.of(id)),
                "action", "xapi_command", "params", Map.of("command", "Audio Volume Set", "Level", 33))));
        long jobId = job.json().get("id").asLong();
        await().atMost(Duration.ofSeconds(30)).until(() -> t.admin().get("/api/v1/jobs/" + jobId).json()
                .get("state").asString().equals("done"));
        JsonNode item = keep(t.admin().get("/api/v1/jobs/" + jobId + "/items")).json().get("items").get(0);
        assertThat(item.get("outcome").asString()).as(item.toString()).isEqualTo("EXECUTED");
        assertThat(item.get("detail").asString()).endsWith("(live)");
        assertThat(rooms.device(1).read(XPath.parseWords("Status Audio Volume")).asInt()).isEqualTo(33);
    }

    @Test
    void aRebootedRoomIsReconnectedAndResubscribed() {
        await().atMost(Duration.ofSeconds(30)).until(() -> t.server.services().live().connectedCount() == 2);
        long id = roomIds.getFirst();
        int connectedBefore = events("device.connected", id);
        int boots = rooms.device(0).bootCount();
        rooms.device(0).reboot();
        await().atMost(Duration.ofSeconds(30)).until(() -> events("device.disconnected", id) >= 1);
        await("the simulated device boots again").atMost(Duration.ofSeconds(30))
                .until(() -> rooms.device(0).bootCount() > boots && !rooms.device(0).rebooting());
        await("reconnected, and the event written").atMost(Duration.ofSeconds(60))
                .until(() -> live(id).get("connected").asBoolean() && events("device.connected", id) > connectedBefore);
        assertThat(rooms.device(0).changeStatus(XPath.parseWords("Status Audio Volume"), IntNode.valueOf(12))).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> live(id).get("status").get("Status").get("Audio")
                .get("Volume").asInt() == 12);
    }

    @Test
    void phonesArePolledForTheirDeviceInformation() {
        long phone = phones.deviceIds().getFirst();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Http.Answer a = t.admin().get("/api/v1/devices/" + phone + "/live");
            return a.status() == 200 && a.json().get("status").has("device");
        });
        JsonNode l = live(phone);
        assertThat(l.get("connected").asBoolean()).isTrue();
        assertThat(l.get("status").get("device").toString()).contains(phones.phone(phone).name());
    }
}
