package io.phonectl.server.live;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.xapi.XapiClient;
import io.phonectl.client.xapi.XapiClientConfig;
import io.phonectl.client.xapi.XapiClients;
import io.phonectl.client.xapi.XapiFeedback;
import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.rpc.WsJsonTree;
import io.phonectl.xapi.tree.Branch;
import io.phonectl.xapi.tree.Node;
import io.phonectl.xapi.tree.Trees;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * One managed xAPI device's WebSocket: connects (again and again with a doubling backoff until it works), then the
 * client keeps it up (its own reconnect with backoff, re-subscribing with current values). It mirrors the subscribed
 * status paths into one merged tree and hands every feedback to the {@link Sink}.
 */
final class LiveDevice implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveDevice.class);

    /** Where what the device says goes (the manager: events, store, listeners). */
    interface Sink {
        void connected(LiveDevice d, boolean connected);

        void status(LiveDevice d, JsonNode feedback, boolean current);

        void event(LiveDevice d, JsonNode event);
    }

    final long deviceId;
    final String name;
    final String address;
    private final XapiClientConfig config;
    private final LiveConfig live;
    private final XapiClients xapi;
    private final Sink sink;
    private final InstantSource clock;
    private volatile XapiClient client;
    private volatile boolean closed;
    private volatile boolean connected;
    private volatile Instant since;
    private volatile String lastError;
    private Node status = Branch.of();

    LiveDevice(long deviceId, String name, String address, Credentials c, LiveConfig live, XapiClients xapi, Sink sink,
               InstantSource clock) {
        this.deviceId = deviceId;
        this.name = name;
        this.address = address;
        boolean tls = address.endsWith(":443");
        this.config = XapiClientConfig.builder((tls ? "wss://" : "ws://") + address).credentials(c.user(), c.password())
                .reconnect(true).backoff(live.backoffMin(), live.backoffMax()).keepalive(live.keepalive())
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.live = live;
        this.xapi = xapi;
        this.sink = sink;
        this.clock = clock;
    }

    void start() {
        Thread.ofVirtual().name("live-" + name).start(this::connectLoop);
    }

    private void connectLoop() {
        long wait = live.backoffMin().toMillis();
        while (!closed) {
            XapiClient c = null;
            try {
                c = xapi.connect(config);
                if (closed) {
                    c.close();
                    return;
                }
                for (String p : live.statusPaths()) {
                    subscribe(c, p);
                }
                c.subscribe(XPath.parseWords("Event"), false, this::feedback);
                client = c;
                lastError = null;
                c.onConnection(e -> mark(e == XapiClient.ConnectionEvent.RECONNECTED));
                mark(true);
                return;
            } catch (RuntimeException e) {
                if (c != null) {
                    c.close();
                }
                LOG.debug("live {}: connect failed: {}", name, e.getMessage());
                lastError = e.getMessage();
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException ie) {
                    return;
                }
                wait = Math.min(live.backoffMax().toMillis(), wait * 2);
            }
        }
    }

    /** A path this device's schema does not have (PhoneOS has no SIP Registration) is left out, not fatal. */
    private void subscribe(XapiClient c, String path) {
        try {
            c.subscribe(XPath.parseWords(path), true, this::feedback);
        } catch (io.phonectl.xapi.XapiRpcException e) {
            LOG.debug("live {}: {} not subscribed: {}", name, path, e.getMessage());
        }
    }

    private void mark(boolean up) {
        if (up != connected) {
            connected = up;
            since = clock.instant();
            sink.connected(this, up);
        }
    }

    private void feedback(XapiFeedback f) {
        JsonNode json = f.json();
        if (json.has("Event")) {
            sink.event(this, json.get("Event"));
            return;
        }
        synchronized (this) {
            status = Trees.merge(status, f.payload());
        }
        sink.status(this, json, f.current());
    }

    /** The open client while connected, for commands and configuration changes; null otherwise. */
    XapiClient client() {
        XapiClient c = client;
        return connected && c != null && c.connected() ? c : null;
    }

    boolean connected() {
        return connected;
    }

    /** Why the last connect failed (never a credential: the client's messages name URL and status only). */
    String lastError() {
        return lastError;
    }

    Instant since() {
        return since;
    }

    synchronized JsonNode status() {
        return WsJsonTree.toJson(status);
    }

    @Override
    public void close() {
        closed = true;
        XapiClient c = client;
        if (c != null) {
            c.close();
        }
    }
}
