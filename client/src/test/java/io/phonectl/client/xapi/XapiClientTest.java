package io.phonectl.client.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.phonectl.sim.xapi.SimUser;
import io.phonectl.sim.xapi.XapiProduct;
import io.phonectl.xapi.schema.Role;
import io.phonectl.sim.xapi.XapiSimConfig;
import io.phonectl.sim.xapi.XapiSimHost;
import io.phonectl.xapi.XapiRpcException;
import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.rpc.RpcCodec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** XapiClient against the simulator: every operation, feedback routing, typed errors, failed upgrades. */
class XapiClientTest {
    static XapiSimHost host;
    static XapiSimHost phones;

    @BeforeAll
    static void start() throws Exception {
        host = XapiSimHost.start(XapiSimConfig.defaults(XapiProduct.ROOMOS, 2)
                .withUsers(List.of(new SimUser("admin", "secret", Role.ADMIN))));
        phones = XapiSimHost.start(XapiSimConfig.defaults(XapiProduct.PHONEOS, 1));
    }

    @AfterAll
    static void stop() throws Exception {
        host.close();
        phones.close();
    }

    static XapiClientConfig.Builder config(int device) {
        return XapiClientConfig.builder(host.device(device).wsUri()).credentials("admin", "secret");
    }

    @ParameterizedTest
    @EnumSource(XapiClientConfig.Auth.class)
    void everyOperation(XapiClientConfig.Auth auth) throws Exception {
        try (XapiClient c = XapiClient.connect(config(0).auth(auth).build())) {
            assertThat(c.get(XPath.of("Status", "SystemUnit", "Uptime")).asInt()).isEqualTo(62974);
            assertThat(c.get(XPath.of("status", "systemunit", "hardware", "monitoring", "fan", 2, "status")).asString())
                    .isEqualTo("2372 rpm");
            assertThat(c.query(XPath.of("Status", "**", "DisplayName"))).isEqualTo(RpcCodec.readTree("""
                    {"Status":{"SIP":{"CallForward":{"DisplayName":"my-name"}},
                     "SystemUnit":{"Software":{"DisplayName":"ce 9.7.1 ..."}}}}"""));
            c.set(XPath.of("Configuration", "Audio", "DefaultVolume"), 60);
            assertThat(c.get(XPath.of("Configuration", "Audio", "DefaultVolume")).asInt()).isEqualTo(60);
            JsonAssert.sameTree(c.command(XPath.of("Presentation", "Start"),
                    Map.of("ConnectorId", List.of(2, 3), "Layout", "Equal")), "{\"Instance\":1}");
            c.command(XPath.of("Presentation", "Stop"), Map.of("Instance", 1));
            String banner = "You need admin credentials to continue.\nContact the IT Help Desk for more information.";
            JsonAssert.sameTree(c.command(XPath.of("SystemUnit", "SignInBanner", "Set"), Map.of(), banner),
                    "{\"status\":\"OK\"}");
            assertThat(host.device(0).signInBanner()).isEqualTo(banner);
        }
    }

    @Test
    void deviceErrorsAreTyped() {
        try (XapiClient c = XapiClient.connect(config(0).build())) {
            assertThatThrownBy(() -> c.command(XPath.of("Dial"), Map.of("Number", "alice@example.com",
                    "Protocol", "H320")))
                    .isInstanceOfSatisfying(XapiRpcException.CommandError.class, e -> {
                        assertThat(e.code()).isEqualTo(1);
                        assertThat(e.deviceCause()).hasValue(21);
                        assertThat(e.error().message()).isEqualTo("Not paired with isdn link");
                    });
            assertThatThrownBy(() -> c.get(XPath.of("Status", "NoSuchThing")))
                    .isInstanceOf(XapiRpcException.InvalidParams.class);
            assertThatThrownBy(() -> c.command(XPath.of("No", "Such"), Map.of()))
                    .isInstanceOf(XapiRpcException.MethodNotFound.class);
        }
    }

    @Test
    void feedbackIsRoutedBySubscriptionId() throws Exception {
        BlockingQueue<XapiFeedback> a = new LinkedBlockingQueue<>();
        BlockingQueue<XapiFeedback> b = new LinkedBlockingQueue<>();
        try (XapiClient c = XapiClient.connect(config(1).build())) {
            XapiSubscription sa = c.subscribe(XPath.of("Status", "Audio", "Volume"), true, a::add);
            XapiSubscription sb = c.subscribe(XPath.of("Status", "Audio"), false, b::add);
            XapiFeedback first = a.poll(5, TimeUnit.SECONDS);
            assertThat(first.current()).isTrue();
            JsonAssert.sameTree(first.json(), "{\"Status\":{\"Audio\":{\"Volume\":50}}}");
            c.command(XPath.of("Audio", "Volume", "Set"), Map.of("Level", 42));
            XapiFeedback fa = a.poll(5, TimeUnit.SECONDS);
            XapiFeedback fb = b.poll(5, TimeUnit.SECONDS);
            assertThat(fa.subscription()).isSameAs(sa);
            assertThat(fb.subscription()).isSameAs(sb);
            assertThat(fa.current()).isFalse();
            JsonAssert.sameTree(fa.json(), "{\"Status\":{\"Audio\":{\"Volume\":42}}}");
            assertThat(a).isEmpty(); // exactly one notification each: no double delivery by path
            sa.close();
            c.command(XPath.of("Audio", "Volume", "Set"), Map.of("Level", 43));
            assertThat(b.poll(5, TimeUnit.SECONDS)).isNotNull();
            c.get(XPath.of("Status", "Audio", "Volume")); // a round trip after the change: a's notification would be here
            assertThat(a).isEmpty();
        }
    }

    @Test
    void callEventsAndGhostsReachTheClient() throws Exception {
        BlockingQueue<XapiFeedback> calls = new LinkedBlockingQueue<>();
        BlockingQueue<XapiFeedback> events = new LinkedBlockingQueue<>();
        try (XapiClient c = XapiClient.connect(config(1).build())) {
            c.subscribe(XPath.of("Status", "Call"), false, calls::add);
            c.subscribe(XPath.of("Event", "CallDisconnect"), false, events::add);
            int callId = c.command(XPath.of("Dial"), Map.of("Number", "bob@example.com")).get("CallId").asInt();
            XapiFeedback added = calls.poll(5, TimeUnit.SECONDS);
            assertThat(added.json().at("/Status/Call/0/id").asInt()).isEqualTo(callId);
            assertThat(added.json().at("/Status/Call/0/Status").asString()).isEqualTo("Connected");
            assertThat(host.device(1).hangUp(callId)).isTrue();
            XapiFeedback ghost = calls.poll(5, TimeUnit.SECONDS);
            JsonAssert.sameTree(ghost.json(), "{\"Status\":{\"Call\":[{\"id\":" + callId + ",\"ghost\":\"True\"}]}}");
            XapiFeedback ev = events.poll(5, TimeUnit.SECONDS);
            assertThat(ev.json().at("/Event/CallDisconnect/CallId").asInt()).isEqualTo(callId);
        }
    }

    @Test
    void largeMessagesUpToTheConfiguredSize() throws Exception {
        BlockingQueue<XapiFeedback> events = new LinkedBlockingQueue<>();
        try (XapiClient c = XapiClient.connect(config(1).build())) {
            c.subscribe(XPath.of("Event", "Big"), false, events::add);
            String payload = "x".repeat(6 * 1024 * 1024);
            host.device(1).raiseEvent("Big", RpcCodec.nodes().objectNode().put("Data", payload));
            XapiFeedback e = events.poll(10, TimeUnit.SECONDS);
            assertThat(e.json().at("/Event/Big/Data").asString()).hasSize(payload.length());
        }
    }

    @Test
    void failedUpgradesAreExplained() {
        var wrong = config(0).credentials("admin", "nope").build();
        assertThatThrownBy(() -> XapiClient.connect(wrong))
                .isInstanceOfSatisfying(XapiClientException.Connect.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(403);
                    assertThat(e.getMessage()).contains("wrong username or password").doesNotContain("nope");
                });
        var phone = XapiClientConfig.builder(phones.device(0).wsUri()).build();
        assertThatThrownBy(() -> XapiClient.connect(phone))
                .isInstanceOfSatisfying(XapiClientException.Connect.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.getMessage()).contains("NetworkServices Websocket: FollowHTTPService");
                });
        assertThat(UpgradeFailures.message(503)).contains("rate limit");
        assertThat(UpgradeFailures.message(401)).contains("HTTP Mode");
    }

    @Test
    void configLimits() {
        assertThatThrownBy(() -> config(0).maxMessageBytes(XapiClientConfig.MIN_MESSAGE - 1).build())
                .hasMessageContaining("maxMessageBytes");
        assertThat(config(0).maxMessageBytes(XapiClientConfig.MIN_MESSAGE).build().maxMessageBytes())
                .isEqualTo(XapiClientConfig.MIN_MESSAGE);
        assertThatThrownBy(() -> XapiClientConfig.builder("http://x/ws").build()).hasMessageContaining("ws or wss");
        assertThatThrownBy(() -> config(0).pinnedCertificate("abc").build()).hasMessageContaining("64 hex");
        assertThat(config(0).build().toString()).doesNotContain("secret");
        assertThat(XapiClientConfig.builder("ws://127.0.0.1/anything").build().uri().getPath()).isEqualTo("/ws");
    }

    @Test
    void callsAfterCloseFailFast() {
        XapiClient c = XapiClient.connect(config(0).build());
        c.close();
        assertThatThrownBy(() -> c.get(XPath.of("Status", "Audio", "Volume")))
                .isInstanceOf(XapiClientException.Disconnected.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> host.device(0).openSessions() == 0);
    }
}
