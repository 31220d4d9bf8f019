package io.phonectl.client.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.phonectl.sim.xapi.XapiProduct;
import io.phonectl.sim.xapi.XapiSimConfig;
import io.phonectl.sim.xapi.XapiSimHost;
import io.phonectl.xapi.path.XPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Many clients on one {@link XapiClients}: one set of Jetty clients and threads however many devices are connected,
 * each client's calls and feedback its own, one client's slow listener not holding back another's.
 */
class XapiClientsTest {
    static final int DEVICES = 20;
    static XapiSimHost host;

    @BeforeAll
    static void start() throws Exception {
        host = XapiSimHost.start(XapiSimConfig.defaults(XapiProduct.ROOMOS, DEVICES));
    }

    @AfterAll
    static void stop() throws Exception {
        host.close();
    }

    static XapiClientConfig config(int device) {
        return XapiClientConfig.builder(host.device(device).wsUri()).build();
    }

    private static void closeAll(List<XapiClient> clients) {
        clients.forEach(XapiClient::close);
    }

    @Test
    void twentyClientsStartFewerThreadsThanTwoOfTheirOwnWould() throws Exception {
        int before = Thread.activeCount();
        List<XapiClient> clients = new ArrayList<>();
        try (XapiClients shared = new XapiClients("test-xapi")) {
            for (int i = 0; i < DEVICES; i++) {
                clients.add(shared.connect(config(i)));
            }
            for (XapiClient c : clients) {
                assertThat(c.get(XPath.of("Status", "SystemUnit", "Uptime")).asInt()).isEqualTo(62974);
            }
            // a client of its own starts a timer, a dispatch thread and Jetty's pool, selector and scheduler
            assertThat(Thread.activeCount() - before).as("threads started for %d clients", DEVICES)
                    .isLessThan(20);
            assertThat(shared.connectors()).isEqualTo(1);
            closeAll(clients);
        }
    }

    @Test
    void eachClientGetsItsOwnFeedbackAndASlowListenerHoldsBackOnlyItsOwnClient() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        BlockingQueue<XapiFeedback> fast = new LinkedBlockingQueue<>();
        BlockingQueue<XapiFeedback> slowSeen = new LinkedBlockingQueue<>();
        List<XapiClient> clients = new ArrayList<>();
        try (XapiClients shared = new XapiClients("test-xapi")) {
            XapiClient slow = shared.connect(config(0));
            XapiClient quick = shared.connect(config(1));
            clients.add(slow);
            clients.add(quick);
            slow.subscribe(XPath.of("Status", "Audio", "Volume"), false, f -> {
                slowSeen.add(f);
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            quick.subscribe(XPath.of("Status", "Audio", "Volume"), false, fast::add);

            slow.command(XPath.of("Audio", "Volume", "Set"), Map.of("Level", 31));
            assertThat(slowSeen.poll(5, TimeUnit.SECONDS)).isNotNull(); // its listener now blocks
            slow.command(XPath.of("Audio", "Volume", "Set"), Map.of("Level", 32)); // queued behind it
            quick.command(XPath.of("Audio", "Volume", "Set"), Map.of("Level", 41));

            XapiFeedback f = fast.poll(5, TimeUnit.SECONDS);
            assertThat(f).as("the other client's listener ran while the first one blocked").isNotNull();
            JsonAssert.sameTree(f.json(), "{\"Status\":{\"Audio\":{\"Volume\":41}}}");
            assertThat(slowSeen).isEmpty();
            release.countDown();
            XapiFeedback second = slowSeen.poll(5, TimeUnit.SECONDS);
            JsonAssert.sameTree(second.json(), "{\"Status\":{\"Audio\":{\"Volume\":32}}}");
            assertThat(fast).isEmpty();
            closeAll(clients);
        }
    }

    @Test
    void closingOneClientLeavesTheOthersAndClosedSharedClientsRefuseToConnect() {
        XapiClients shared = new XapiClients("test-xapi");
        XapiClient a = shared.connect(config(2));
        XapiClient b = shared.connect(config(3));
        a.close();
        assertThat(b.get(XPath.of("Status", "SystemUnit", "Uptime")).asInt()).isEqualTo(62974);
        b.close();
        shared.close();

        assertThatThrownBy(() -> shared.connect(config(4)))
                .isInstanceOf(XapiClientException.Connect.class)
                .hasMessageContaining("test-xapi: the shared xAPI clients are closed");
    }

    @Test
    void closingTheSharedClientsDropsAConnectionLeftOpenAndItStaysDown() {
        XapiClients shared = new XapiClients("test-xapi");
        XapiClient left = shared.connect(XapiClientConfig.builder(host.device(8).wsUri()).reconnect(true)
                .backoff(Duration.ofMillis(10), Duration.ofMillis(20)).build());
        await().atMost(Duration.ofSeconds(5)).until(() -> host.device(8).openSessions() == 1);

        shared.close();

        await().atMost(Duration.ofSeconds(5)).until(() -> !left.connected() && host.device(8).openSessions() == 0);
        // no reconnect through the stopped clients: still down a few backoffs later
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5))
                .until(() -> host.device(8).openSessions() == 0);
        left.close();
    }

    @Test
    void clientsWithOtherTlsSettingsGetJettyClientsOfTheirOwn() {
        try (XapiClients shared = new XapiClients("test-xapi")) {
            XapiClient verify = shared.connect(config(5));
            XapiClient trustAll = shared.connect(XapiClientConfig.builder(host.device(6).wsUri())
                    .trustAll().build());
            XapiClient again = shared.connect(config(7));

            assertThat(shared.connectors()).isEqualTo(2);
            closeAll(List.of(verify, trustAll, again));
        }
    }
}
