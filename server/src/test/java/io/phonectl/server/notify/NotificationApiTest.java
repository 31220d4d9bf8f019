package io.phonectl.server.notify;

import io.phonectl.server.testing.Databases;
import io.phonectl.server.testing.Http;
import io.phonectl.server.testing.ServerTest;
import io.phonectl.server.testing.SimPhones;
import io.phonectl.sim.inspect.InspectionApi;
import io.phonectl.sim.inspect.InspectionServer;
import io.phonectl.sim.phone.SimPhone;
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

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A notification with acknowledgement end to end: simulated phones of several models and simulated RoomOS and
 * PhoneOS devices get what each can show; people acknowledge by pressing the Acknowledge softkey (the phone fetches
 * its URL from the service) and by answering the RoomOS prompt (the device posts HttpFeedback to the service), both
 * through the simulators' inspection API with a plain HTTP client; the receipts show who did, when, and who never did.
 */
@ParameterizedClass
@EnumSource(Databases.class)
class NotificationApiTest extends ServerTest {

    static final String ROOM_PASSWORD = "room-secret-3141";
    static final List<String> MODELS = List.of("CP-8845", "CP-7942", "CP-8851-3PCC", "CP-8821");

    SimPhones phones;
    XapiSimHost rooms;
    XapiSimHost phoneOs;
    InspectionServer roomInspection;
    final Map<String, Long> deviceIds = new HashMap<>();

    @BeforeParameterizedClassInvocation
    void devices() throws Exception {
        secret(SimPhones.PASSWORD);
        secret(ROOM_PASSWORD);
        phones = SimPhones.start(MODELS.size(), MODELS).register(t.admin(), "n", "notify-phones");
        List<SimUser> users = List.of(new SimUser("admin", ROOM_PASSWORD, Role.ADMIN));
        rooms = XapiSimHost.start(XapiSimConfig.defaults(XapiProduct.ROOMOS, 1).withUsers(users));
        phoneOs = XapiSimHost.start(XapiSimConfig.defaults(XapiProduct.PHONEOS, 1).withUsers(users));
        roomInspection = InspectionServer.start("127.0.0.1", 0, InspectionApi.forDevices(rooms.devices()));
        assertThat(keep(t.admin().post("/api/v1/credentials", Map.of("name", "notify-rooms", "user", "admin",
                "secret", ROOM_PASSWORD))).status()).isEqualTo(201);
        for (var d : List.of(rooms.device(0), phoneOs.device(0))) {
            String model = d == rooms.device(0) ? "roomos" : "phoneos";
            Http.Answer a = keep(t.admin().post("/api/v1/devices", Map.of("name", model + "-n", "address",
                    d.host() + ":" + d.port(), "model", model, "credentials", "notify-rooms")));
            assertThat(a.status()).as(a.body()).isEqualTo(201);
            deviceIds.put(model, a.json().get("id").asLong());
        }
    }

    @AfterParameterizedClassInvocation
    void stopDevices() throws Exception {
        if (roomInspection != null) {
            roomInspection.close();
        }
        for (AutoCloseable c : new AutoCloseable[] {rooms, phoneOs, phones}) {
            if (c != null) {
                c.close();
            }
        }
    }

    private long create(Map<String, Object> params) {
        return create(Map.of("selector", "name=n-*,*-n"), params);
    }

    private long create(Map<String, Object> target, Map<String, Object> params) {
        Http.Answer a = keep(t.admin().post("/api/v1/jobs", Map.of("target", target,
                "action", "notification", "params", params)));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        long id = a.json().get("id").asLong();
        await().atMost(Duration.ofSeconds(30)).until(() -> keep(t.admin().get("/api/v1/jobs/" + id)).json()
                .get("state").asString().equals("done"));
        return id;
    }

    private Map<String, JsonNode> itemsByName(long job) {
        Map<String, JsonNode> out = new HashMap<>();
        keep(t.admin().get("/api/v1/jobs/" + job + "/items")).json().get("items")
                .forEach(i -> out.put(i.get("name").asString(), i));
        return out;
    }

    private static Http.Answer inspect(URI base, String path) {
        return Http.at(base).send("POST", path, "application/json", new byte[0]);
    }

    @Test
    void everyDeviceGetsWhatItCanShowAndAcknowledgementsAreRecordedOnce() {
        long job = create(Map.of("title", "Fire drill", "text", "Leave by the east stairs.", "priority", "urgent",
                "tone", "Chime.raw", "sound", "Alert", "acknowledge", true));
        Map<String, JsonNode> items = itemsByName(job);
        SimPhone colour = phones.host().phones().get(0);
        JsonNode c = items.get("n-" + colour.index());
        assertThat(c.get("outcome").asString()).as(c.toString()).isEqualTo("EXECUTED");
        assertThat(c.get("detail").asString()).contains("tone Chime.raw: EXECUTED");
        JsonNode room = items.get("roomos-n");
        assertThat(room.get("outcome").asString()).as(room.toString()).isEqualTo("EXECUTED");
        JsonNode phoneos = items.get("phoneos-n");
        assertThat(phoneos.get("outcome").asString()).isEqualTo("UNSUPPORTED");
        assertThat(phoneos.get("detail").asString()).contains("no xCommand UserInterface Message Prompt Display");
        SimulatedXapiDevice d = rooms.device(0);
        assertThat(d.message().at("/prompt/Text").asString()).isEqualTo("Leave by the east stairs.");
        assertThat(d.message().at("/prompt/Options/0/Text").asString()).isEqualTo("Acknowledge");
        assertThat(d.message().get("sound").asString()).isEqualTo("Alert");
        assertThat(d.message().at("/prompt/FeedbackId").asString()).doesNotContain(" ").isNotEmpty();

        URI phoneInspect = phones.host().inspectionUri().orElseThrow();
        Http.Answer press = inspect(phoneInspect, "/phones/" + colour.name() + "/softkey/Acknowledge");
        assertThat(press.status()).as(press.body()).isEqualTo(200);
        assertThat(press.body()).contains("your acknowledgement is recorded");
        Http.Answer answer = inspect(roomInspection.uri(), "/devices/" + d.name() + "/answer/1");
        assertThat(answer.json().get("known").asBoolean()).as(answer.body()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> keep(t.admin().get("/api/v1/notifications/" + job))
                .json().get("acknowledged").asInt() == 2);

        JsonNode acked = keep(t.admin().get("/api/v1/notifications/" + job + "/receipts?acknowledged=true")).json();
        assertThat(acked.get("items")).extracting(r -> r.get("via").asString()).containsExactlyInAnyOrder("softkey",
                "prompt");
        for (JsonNode r : acked.get("items")) {
            assertThat(r.get("delivery").asString()).isEqualTo("acknowledged");
            assertThat(r.get("acknowledgedAt").isNull()).isFalse();
            assertThat(r.get("acceptedAt").isNull()).isFalse();
            assertThat(r.get("sentAt").isNull()).isFalse();
            assertThat(r.get("queuedAt").isNull()).isFalse();
        }
        // the thank-you screen has no Acknowledge softkey; fetching the same URL again changes nothing
        String ackUrl = press.json().at("/phone/screen/source").asString();
        assertThat(ackUrl).startsWith(t.server.uri() + "/ack/");
        assertThat(inspect(phoneInspect, "/phones/" + colour.name() + "/softkey/Acknowledge").json().get("known")
                .asBoolean()).isFalse();
        Http.Answer again = t.http().get(URI.create(ackUrl).getPath());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("already acknowledged");
        JsonNode summary = keep(t.admin().get("/api/v1/notifications/" + job)).json();
        assertThat(summary.get("acknowledged").asInt()).isEqualTo(2);
        assertThat(summary.get("notAcknowledged").asInt()).isEqualTo(summary.get("accepted").asInt() - 2);
        JsonNode never = keep(t.admin().get("/api/v1/notifications/" + job + "/receipts?acknowledged=false")).json();
        assertThat(never.get("total").asInt()).isEqualTo(MODELS.size() + 2 - 2);
        JsonNode events = keep(t.admin().header("Accept", "application/json").get("/api/v1/events?type="
                + "notification.acknowledged&job=" + job + "&after=0")).json();
        assertThat(events.toString()).contains("notification.acknowledged");
    }

    private JsonNode event(String type, long job) {
        await().atMost(Duration.ofSeconds(20)).until(() -> keep(t.admin().header("Accept", "application/json")
                .get("/api/v1/events?type=" + type + "&job=" + job + "&after=0")).json().get("items").size() == 1);
        return keep(t.admin().header("Accept", "application/json").get("/api/v1/events?type=" + type + "&job=" + job
                + "&after=0")).json().get("items").get(0).get("data");
    }

    @Test
    void tooFewAcknowledgementsEscalateToTheOthersOrToTheWebhooks() {
        SimPhone colour = phones.host().phones().get(0);
        SimPhone wireless = phones.host().phones().get(3);
        long first = phones.deviceIds().get(0);
        long fourth = phones.deviceIds().get(3);
        assertThat(phones.phone(fourth)).isSameAs(wireless);
        long job = create(Map.of("devices", List.of(first, fourth)), Map.of("text", "Evacuate now",
                "acknowledge", true, "escalation", Map.of("belowPercent", 60, "afterSeconds", 2, "action", "resend")));
        assertThat(keep(t.admin().get("/api/v1/notifications/" + job)).json().get("accepted").asInt())
                .as(keep(t.admin().get("/api/v1/jobs/" + job + "/items")).body()).isEqualTo(2);
        Http.Answer press = inspect(phones.host().inspectionUri().orElseThrow(), "/phones/" + colour.name()
                + "/softkey/Acknowledge");
        assertThat(press.body()).contains("your acknowledgement is recorded");
        // the check is due 2 s after creation on the service's clock: nothing happens until it moves
        // (the acknowledgement's event is written by the batching writer: wait for it, then nothing else is there)
        await().atMost(Duration.ofSeconds(10)).until(() -> keep(t.admin().header("Accept", "application/json")
                .get("/api/v1/events?type=notification.*&job=" + job + "&after=0")).json().get("items").size() > 0);
        assertThat(keep(t.admin().header("Accept", "application/json").get("/api/v1/events?type=notification.*&job="
                + job + "&after=0")).json().get("items")).extracting(e -> e.get("type").asString())
                .containsExactly("notification.acknowledged");
        t.clock.advance(Duration.ofSeconds(3));
        JsonNode escalated = event("notification.escalated", job);
        assertThat(escalated.get("acknowledged").asInt()).isEqualTo(1);
        assertThat(escalated.get("resentTo").asInt()).isEqualTo(1);
        long follow = escalated.get("followUpJob").asLong();
        await().atMost(Duration.ofSeconds(30)).until(() -> keep(t.admin().get("/api/v1/jobs/" + follow)).json()
                .get("state").asString().equals("done"));
        JsonNode items = keep(t.admin().get("/api/v1/jobs/" + follow + "/items")).json().get("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("deviceId").asLong()).isEqualTo(fourth);
        assertThat(items.get(0).get("outcome").asString()).isEqualTo("EXECUTED");

        long quiet = create(Map.of("devices", List.of(first)), Map.of("text", "Drill over", "acknowledge", true,
                "escalation", Map.of("belowPercent", 100, "afterSeconds", 1, "action", "webhook")));
        t.clock.advance(Duration.ofSeconds(2));
        JsonNode hook = event("notification.escalated", quiet);
        assertThat(hook.get("action").asString()).isEqualTo("webhook");
        assertThat(hook.has("followUpJob")).isFalse();
        assertThat(keep(t.admin().post("/api/v1/jobs", Map.of("target", Map.of("all", true), "action", "notification",
                "params", Map.of("text", "x", "escalation", Map.of("belowPercent", 50, "afterSeconds", 5,
                        "action", "resend"))))).json().get("field").asString()).isEqualTo("params.escalation");
    }

    @Test
    void forgedTokensAndNotificationsWithoutAcknowledgementAreRefused() {
        Http.Answer forged = keep(t.http().get("/ack/a1.1.AAAAAAAAAAAAAAAAAAAAAA"));
        assertThat(forged.status()).isEqualTo(404);
        assertThat(forged.body()).contains("CiscoIPPhoneText").contains("Unknown acknowledgement");
        SimPhone colour = phones.host().phones().get(0);
        long expiring = create(Map.of("devices", List.of(phones.deviceIds().get(0))), Map.of("text", "Expiring",
                "acknowledge", true, "expiresInSeconds", 60));
        String url = Http.at(phones.host().inspectionUri().orElseThrow()).get("/phones/" + colour.name()).json()
                .at("/screen/softKeys/0/url").asString();
        assertThat(url).contains("/ack/a" + expiring + ".");
        t.clock.advance(Duration.ofSeconds(61));
        Http.Answer late = t.http().get(URI.create(url).getPath());
        assertThat(late.status()).isEqualTo(410);
        assertThat(late.body()).contains("has expired");
        assertThat(keep(t.admin().get("/api/v1/notifications/" + expiring)).json().get("acknowledged").asInt())
                .isZero();
        long job = create(Map.of("text", "Lunch is served", "priority", "low"));
        JsonNode room = itemsByName(job).get("roomos-n");
        assertThat(room.get("outcome").asString()).isEqualTo("EXECUTED");
        assertThat(rooms.device(0).message().at("/alert/Text").asString()).isEqualTo("Lunch is served");
        assertThat(keep(t.admin().post("/api/v1/jobs", Map.of("target", Map.of("all", true), "action", "notification",
                "params", Map.of("title", "x")))).json().get("field").asString()).isEqualTo("params.text");
        assertThat(keep(t.admin().post("/api/v1/jobs", Map.of("target", Map.of("all", true), "action", "notification",
                "params", Map.of("text", "x", "banner", true, "acknowledge", true)))).json().get("field").asString())
                .isEqualTo("params.banner");
        assertThat(keep(t.admin().post("/api/v1/jobs", Map.of("target", Map.of("all", true), "action", "notification",
                "params", Map.of("text", "x", "sound", "Trumpet")))).json().get("field").asString())
                .isEqualTo("params.sound");
    }
}
