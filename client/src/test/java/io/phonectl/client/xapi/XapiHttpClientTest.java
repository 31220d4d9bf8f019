package io.phonectl.client.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.phonectl.client.testing.StubPhones;
import io.phonectl.sim.xapi.SimUser;
import io.phonectl.sim.xapi.XapiProduct;
import io.phonectl.sim.xapi.XapiSimConfig;
import io.phonectl.sim.xapi.XapiSimHost;
import io.phonectl.xapi.XapiRpcException;
import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.schema.Role;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The HTTP API client and the HttpFeedback receiver against a simulated PhoneOS phone (its only transport). */
class XapiHttpClientTest {
    static XapiSimHost phones;

    @BeforeAll
    static void start() throws Exception {
        phones = XapiSimHost.start(XapiSimConfig.defaults(XapiProduct.PHONEOS, 2)
                .withUsers(List.of(new SimUser("xapi", "pw", Role.ADMIN), new SimUser("u", "u", Role.USER)))
                .withRebootDowntime(Duration.ofMillis(50)));
    }

    @AfterAll
    static void stop() throws Exception {
        phones.close();
    }

    static XapiHttpClient client(int i) {
        return XapiHttpClient.of(phones.device(i).httpUri(), "xapi", "pw");
    }

    @Test
    void getCommandSet() {
        try (XapiHttpClient c = client(0)) {
            assertThat(c.getxml(XPath.of("Status", "SystemUnit", "ProductId")).at("/Status/SystemUnit/ProductId")
                    .asString()).isEqualTo("DP-9841");
            // get answers relative to the path, as the WebSocket's xGet does, whatever casing the caller used
            assertThat(c.get(XPath.of("status", "systemunit", "productid")).asString()).isEqualTo("DP-9841");
            assertThat(c.get(XPath.of("Status", "Network", "IPv4", "Address")).asString()).isEqualTo("192.0.2.149");
            assertThatThrownBy(() -> c.get(XPath.of("Status", "NoSuchThing")))
                    .isInstanceOfSatisfying(XapiRpcException.class, e -> assertThat(e.code()).isEqualTo(-32602));
            JsonAssert.sameTree(c.command(XPath.of("Call", "Dial"), Map.of("Number", "5000")),
                    "{\"CallId\":0,\"LineId\":1}"); // seed 002 "Place a Call"
            c.set(XPath.of("Configuration", "SystemUnit", "Name"), "lobby");
            assertThat(c.get(XPath.of("Configuration", "SystemUnit", "Name")).asString()).isEqualTo("lobby");
            assertThatThrownBy(() -> c.command(XPath.of("Ui", "SendKey"), Map.of()))
                    .isInstanceOf(XapiRpcException.CommandError.class).hasMessageContaining("Key");
        }
    }

    @Test
    void refusedCredentialsAreExplained() {
        try (XapiHttpClient c = XapiHttpClient.of(phones.device(0).httpUri(), "xapi", "wrong")) {
            assertThatThrownBy(() -> c.get(XPath.of("Status")))
                    .isInstanceOfSatisfying(XapiClientException.Connect.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(401);
                        assertThat(e.getMessage()).contains("xAPI account").doesNotContain("wrong");
                    });
        }
        try (XapiHttpClient c = XapiHttpClient.of(phones.device(0).httpUri(), "u", "u")) {
            assertThatThrownBy(() -> c.command(XPath.of("SystemUnit", "Boot"), Map.of()))
                    .isInstanceOf(XapiRpcException.class).hasMessageContaining("Permission");
        }
    }

    @Test
    void anUnreadableAnswerIsAClientProtocolErrorNotADeviceError() throws Exception {
        try (StubPhones stub = StubPhones.one(StubPhones.fixed(200, "text/xml", "<Status><Unclosed></Status>"));
             XapiHttpClient c = XapiHttpClient.of(java.net.URI.create("http://" + stub.address(0)), "xapi", "pw")) {
            assertThatThrownBy(() -> c.get(XPath.of("Status", "SystemUnit")))
                    .isInstanceOf(XapiClientException.Protocol.class).hasMessageContaining("unreadable XML answer")
                    .isNotInstanceOf(XapiRpcException.class);
            assertThatThrownBy(() -> c.command(XPath.of("Call", "Dial"), Map.of("Number", "1")))
                    .isInstanceOf(XapiClientException.Protocol.class);
        }
    }

    @ParameterizedTest
    @EnumSource(HttpFeedbackEvent.Format.class)
    void httpFeedbackPostsBecomeTypedEvents(HttpFeedbackEvent.Format format) throws Exception {
        BlockingQueue<HttpFeedbackEvent> got = new LinkedBlockingQueue<>();
        try (HttpFeedbackReceiver rx = new HttpFeedbackReceiver("127.0.0.1", 0, got::add);
             XapiHttpClient c = client(1)) {
            rx.register(c, 1, format, List.of("/Event/SipCallSuccessful", "/Event/SipCallDisconnect",
                    "/Event/BootEvent", "/Status/Line/Call"), "desk-" + format);
            assertThat(c.get(XPath.of("Status", "HttpFeedback", 1, "URL")).toString()).contains("/feedback/desk-");
            int callId = c.command(XPath.of("Call", "Dial"), Map.of("Number", "5001")).get("CallId").asInt();
            HttpFeedbackEvent status = got.poll(5, TimeUnit.SECONDS);
            HttpFeedbackEvent event = got.poll(5, TimeUnit.SECONDS);
            assertThat(status.format()).isEqualTo(format);
            assertThat(status.key()).isEqualTo("desk-" + format);
            assertThat(status.document()).isEqualTo("Status");
            assertThat(status.json().at("/Status/Line/0/Call/0/PeerPhone").asString()).isEqualTo("5001");
            assertThat(event.json().at("/Event/SipCallSuccessful/CallId").asInt()).isEqualTo(callId);
            assertThat(event.identification().path("ProductID").asString()).isEqualTo("DP-9841");
            assertThat(phones.device(1).hangUp(callId)).isTrue();
            HttpFeedbackEvent ghost = got.poll(5, TimeUnit.SECONDS);
            assertThat(ghost.json().at("/Status/Line/0/Call/0/ghost").asString()).isEqualTo("True");
            assertThat(got.poll(5, TimeUnit.SECONDS).json().at("/Event/SipCallDisconnect/CallId").asInt())
                    .isEqualTo(callId);
            // registrations survive a reboot: the BootEvent arrives after the restart
            c.command(XPath.of("SystemUnit", "Boot"), Map.of());
            HttpFeedbackEvent boot = got.poll(10, TimeUnit.SECONDS);
            assertThat(boot.json().at("/Event/BootEvent/Level").asString()).isEqualTo("Restart");
            await().atMost(Duration.ofSeconds(5)).until(() -> !phones.device(1).rebooting());
            rx.deregister(c, 1);
        }
    }

    static IntStream seeds() { return IntStream.range(0, 8); }

    @ParameterizedTest
    @MethodSource("seeds")
    void mutatedPostsAreRejectedNeverThrown(int seed) {
        Random rnd = new Random(seed);
        String[] bases = {"<Event><Identification><ProductID>DP-9841</ProductID></Identification><SipCallSuccessful>"
                + "<CallId>0</CallId></SipCallSuccessful></Event>",
            "{\"Status\":{\"Identification\":{\"ProductID\":\"x\"},\"Line\":[{\"Call\":[{\"id\":0,\"ghost\":\"True\"}],\"id\":1}]}}"};
        for (int i = 0; i < 200; i++) {
            char[] c = bases[rnd.nextInt(2)].toCharArray();
            for (int k = 0; k < 1 + rnd.nextInt(5); k++) c[rnd.nextInt(c.length)] = (char) (32 + rnd.nextInt(95));
            String body = new String(c);
            HttpFeedbackEvent e = HttpFeedbackReceiver.read("k", "", body);
            if (e != null) assertThat(e.document()).isIn("Status", "Configuration", "Event");
        }
    }
}
