package io.phonectl.client.xapi;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/** The Jetty HTTP + WebSocket clients of one {@link XapiClient}, and the authenticated upgrade to {@code /ws}. */
final class XapiConnector {
    private final XapiClientConfig config;
    private final HttpClient http;
    private final WebSocketClient ws;

    XapiConnector(XapiClientConfig config) {
        this.config = config;
        this.http = new HttpClient();
        http.setSslContextFactory(io.phonectl.client.tls.TlsSupport.factory(config.tls().policy(config.pinnedSha256())));
        http.setConnectTimeout(config.connectTimeout().toMillis());
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
