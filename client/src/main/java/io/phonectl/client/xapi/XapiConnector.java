package io.phonectl.client.xapi;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * The Jetty HTTP + WebSocket clients of every client of one {@link XapiClients} with the same connection settings
 * ({@link #settings}), and the authenticated upgrade to each client's {@code /ws}.
 */
final class XapiConnector {
    /** What the Jetty clients are built from: clients that agree on these can share them. */
    record Settings(XapiClientConfig.Tls tls, String pinnedSha256, Duration connectTimeout, long maxMessageBytes) {
    }

    private final HttpClient http;
    private final WebSocketClient ws;

    static Settings settings(XapiClientConfig config) {
        return new Settings(config.tls(), config.pinnedSha256(), config.connectTimeout(), config.maxMessageBytes());
    }

    /** @param selectors Jetty's selector threads: one for a client of its own, more for many shared connections */
    XapiConnector(XapiClientConfig config, int selectors) {
        ClientConnector connector = new ClientConnector();
        connector.setSelectors(selectors);
        this.http = new HttpClient(new HttpClientTransportOverHTTP(connector));
        http.setSslContextFactory(io.phonectl.client.tls.TlsSupport.factory(config.tls().policy(config.pinnedSha256())));
        http.setConnectTimeout(config.connectTimeout().toMillis());
        io.phonectl.client.http.HttpLimits.capHeaders(http); // the upgrade's answer: a hostile peer's endless headers
        this.ws = new WebSocketClient(http);
        ws.setMaxTextMessageSize(config.maxMessageBytes());
        ws.setMaxFrameSize(config.maxMessageBytes());
        ws.setIdleTimeout(Duration.ZERO); // liveness is the keepalive's job; a quiet link is normal in xAPI
        ws.setConnectTimeout(config.connectTimeout().toMillis());
    }

    void start() {
        try {
            ws.start();
        } catch (Exception e) {
            throw new XapiClientException.Connect(0, "cannot start the WebSocket client: " + e, e);
        }
    }

    /** Opens one connection; the future fails with an explained {@link XapiClientException.Connect}. */
    CompletableFuture<XapiSocket> open(XapiClient owner) {
        XapiClientConfig config = owner.config();
        XapiSocket socket = new XapiSocket(owner);
        ClientUpgradeRequest req = new ClientUpgradeRequest(config.uri());
        req.setTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        String userPass = config.username() + ":" + config.password();
        if (config.auth() == XapiClientConfig.Auth.SUBPROTOCOL) {
            // RFC 4648 §5 without padding (seed 004); the device must echo it or the upgrade fails
            req.setSubProtocols("auth-" + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(userPass.getBytes(StandardCharsets.UTF_8)));
        } else {
            req.setHeader("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(userPass.getBytes(StandardCharsets.UTF_8)));
        }
        CompletableFuture<XapiSocket> out = new CompletableFuture<>();
        try {
            ws.connect(socket, req).whenComplete((session, err) -> {
                if (err != null) out.completeExceptionally(UpgradeFailures.explain(config.uri(), err));
                else out.complete(socket);
            });
        } catch (Exception e) {
            out.completeExceptionally(UpgradeFailures.explain(config.uri(), e));
        }
        return out;
    }

    void stop() {
        try {
            ws.stop();
        } catch (Exception ignored) {
            // stopping is best effort on close
        }
    }
}
