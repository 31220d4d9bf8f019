package io.phonectl.sim.xapi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/** A deliberately plain JDK WebSocket client, so the simulator is not tested only by our own client. */
final class PlainWs implements AutoCloseable {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    final WebSocket ws;
    private final BlockingQueue<String> source;
    private final CompletableFuture<Integer> closeSource;

    private PlainWs(WebSocket ws, BlockingQueue<String> source, CompletableFuture<Integer> closeSource) {
        this.ws = ws;
        this.source = source;
        this.closeSource = closeSource;
    }

    static PlainWs basic(URI uri, String user, String password) {
        String b = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return open(HTTP.newWebSocketBuilder().header("Authorization", "Basic " + b), uri);
    }

    /** The jsxapi handshake: auth-<base64url> subprotocol and no Authorization header. */
    static PlainWs subprotocol(URI uri, String user, String password) {
        return open(HTTP.newWebSocketBuilder().subprotocols(authProtocol(user, password)), uri);
    }

    static String authProtocol(String user, String password) {
        return "auth-" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static PlainWs open(WebSocket.Builder builder, URI uri) {
        BlockingQueue<String> q = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket.Listener l = new WebSocket.Listener() {
            final StringBuilder buf = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                buf.append(data);
                if (last) {
                    q.add(buf.toString());
                    buf.setLength(0);
                }
                w.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket w, int code, String reason) {
                closed.complete(code);
                return null;
            }

            @Override
            public void onError(WebSocket w, Throwable error) {
                closed.complete(-1);
            }
        };
        WebSocket ws = builder.connectTimeout(Duration.ofSeconds(5)).buildAsync(uri, l).join();
        return new PlainWs(ws, q, closed);
    }

    CompletableFuture<Integer> closedFuture() { return closeSource; }

    void send(String json) { ws.sendText(json, true).join(); }

    /** The next message, waiting at most 5 s. */
    JsonNode next() throws InterruptedException {
        String s = source.poll(5, TimeUnit.SECONDS);
        if (s == null) throw new AssertionError("no message within 5 s");
        return io.phonectl.xapi.rpc.RpcCodec.readTree(s);
    }

    /** Whether a message arrives within {@code millis} (used only to assert silence). */
    String poll(long millis) throws InterruptedException { return source.poll(millis, TimeUnit.MILLISECONDS); }

    JsonNode call(String json) throws InterruptedException {
        send(json);
        return next();
    }

    @Override
    public void close() {
        ws.abort();
    }
}
