package io.phonectl.client.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.phonectl.sim.xapi.XapiProduct;
import io.phonectl.sim.xapi.XapiSimConfig;
import io.phonectl.sim.xapi.XapiSimHost;
import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.rpc.RpcCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.junit.jupiter.api.Test;

/** Reboot mid-stream, timeouts, and a device that stops answering. */
class XapiClientReconnectTest {

    @Test
    void rebootMidStreamFailsPendingCallsAndBringsSubscriptionsBack() throws Exception {
        XapiSimConfig cfg = XapiSimConfig.defaults(XapiProduct.ROOMOS, 1)
                .withNotReadyWindow(Duration.ofMillis(150)).withRebootDowntime(Duration.ofMillis(100));
        try (XapiSimHost host = XapiSimHost.start(cfg);
             XapiClient c = XapiClient.connect(XapiClientConfig.builder(host.device(0).wsUri())
                     .requestTimeout(Duration.ofSeconds(60)) // a hanging call must not be rescued by its timeout
                     .backoff(Duration.ofMillis(20), Duration.ofMillis(200)).build())) {
            await().atMost(Duration.ofSeconds(5)).until(host.device(0)::ready); // past the first Not Ready window
            BlockingQueue<XapiFeedback> volume = new LinkedBlockingQueue<>();
            BlockingQueue<XapiFeedback> events = new LinkedBlockingQueue<>();
            BlockingQueue<XapiClient.ConnectionEvent> link = new LinkedBlockingQueue<>();
            c.onConnection(link::add);
            XapiSubscription sv = c.subscribe(XPath.of("Status", "Audio", "Volume"), false, volume::add);
            c.subscribe(XPath.of("Event", "Shutdown"), false, events::add);
            long oldId = sv.deviceId();

            List<CompletableFuture<?>> inFlight = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                inFlight.add(c.callAsync(new io.phonectl.xapi.call.XapiCall.Get(XPath.of("Status", "SystemUnit", "Uptime"))));
            }
            c.command(XPath.of("SystemUnit", "Boot"), Map.of());
            for (int i = 0; i < 200; i++) {
                inFlight.add(c.callAsync(new io.phonectl.xapi.call.XapiCall.Get(XPath.of("Status", "SystemUnit", "Uptime"))));
            }
            assertThat(events.poll(20, TimeUnit.SECONDS).json().at("/Event/Shutdown/Reason").asString())
                    .isEqualTo("UserInitiated");
            assertThat(link.poll(20, TimeUnit.SECONDS)).isEqualTo(XapiClient.ConnectionEvent.DISCONNECTED);
            // no pending call hangs: each one answered or failed as Disconnected, long before the 60 s timeout
            for (CompletableFuture<?> f : inFlight) {
                f.handle((r, e) -> {
                    assertThat(e == null || e instanceof XapiClientException.Disconnected).isTrue();
                    return null;
                }).get(5, TimeUnit.SECONDS);
            }
            assertThat(link.poll(20, TimeUnit.SECONDS)).isEqualTo(XapiClient.ConnectionEvent.RECONNECTED);
            await().atMost(Duration.ofSeconds(10)).until(sv::active); // re-subscribed, past the Not Ready window
            XapiFeedback snapshot = volume.poll(20, TimeUnit.SECONDS); // NotifyCurrentValue after re-subscribing
            assertThat(snapshot.current()).isTrue();
            assertThat(snapshot.json().at("/Status/Audio/Volume").asInt()).isEqualTo(50);
            host.device(0).changeStatus(XPath.of("Status", "Audio", "Volume"), RpcCodec.nodes().numberNode(33));
            XapiFeedback live = volume.poll(20, TimeUnit.SECONDS);
            assertThat(live.json().at("/Status/Audio/Volume").asInt()).isEqualTo(33);
            assertThat(host.device(0).bootCount()).isEqualTo(2);
            assertThat(oldId).isPositive();
            assertThat(c.get(XPath.of("Status", "Audio", "Volume")).asInt()).isEqualTo(33);
        }
    }

    /** A server that upgrades and then never answers. */
    public static final class Silent implements Session.Listener.AutoDemanding {
    }

    @Test
    void callsTimeOutAndDropsFailPendingAtOnce() throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(WebSocketUpgradeHandler.from(server, ws -> ws.addMapping("/ws", (rq, rs, cb) -> new Silent())));
        server.start();
        try (XapiClient c = XapiClient.connect(XapiClientConfig.builder("ws://127.0.0.1:" + connector.getLocalPort())
                .requestTimeout(Duration.ofMillis(100)).reconnect(false).build())) {
            assertThatThrownBy(() -> c.get(XPath.of("Status", "Audio", "Volume")))
                    .isInstanceOf(XapiClientException.Timeout.class).hasMessageContaining("PT0.1S");
        }
        try (XapiClient c = XapiClient.connect(XapiClientConfig.builder("ws://127.0.0.1:" + connector.getLocalPort())
                .requestTimeout(Duration.ofSeconds(60)).reconnect(false).build())) {
            CompletableFuture<?> pendingCall = c.callAsync(new io.phonectl.xapi.call.XapiCall.Get(XPath.of("Status")));
            server.stop(); // the device goes away with the call outstanding
            assertThatThrownBy(() -> pendingCall.get(5, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(XapiClientException.Disconnected.class);
        } finally {
            server.stop();
        }
    }

    @Test
    void rateLimitedUpgradeIsExplained() throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new org.eclipse.jetty.server.Handler.Abstract() {
            @Override
            public boolean handle(org.eclipse.jetty.server.Request rq, org.eclipse.jetty.server.Response rs,
                                  org.eclipse.jetty.util.Callback cb) {
                org.eclipse.jetty.server.Response.writeError(rq, rs, cb, 503);
                return true;
            }
        });
        server.start();
        int port = connector.getLocalPort();
        try {
            assertThatThrownBy(() -> XapiClient.connect(XapiClientConfig.builder("ws://127.0.0.1:" + port).build()))
                    .isInstanceOfSatisfying(XapiClientException.Connect.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(503);
                        assertThat(e.getMessage()).contains("rate limit");
                    });
        } finally {
            server.stop();
        }
        assertThatThrownBy(() -> XapiClient.connect(XapiClientConfig.builder("ws://127.0.0.1:" + port).build()))
                .isInstanceOfSatisfying(XapiClientException.Connect.class, e -> assertThat(e.httpStatus()).isZero());
    }
}
