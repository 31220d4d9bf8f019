package io.phonectl.sim.xapi;

import io.phonectl.sim.FleetHost;
import io.phonectl.sim.SimConfig;
import io.phonectl.sim.inspect.InspectionApi;
import io.phonectl.sim.inspect.InspectionServer;
import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.schema.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The inspection API for xAPI devices, served on the phones' inspection port (one API, one port). */
class DeviceInspectionTest {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String SECRET = "s3cret-pw";
    static FleetHost phones;
    static XapiSimHost devices;
    static URI api;

    @BeforeAll
    static void start() throws Exception {
        phones = FleetHost.start(SimConfig.ephemeral(1, List.of("8845")));
        devices = XapiSimHost.start(XapiSimConfig.defaults(XapiProduct.ROOMOS, 2)
                .withUsers(List.of(new SimUser("admin", SECRET, Role.ADMIN), new SimUser("guest", SECRET, Role.USER)))
                .withRebootDowntime(Duration.ofMillis(50)));
        phones.inspection().orElseThrow().devices(devices.devices());
        api = phones.inspectionUri().orElseThrow();
    }

    @AfterAll
    static void stop() throws Exception {
        devices.close();
        phones.close();
    }

    @BeforeEach
    void reset() {
        assertThat(send("POST", "/reset", "").statusCode()).isEqualTo(200);
    }

    static HttpResponse<String> send(String method, String path, String body) {
        HttpRequest r = HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(20))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            return HTTP.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(path + ": " + e, e);
        }
    }

    static JsonNode ok(String method, String path, String body) {
        HttpResponse<String> r = send(method, path, body);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void listsDevicesNextToPhonesWithoutPasswords() {
        HttpResponse<String> raw = send("GET", "/devices", "");
        assertThat(raw.body()).doesNotContain(SECRET).doesNotContainIgnoringCase("password");
        JsonNode list = JSON.readTree(raw.body());
        assertThat(list.size()).isEqualTo(2);
        JsonNode d = list.get(1);
        assertThat(d.get("name").asString()).isEqualTo("xapi-0002");
        assertThat(d.get("product").asString()).isEqualTo(XapiProduct.ROOMOS.productName());
        assertThat(d.get("ws").asString()).isEqualTo(devices.device(1).wsUri().toString());
        assertThat(d.get("http").asString()).isEqualTo(devices.device(1).httpUri().toString());
        assertThat(d.get("users").get("admin").asString()).isEqualTo("ADMIN");
        assertThat(d.get("users").get("guest").asString()).isEqualTo("USER");
        assertThat(d.get("ready").asBoolean()).isTrue();
        assertThat(d.get("bootCount").asInt()).isEqualTo(1);
        assertThat(ok("GET", "/phones", "").size()).isEqualTo(1); // the phones are still served on the same port
    }

    @Test
    void showsTheWholeStateAsWebSocketJson() {
        JsonNode s = ok("GET", "/devices/xapi-0001", "");
        assertThat(s.get("status").get("Audio").get("Volume").asInt())
                .isEqualTo(devices.device(0).read(XPath.of("Status", "Audio", "Volume")).asInt());
        assertThat(s.get("configuration").isObject()).isTrue();
        assertThat(s.get("calls").isArray()).isTrue();
        assertThat(s.get("calls").size()).isZero();
        assertThat(s.get("sessions").size()).isZero();
        assertThat(s.get("received").size()).isZero();
        assertThat(s.toString()).doesNotContain(SECRET);
    }

    @Test
    void hangUpReachesAWebSocketSubscriberAsCallDisconnect() throws Exception {
        try (PlainWs ws = PlainWs.basic(devices.device(0).wsUri(), "admin", SECRET)) {
            long sub = ws.call("""
                    {"jsonrpc":"2.0","id":1,"method":"xFeedback/Subscribe","params":{"Query":["Event","CallDisconnect"]}}""")
                    .get("result").get("Id").asLong();
            int call = ws.call("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"xCommand/Dial\",\"params\":{\"Number\":\"x@y\"}}")
                    .get("result").get("CallId").asInt();
            JsonNode before = ok("GET", "/devices/xapi-0001", "");
            assertThat(before.get("calls").get(0).get("id").asInt()).isEqualTo(call);
            assertThat(before.get("sessions").get(0).get("role").asString()).isEqualTo("ADMIN");
            assertThat(before.get("sessions").get(0).get("subscriptions").get(String.valueOf(sub)).asString())
                    .isEqualTo("Event CallDisconnect");
            assertThat(before.get("received").get(0).get("call").asString()).isEqualTo("xFeedback Subscribe Event CallDisconnect");
            JsonNode dial = before.get("received").get(1);
            assertThat(dial.get("call").asString()).isEqualTo("xCommand Dial Number: x@y");
            assertThat(dial.get("role").asString()).isEqualTo("ADMIN");
            assertThat(dial.get("ok").asBoolean()).isTrue();
            assertThat(dial.get("result").get("CallId").asInt()).isEqualTo(call);

            JsonNode hung = ok("POST", "/devices/xapi-0001/hangup/" + call, "");
            assertThat(hung.get("known").asBoolean()).isTrue();
            JsonNode event = nextNotification(ws);
            assertThat(event.at("/params/Id").asLong()).isEqualTo(sub);
            assertThat(event.at("/params/Event/CallDisconnect/CallId").asInt()).isEqualTo(call);
            JsonNode after = ok("GET", "/devices/xapi-0001", "");
            assertThat(after.get("emitted").toString()).contains("CallDisconnect");
            assertThat(ok("POST", "/devices/xapi-0001/hangup/" + call, "").get("known").asBoolean()).isFalse();
        }
    }

    /** Skips the ghost/Status frames a hang-up may also produce for other subscriptions (there are none here). */
    private static JsonNode nextNotification(PlainWs ws) throws InterruptedException {
        for (int i = 0; i < 10; i++) {
            JsonNode m = ws.next();
            if ("xFeedback/Event".equals(m.path("method").asString())) return m;
        }
        throw new AssertionError("no xFeedback/Event within 10 messages");
    }

    @Test
    void statusChangeAndEventReachSubscribersAndTheLog() throws Exception {
        try (PlainWs ws = PlainWs.basic(devices.device(1).wsUri(), "admin", SECRET)) {
            ws.call("""
                    {"jsonrpc":"2.0","id":1,"method":"xFeedback/Subscribe","params":{"Query":["Status","Audio","Volume"]}}""");
            JsonNode changed = ok("POST", "/devices/xapi-0002/status/Audio/Volume", "17");
            assertThat(changed.get("known").asBoolean()).isTrue();
            assertThat(changed.at("/device/status/Audio/Volume").asInt()).isEqualTo(17);
            assertThat(nextNotification(ws).at("/params/Status/Audio/Volume").asInt()).isEqualTo(17);

            ws.call("""
                    {"jsonrpc":"2.0","id":2,"method":"xFeedback/Subscribe","params":{"Query":["Event","TestRaised"]}}""");
            ok("POST", "/devices/xapi-0002/event/TestRaised", "{\"Value\":\"a\"}");
            assertThat(nextNotification(ws).at("/params/Event/TestRaised/Value").asString()).isEqualTo("a");
            JsonNode emitted = ok("GET", "/devices/xapi-0002", "").get("emitted");
            assertThat(emitted.get(emitted.size() - 1).get("name").asString()).isEqualTo("TestRaised");
        }
    }

    @Test
    void resetRestoresStateAndEmptiesTheLog() {
        ok("POST", "/devices/xapi-0001/status/Audio/Volume", "3");
        ok("POST", "/devices/xapi-0001/event/X", "");
        ok("POST", "/reset", "");
        JsonNode s = ok("GET", "/devices/xapi-0001", "");
        assertThat(s.at("/status/Audio/Volume").asInt()).isNotEqualTo(3);
        assertThat(s.get("emitted").size()).isZero();
        ok("POST", "/devices/xapi-0001/status/Audio/Volume", "4");
        assertThat(ok("POST", "/devices/xapi-0001/reset", "").at("/device/status/Audio/Volume").asInt()).isNotEqualTo(4);
    }

    @Test
    void rebootCountsABootAndEmitsBootEvent() {
        int before = devices.device(1).bootCount();
        assertThat(ok("POST", "/devices/xapi-0002/reboot", "").get("effect").asString()).isEqualTo("rebooting");
        await().atMost(Duration.ofSeconds(10)).until(() -> devices.device(1).bootCount() == before + 1
                && !devices.device(1).rebooting());
        JsonNode s = ok("GET", "/devices/xapi-0002", "");
        assertThat(s.get("bootCount").asInt()).isEqualTo(before + 1);
        assertThat(s.get("emitted").toString()).contains("Shutdown").contains("BootEvent");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "GET|/devices/nobody|''|404",
            "POST|/devices/xapi-0001/fly|''|404",
            "GET|/devices/xapi-0001/reboot|''|405",
            "POST|/devices/xapi-0001/hangup/abc|''|404",
            "POST|/devices/xapi-0001/hangup|''|404",
            "POST|/devices/xapi-0001/status/Audio/Volume|''|400",
            "POST|/devices/xapi-0001/status/Audio/Volume|{not json|400",
            "POST|/devices/xapi-0001/status/Audio/**|1|400",
            "POST|/devices/xapi-0001/event/X|[1,|400",
            "POST|/devices/xapi-0001/reboot/now|''|404",
    })
    void refusesMalformedRequestsWithJsonErrors(String method, String path, String body, int status) {
        HttpResponse<String> r = send(method, path, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(JSON.readTree(r.body()).get("error").asString()).isNotBlank();
    }

    @Test
    void refusedRequestsAreLoggedWithTheirErrorAndSecretsHidden() throws Exception {
        try (PlainWs ws = PlainWs.basic(devices.device(0).wsUri(), "guest", SECRET)) {
            JsonNode refused = ws.call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"xCommand/SystemUnit/Boot\",\"params\":{}}");
            assertThat(refused.get("error").get("code").asInt()).isEqualTo(-31999);
            ws.call("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"xFeedback/Unsubscribe\",\"params\":{\"Id\":77}}");
        }
        JsonNode received = ok("GET", "/devices/xapi-0001", "").get("received");
        assertThat(received.get(0).get("ok").asBoolean()).isFalse();
        assertThat(received.get(0).get("role").asString()).isEqualTo("USER");
        assertThat(received.get(0).get("error").asString()).startsWith("-31999");
        assertThat(received.get(1).get("call").asString()).isEqualTo("xFeedback Unsubscribe Id: 77");
        assertThat(received.get(1).get("error").asString()).startsWith("-32602");
        assertThat(RpcDispatcher.describe(io.phonectl.xapi.call.XapiCalls.fromRequest("xCommand/UserManagement/User/Add",
                io.phonectl.xapi.rpc.RpcCodec.readTree("{\"Username\":\"u\",\"Passphrase\":\"hunter2\"}"))))
                .contains("Username: u").contains("Passphrase: ***").doesNotContain("hunter2");
    }

    @Test
    void phoneOsCallsAreShownPerLineAndHangUpEndsThem() throws Exception {
        try (XapiSimHost phoneOs = XapiSimHost.start(XapiSimConfig.defaults(XapiProduct.PHONEOS, 1))) {
            InspectionApi only = InspectionApi.forDevices(phoneOs.devices());
            assertThat(phoneOs.device(0).terminal("xCommand Call Dial Number: 5000", Role.ADMIN)).contains("OK");
            JsonNode state = JSON.readTree(only.handle("GET", "/devices/xapi-0001", null, new byte[0]).body());
            assertThat(state.get("ws").isNull()).isTrue();
            assertThat(state.get("calls").size()).isEqualTo(1);
            assertThat(state.get("calls").get(0).get("LineId").asInt()).isEqualTo(1);
            int id = state.get("calls").get(0).get("id").asInt();
            JsonNode hung = JSON.readTree(only.handle("POST", "/devices/xapi-0001/hangup/" + id, null, new byte[0]).body());
            assertThat(hung.get("known").asBoolean()).isTrue();
            assertThat(hung.at("/device/calls").size()).isZero();
            assertThat(hung.at("/device/emitted").toString()).contains("SipCallDisconnect");
        }
    }

    @Test
    void unknownStatusPathIsReportedNotCreated() {
        JsonNode r = ok("POST", "/devices/xapi-0001/status/Audio/NoSuchLeaf", "1");
        assertThat(r.get("known").asBoolean()).isFalse();
        assertThat(r.at("/device/status/Audio/NoSuchLeaf").isMissingNode()).isTrue();
    }

    @Test
    void devicesOnlyProcessServesTheSameApiOnItsOwnListener() throws Exception {
        try (InspectionServer server = InspectionServer.start("127.0.0.1", 0, InspectionApi.forDevices(devices.devices()))) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(server.uri().resolve("/devices")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(JSON.readTree(r.body()).size()).isEqualTo(2);
            HttpResponse<String> p = HTTP.send(HttpRequest.newBuilder(server.uri().resolve("/phones")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(JSON.readTree(p.body()).size()).isZero();
        }
    }
}
