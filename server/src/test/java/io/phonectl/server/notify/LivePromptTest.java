package io.phonectl.server.notify;

import io.phonectl.server.ServerConfig;
import io.phonectl.server.live.LiveConfig;
import io.phonectl.server.testing.ClosedPort;
import io.phonectl.server.testing.Databases;
import io.phonectl.server.testing.Http;
import io.phonectl.server.testing.ServerTest;
import io.phonectl.server.testing.SimPhones;
import io.phonectl.sim.inspect.InspectionApi;
import io.phonectl.sim.inspect.InspectionServer;
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

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A RoomOS prompt answered in the room reaches the acknowledgement sink over the device's live WebSocket, with the
 * HttpFeedback door closed: the service is configured with a public URI on a loopback port held closed, so the
 * device's HttpFeedback posts fail and only the {@code UserInterface Message Prompt Response} event on the live link
 * can carry the answer. The same run shows that what devices are handed (the phones' Acknowledge softkey, the rooms'
 * HttpFeedback ServerUrl) starts with the public URI, path prefix included.
 */
@ParameterizedClass
@EnumSource(Databases.class)
class LivePromptTest extends ServerTest {

    static final String PASSWORD = "room-secret-live-ack-2718";
    /** Where devices are told the service is: a port held closed, so HttpFeedback posts there are refused. */
    static final ClosedPort DOOR = new ClosedPort();
    static final URI PUBLIC = URI.create("http://127.0.0.1:" + DOOR.port() + "/phonectl");

    XapiSimHost rooms;
    InspectionServer roomInspection;
    SimPhones phones;
    long roomId;

    @Override
    protected ServerConfig configure(ServerConfig config) {
        return config.withHttp(config.http().withPublicUri(URI.create(PUBLIC + "/")))
                .withLive(LiveConfig.defaults().withTimings(Duration.ofMillis(200), Duration.ofMillis(100),
                        Duration.ofMillis(800), Duration.ZERO).withKeepalive(Duration.ofMillis(500)));
    }

    @BeforeParameterizedClassInvocation
    void devices() throws Exception {
        secret(PASSWORD);
        secret(SimPhones.PASSWORD);
        rooms = XapiSimHost.start(XapiSimConfig.defaults(XapiProduct.ROOMOS, 1)
                .withUsers(List.of(new SimUser("admin", PASSWORD, Role.ADMIN))));
        roomInspection = InspectionServer.start("127.0.0.1", 0, InspectionApi.forDevices(rooms.devices()));
        assertThat(keep(t.admin().post("/api/v1/credentials", Map.of("name", "live-rooms", "user", "admin",
                "secret", PASSWORD))).status()).isEqualTo(201);
        SimulatedXapiDevice d = rooms.device(0);
        Http.Answer a = keep(t.admin().post("/api/v1/devices", Map.of("name", "room-live", "address",
                d.host() + ":" + d.port(), "model", "roomos", "credentials", "live-rooms")));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        roomId = a.json().get("id").asLong();
        phones = SimPhones.start(1, List.of("CP-8845")).register(t.admin(), "lp", "live-phones");
    }

    @org.junit.jupiter.api.AfterAll
    void closeTheDoor() {
        DOOR.close();
    }

    @AfterParameterizedClassInvocation
    void stopDevices() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {roomInspection, rooms, phones}) {
            if (c != null) {
                c.close();
            }
        }
    }

    long notify(Map<String, Object> target) {
        Http.Answer a = keep(t.admin().post("/api/v1/jobs", Map.of("target", target, "action", "notification",
                "params", Map.of("title", "Drill", "text", "Please acknowledge", "acknowledge", true))));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        long id = a.json().get("id").asLong();
        await().atMost(Duration.ofSeconds(30)).until(() -> t.admin().get("/api/v1/jobs/" + id).json()
                .get("state").asString().equals("done"));
        return id;
    }

    @Test
    void aPromptAnsweredInTheRoomIsRecordedFromTheLiveWebSocket() {
        await().atMost(Duration.ofSeconds(30)).until(() -> t.server.services().live().connectedCount() == 1);
        long job = notify(Map.of("devices", List.of(roomId)));
        JsonNode item = keep(t.admin().get("/api/v1/jobs/" + job + "/items")).json().get("items").get(0);
        assertThat(item.get("outcome").asString()).as(item.toString()).isEqualTo("EXECUTED");
        assertThat(item.get("detail").asString()).endsWith("(live)");
        SimulatedXapiDevice d = rooms.device(0);
        assertThat(d.read(XPath.of("Status", "HttpFeedback")).toString()).contains(PUBLIC + "/ack/feedback");
        int postsBefore = d.httpFeedbackPostsSent();

        Http.Answer answer = Http.at(roomInspection.uri()).send("POST", "/devices/" + d.name() + "/answer/1",
                "application/json", new byte[0]);
        assertThat(answer.json().get("known").asBoolean()).as(answer.body()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> keep(t.admin().get("/api/v1/notifications/" + job))
                .json().get("acknowledged").asInt() == 1);
        JsonNode acked = keep(t.admin().get("/api/v1/notifications/" + job + "/receipts?acknowledged=true")).json();
        assertThat(acked.get("items").get(0).get("via").asString()).isEqualTo("prompt");
        JsonNode events = keep(t.admin().header("Accept", "application/json")
                .get("/api/v1/events?type=notification.acknowledged&job=" + job)).json().get("items");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("actor").asString()).isEqualTo("device " + roomId + " (live WebSocket)");
        // the HttpFeedback door was closed: the device's posts to the public URI were refused
        assertThat(d.httpFeedbackPostsSent()).isEqualTo(postsBefore);
    }

    @Test
    void phonesAreHandedAcknowledgeUrlsUnderThePublicUri() throws Exception {
        long job = notify(Map.of("devices", phones.deviceIds()));
        String name = phones.phone(phones.deviceIds().getFirst()).name();
        URI inspect = phones.host().inspectionUri().orElseThrow();
        String screen = Http.at(inspect).get("/phones/" + name).body();
        assertThat(screen).contains(PUBLIC + "/ack/a" + job + ".");
    }
}
