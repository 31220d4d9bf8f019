package io.phonectl.client.http;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.cucm.CucmClientConfig;
import io.phonectl.client.cucm.CucmClientException;
import io.phonectl.client.cucm.CucmTransport;
import io.phonectl.client.fleet.FleetConfig;
import io.phonectl.client.fleet.FleetPush;
import io.phonectl.client.fleet.FleetReport;
import io.phonectl.client.fleet.PhoneResult;
import io.phonectl.client.inventory.Inventory;
import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.client.testing.HostilePeer;
import io.phonectl.client.testing.StubPhones;
import io.phonectl.client.xapi.XapiClient;
import io.phonectl.client.xapi.XapiClientConfig;
import io.phonectl.client.xapi.XapiClientException;
import io.phonectl.client.xapi.XapiHttpClient;
import io.phonectl.client.xsi.DevicePage;
import io.phonectl.client.xsi.OutcomeKind;
import io.phonectl.client.xsi.PushOutcome;
import io.phonectl.client.xsi.QueryResult;
import io.phonectl.client.xsi.TransportConfig;
import io.phonectl.client.xsi.XsiClient;
import io.phonectl.client.xsi.XsiTransport;
import io.phonectl.client.tls.TlsPolicy;
import io.phonectl.xapi.path.XPath;
import io.phonectl.xsi.object.Execute;
import io.phonectl.xsi.push.XsiPush;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Every client against peers that send headers or a body without end, or an ordinary web page (issue 16): each costs
 * one failed exchange with a message that says why, in bounded time. This class runs in its own JVM with a 64 MiB heap
 * (the {@code small-heap} surefire execution), so an unbounded read fails it with OutOfMemoryError at once.
 */
@Tag("small-heap")
class HostilePeersTest {

    static final Credentials ALICE = Credentials.of("alice", "pw");
    static final XsiPush PUSH = XsiPush.of(Execute.of("Key:Services"));
    static final Duration BOUND = Duration.ofSeconds(30);

    @Test
    void theHeapIsSmall() {
        // the guard of this class: without it an unbounded read would not fail fast
        assertThat(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax()).isLessThanOrEqualTo(96L << 20);
    }

    @Test
    void xsiPushToAPhoneThatSendsHeadersForeverIsOneMalformedOutcome() throws Exception {
        try (HostilePeer peer = HostilePeer.start(HostilePeer.Behavior.HEADERS_FOREVER);
             XsiTransport transport = XsiTransport.start(TransportConfig.DEFAULTS)) {
            PushOutcome o = assertTimeoutPreemptively(BOUND, () -> XsiClient.of(transport, peer.address(), ALICE)
                    .push(PUSH, Duration.ofSeconds(20)));
            assertThat(o.kind()).as(o.detail()).isEqualTo(OutcomeKind.MALFORMED);
            assertThat(o.detail()).contains("headers larger than the " + TransportConfig.DEFAULTS.maxHeaderBytes());
        }
    }

    @Test
    void xsiPushToAPhoneThatSendsABodyForeverIsOneMalformedOutcome() throws Exception {
        try (HostilePeer peer = HostilePeer.start(HostilePeer.Behavior.BODY_FOREVER);
             XsiTransport transport = XsiTransport.start(TransportConfig.DEFAULTS)) {
            PushOutcome o = assertTimeoutPreemptively(BOUND, () -> XsiClient.of(transport, peer.address(), ALICE)
                    .push(PUSH, Duration.ofSeconds(20)));
            assertThat(o.kind()).as(o.detail()).isEqualTo(OutcomeKind.MALFORMED);
            assertThat(o.detail()).contains("answer larger than " + TransportConfig.DEFAULTS.maxAnswerBytes());
        }
    }

    @Test
    void aDevicePageThatIsAnHtmlPageIsRefusedUnread() throws Exception {
        try (HostilePeer peer = HostilePeer.start(HostilePeer.Behavior.FIXED);
             XsiTransport transport = XsiTransport.start(TransportConfig.DEFAULTS)) {
            for (DevicePage<?> page : DevicePage.ALL) {
                QueryResult<?> r = XsiClient.of(transport, peer.address(), ALICE).page(page, page.firstIndex());
                assertThat(r).as(page.name()).isInstanceOfSatisfying(QueryResult.Failed.class, f -> {
                    assertThat(f.outcome().kind()).isEqualTo(OutcomeKind.MALFORMED);
                    assertThat(f.outcome().detail()).contains("an HTML page, not the " + page.root() + " document");
                });
            }
        }
    }

    @Test
    void aFleetWithOneHostilePhoneGivesEveryPhoneItsOutcomeByTheDeadline() throws Exception {
        int good = 20;
        try (HostilePeer headers = HostilePeer.start(HostilePeer.Behavior.HEADERS_FOREVER);
             HostilePeer body = HostilePeer.start(HostilePeer.Behavior.BODY_FOREVER);
             StubPhones stubs = StubPhones.start(good, i -> StubPhones.success());
             XsiTransport transport = XsiTransport.start(TransportConfig.DEFAULTS)) {
            List<PhoneEntry> phones = new ArrayList<>();
            phones.add(new PhoneEntry("headers-forever", headers.address(), "CP-8845", "", ""));
            phones.add(new PhoneEntry("body-forever", body.address(), "CP-8845", "", ""));
            for (int i = 0; i < good; i++) {
                phones.add(new PhoneEntry("p" + i, stubs.address(i), "CP-8845", "", ""));
            }
            FleetPush push = FleetPush.builder(transport).credentials(p -> ALICE)
                    .config(FleetConfig.DEFAULTS.withDeadline(Duration.ofSeconds(20))).build();
            FleetReport report = assertTimeoutPreemptively(BOUND, () -> push.run(new Inventory(phones), PUSH));
            assertThat(report.results()).hasSize(good + 2);
            assertThat(report.results().stream().filter(r -> r.outcome().succeeded())).hasSize(good);
            assertThat(report.results().stream().filter(r -> r.phone().name().endsWith("-forever"))
                    .map(PhoneResult::outcome).map(PushOutcome::kind)).containsOnly(OutcomeKind.MALFORMED);
        }
    }

    @Test
    void xapiOverHttpRefusesEndlessHeadersAndHtmlPages() throws Exception {
        try (HostilePeer peer = HostilePeer.start(HostilePeer.Behavior.HEADERS_FOREVER);
             XapiHttpClient c = XapiHttpClient.of(URI.create("http://127.0.0.1:" + peer.port()), "admin", "")) {
            assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(() -> c.get(XPath.of("Status")))
                    .isInstanceOf(XapiClientException.Protocol.class).hasMessageContaining("headers over the"));
        }
        try (HostilePeer peer = HostilePeer.start(HostilePeer.Behavior.BODY_FOREVER);
             XapiHttpClient c = XapiHttpClient.of(URI.create("http://127.0.0.1:" + peer.port()), "admin", "")) {
            assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(() -> c.get(XPath.of("Status")))
                    .isInstanceOf(XapiClientException.Protocol.class).hasMessageContaining("byte cap"));
        }
        try (HostilePeer peer = HostilePeer.start(HostilePeer.Behavior.FIXED);
             XapiHttpClient c = XapiHttpClient.of(URI.create("http://127.0.0.1:" + peer.port()), "admin", "")) {
            assertThatThrownBy(() -> c.get(XPath.of("Status", "SystemUnit", "ProductId")))
                    .isInstanceOf(XapiClientException.Protocol.class)
                    .hasMessageContaining("a <html> document, not <Status>");
        }
    }

    @Test
    void xapiWebSocketUpgradeRefusesEndlessHeaders() throws Exception {
        try (HostilePeer peer = HostilePeer.start(HostilePeer.Behavior.HEADERS_FOREVER)) {
            XapiClientConfig config = XapiClientConfig.builder("ws://127.0.0.1:" + peer.port())
                    .requestTimeout(Duration.ofSeconds(20)).connectTimeout(Duration.ofSeconds(20)).reconnect(false)
                    .build();
            assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(() -> XapiClient.connect(config).close())
                    .isInstanceOf(XapiClientException.class));
        }
    }

    @Test
    void cucmTransportRefusesEndlessHeaders() throws Exception {
        try (HostilePeer peer = HostilePeer.start(HostilePeer.Behavior.HEADERS_FOREVER)) {
            CucmClientConfig config = CucmClientConfig.builder("127.0.0.1", ALICE).port(peer.port()).plainHttp()
                    .tls(TlsPolicy.verify()).timeout(Duration.ofSeconds(20)).build();
            try (CucmTransport t = new CucmTransport(config)) {
                assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(() -> t.post("AXL", "roles",
                        config.uri("127.0.0.1", "/axl/"), "x", "<x/>".getBytes(StandardCharsets.UTF_8)))
                        .isInstanceOf(CucmClientException.class));
            }
        }
    }
}
