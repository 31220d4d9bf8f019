package io.phonectl.client.xapi;

import io.phonectl.xapi.RpcId;
import io.phonectl.xapi.XapiParseException;
import io.phonectl.xapi.XapiRpcException;
import io.phonectl.xapi.call.XapiCall;
import io.phonectl.xapi.call.XapiCalls;
import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.rpc.RpcCodec;
import io.phonectl.xapi.rpc.RpcMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * xAPI over WebSocket (seed 004): get, query, set, command, feedback subscriptions, with per-request timeouts,
 * pending calls failed at once on a drop, automatic reconnect with backoff that re-subscribes (NotifyCurrentValue),
 * optional keepalive. Device errors surface as {@link XapiRpcException} (code, message, data, Cause), transport
 * failures as {@link XapiClientException}. Thread-safe; listeners run one at a time, in arrival order, on its
 * {@link XapiClients}' listener threads (platform threads), so they may call the client (even blocking calls).
 */
public final class XapiClient implements XapiTransport {
    private final XapiClientConfig config;
    private final XapiConnector connector;
    private final ScheduledExecutorService timer;
    private final Executor dispatch;
    /** Where the connector, timer and listener threads come from; closed with this client when {@code owned}. */
    private final XapiClients shared;
    private final boolean owned;
    private volatile ScheduledFuture<?> keepalive;
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final List<XapiSubscription> subscriptions = new CopyOnWriteArrayList<>();
    private final Map<Long, XapiSubscription> byDeviceId = new ConcurrentHashMap<>();
    private final List<Consumer<ConnectionEvent>> connectionListeners = new CopyOnWriteArrayList<>();
    private volatile XapiSocket socket;
    private volatile boolean closed;
    private int attempts;
    /** Reading thread only: the Id whose NotifyCurrentValue snapshot may be the very next frame, else -1. */
    private long snapshotFor = -1;

    /** Connection state changes, delivered on the dispatch thread. */
    public enum ConnectionEvent { DISCONNECTED, RECONNECTED }

    private record Pending(CompletableFuture<JsonNode> future, ScheduledFuture<?> timeout,
                           Consumer<JsonNode> onResult) {}

    private XapiClient(XapiClientConfig config, XapiClients shared, boolean owned) {
        this.config = config;
        this.shared = shared;
        this.owned = owned;
        this.timer = shared.timer();
        this.dispatch = shared.listenerQueue();
        this.connector = shared.connector(config);
    }

    /**
     * Connects (blocking up to the connect timeout) with Jetty clients and threads of its own (an {@link XapiClients}
     * with one selector, closed with this client): one device. Throws {@link XapiClientException.Connect} explained.
     * Many devices: {@link XapiClients#connect}.
     */
    public static XapiClient connect(XapiClientConfig config) {
        XapiClients own = new XapiClients("xapi-client", 1);
        try {
            return connect(config, own, true);
        } catch (RuntimeException e) {
            own.close(); // its Jetty client may have failed to start before there was a client to close it
            throw e;
        }
    }

    static XapiClient connect(XapiClientConfig config, XapiClients shared, boolean owned) {
        XapiClient c = new XapiClient(config, shared, owned);
        try {
            c.socket = c.connector.open(c).join();
        } catch (CompletionException e) {
            c.close();
            throw e.getCause() instanceof XapiClientException x ? x : new XapiClientException.Connect(0,
                    config.uri() + ": " + e.getCause(), e.getCause());
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
        if (!config.keepalive().isZero()) c.startKeepalive();
        return c;
    }

    public XapiClientConfig config() { return config; }

    public boolean connected() { return socket != null; }

    public void onConnection(Consumer<ConnectionEvent> listener) { connectionListeners.add(listener); }

    // ---- calls ----

    /** Sends any call; the future fails with XapiRpcException, Timeout or Disconnected. */
    public CompletableFuture<JsonNode> callAsync(XapiCall call) {
        return send(call, null);
    }

    /** Blocking form of {@link #callAsync}: unwraps the failure so callers catch the typed exception. */
    public JsonNode call(XapiCall call) {
        try {
            return callAsync(call).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new CompletionException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XapiClientException.Disconnected("interrupted while waiting for " + call, e);
        }
    }

    /** xGet: the value at the path, relative to it ({@code ["Status","Audio","Volume"]} → {@code 50}). */
    @Override
    public JsonNode get(XPath path) { return call(new XapiCall.Get(path)); }

    /** xQuery: matches rooted at the document; {@code **} wildcards allowed. */
    public JsonNode query(XPath query) { return call(new XapiCall.Query(query)); }

    /** xSet of a configuration leaf; value is an Integer/Long, String or Boolean. */
    @Override
    public void set(XPath path, Object value) { call(new XapiCall.Set(path, Values.leaf("Value", value))); }

    /**
     * xCommand: params map values are Integer/Long, String, Boolean or a List of those (multi-valued, e.g.
     * ConnectorId [2,3]); body is the multi-line payload or null.
     */
    @Override
    public JsonNode command(XPath command, Map<String, ?> params, String body) {
        return call(new XapiCall.Command(command, Values.params(params), body));
    }

    public JsonNode command(XPath command, Map<String, ?> params) { return command(command, params, null); }

    // ---- feedback ----

    /** Subscribes; the listener gets this subscription's notifications only (routed by the device's Id). */
    public XapiSubscription subscribe(XPath query, boolean notifyCurrentValue, Consumer<XapiFeedback> listener) {
        XapiSubscription sub = new XapiSubscription(this, query, notifyCurrentValue, listener);
        subscriptions.add(sub);
        try {
            register(sub, notifyCurrentValue).get();
        } catch (ExecutionException e) {
            subscriptions.remove(sub);
            throw e.getCause() instanceof RuntimeException r ? r : new CompletionException(e.getCause());
        } catch (InterruptedException e) {
            subscriptions.remove(sub);
            Thread.currentThread().interrupt();
            throw new XapiClientException.Disconnected("interrupted while subscribing", e);
        }
        return sub;
    }

    public int subscriptionCount() { return subscriptions.size(); }

    private CompletableFuture<JsonNode> register(XapiSubscription sub, boolean notify) {
        // the Id is recorded on the reading thread before the next frame (the current value) is routed
        return send(new XapiCall.Subscribe(sub.query(), notify), result -> {
            long id = result.path("Id").asLong(-1);
            sub.deviceId(id);
            byDeviceId.put(id, sub);
            if (notify) snapshotFor = id; // the device sends the snapshot right after the result, if any matches
        });
    }

    void unsubscribe(XapiSubscription sub) {
        subscriptions.remove(sub);
        long id = sub.deviceId();
        if (id >= 0 && byDeviceId.remove(id, sub) && socket != null) {
            send(new XapiCall.Unsubscribe(id), null).exceptionally(e -> null); // gone anyway if the link dropped
        }
        sub.deviceId(-1);
    }

    // ---- wire ----

    private CompletableFuture<JsonNode> send(XapiCall call, Consumer<JsonNode> onResult) {
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        XapiSocket s = socket;
        if (closed || s == null) {
            f.completeExceptionally(new XapiClientException.Disconnected(
                    (closed ? "client closed" : "not connected (reconnecting)") + "; not sent: " + describe(call), null));
            return f;
        }
        long id = ids.incrementAndGet();
        ScheduledFuture<?> t = timer.schedule(() -> timeout(id, call), config.requestTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
        pending.put(id, new Pending(f, t, onResult));
        String text = RpcCodec.render(XapiCalls.toRequest(RpcId.of(id), call));
        boolean sent = s.send(text, org.eclipse.jetty.websocket.api.Callback.from(() -> { },
                x -> fail(id, new XapiClientException.Disconnected("send failed: " + x, x))));
        if (!sent) fail(id, new XapiClientException.Disconnected("not connected; not sent: " + describe(call), null));
        return f;
    }

    private static String describe(XapiCall call) {
        return call.getClass().getSimpleName(); // parameters may hold secrets (passwords in commands)
    }

    private void timeout(long id, XapiCall call) {
        fail(id, new XapiClientException.Timeout("no answer to " + describe(call) + " within "
                + config.requestTimeout()));
    }

    private void fail(long id, RuntimeException e) {
        Pending p = pending.remove(id);
        if (p != null) {
            p.timeout().cancel(false);
            p.future().completeExceptionally(e);
        }
    }

    /** Called by the socket, one frame at a time. */
    void onText(String text) {
        RpcMessage msg;
        try {
            msg = RpcCodec.parse(text);
        } catch (XapiParseException e) {
            return; // a frame we cannot read answers nothing we wait for; its call times out
        }
        long snapshot = snapshotFor;
        snapshotFor = -1;
        switch (msg) {
            case RpcMessage.Result r -> complete(r.id(), r.result(), null);
            case RpcMessage.Error e -> complete(e.id(), null, XapiRpcException.of(e.error()));
            case RpcMessage.Notification n when XapiCalls.FEEDBACK_EVENT.equals(n.method()) -> feedback(n, snapshot);
            default -> { } // requests from a device are not part of xAPI
        }
    }

    private void complete(RpcId id, JsonNode result, XapiRpcException error) {
        if (!(id instanceof RpcId.Num num)) return; // null-id errors (e.g. -32700) belong to no call: tolerated
        Pending p = pending.remove(num.value());
        if (p == null) return; // answered after its timeout
        p.timeout().cancel(false);
        if (error != null) {
            p.future().completeExceptionally(error);
            return;
        }
        if (p.onResult() != null) p.onResult().accept(result);
        p.future().complete(result);
    }

    private void feedback(RpcMessage.Notification n, long snapshot) {
        XapiCalls.Feedback fb;
        try {
            fb = XapiCalls.readFeedback(n);
        } catch (RuntimeException e) {
            return;
        }
        XapiSubscription sub = byDeviceId.get(fb.id());
        if (sub == null || sub.closed()) return;
        XapiFeedback event = new XapiFeedback(sub, fb.payload(), fb.id() == snapshot);
        dispatch.execute(() -> sub.listener().accept(event));
    }

    // ---- connection life cycle ----

    void onDisconnected(XapiSocket which, String why, Throwable cause) {
        synchronized (this) {
            if (socket != which) return;
            socket = null;
        }
        byDeviceId.clear();
        for (XapiSubscription s : subscriptions) s.deviceId(-1);
        for (Long id : List.copyOf(pending.keySet())) fail(id, new XapiClientException.Disconnected(why, cause));
        if (closed) return;
        fire(ConnectionEvent.DISCONNECTED);
        if (config.reconnect()) scheduleReconnect();
    }

    private synchronized void scheduleReconnect() {
        long min = config.backoffMin().toMillis();
        long delay = Math.min(config.backoffMax().toMillis(), min << Math.min(attempts, 20));
        attempts++;
        try {
            timer.schedule(this::reconnect, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            closed = true; // the XapiClients this one used are closed: nothing to reconnect with
        }
    }

    private void reconnect() {
        if (closed) return;
        connector.open(this).whenComplete((s, err) -> {
            if (err != null || closed) {
                if (s != null) s.close();
                if (!closed) scheduleReconnect();
                return;
            }
            synchronized (this) {
                attempts = 0;
                socket = s;
            }
            fire(ConnectionEvent.RECONNECTED);
            for (XapiSubscription sub : subscriptions) resubscribe(sub);
        });
    }

    private void resubscribe(XapiSubscription sub) {
        if (sub.closed() || socket == null) return;
        register(sub, true).whenComplete((r, err) -> {
            if (err instanceof XapiRpcException.NotReady || (err != null && err.getCause() instanceof XapiRpcException.NotReady)) {
                // booting device (-31997): try again shortly, the connection itself is fine
                timer.schedule(() -> resubscribe(sub), config.backoffMin().toMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    private void fire(ConnectionEvent e) {
        for (Consumer<ConnectionEvent> l : connectionListeners) dispatch.execute(() -> l.accept(e));
    }

    private void startKeepalive() {
        long every = config.keepalive().toMillis();
        keepalive = timer.scheduleAtFixedRate(() -> {
            XapiSocket s = socket;
            if (s == null) return;
            if (System.nanoTime() - s.lastPongNanos() > TimeUnit.MILLISECONDS.toNanos(2 * every + every / 2)) {
                s.disconnect(); // half-open link: no pong for two intervals
            } else {
                s.ping();
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    /** Closes the connection, fails pending calls, stops reconnecting. */
    @Override
    public void close() {
        closed = true;
        XapiSocket s = socket;
        socket = null;
        for (Long id : List.copyOf(pending.keySet())) fail(id, new XapiClientException.Disconnected("client closed", null));
        if (s != null) s.close();
        ScheduledFuture<?> k = keepalive;
        if (k != null) k.cancel(false);
        if (owned) shared.close(); // else they serve other clients too
    }
}
