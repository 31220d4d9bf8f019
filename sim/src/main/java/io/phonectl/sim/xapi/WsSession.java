package io.phonectl.sim.xapi;

import io.phonectl.xapi.ErrorCode;
import io.phonectl.xapi.XapiParseException;
import io.phonectl.xapi.XapiRpcException;
import io.phonectl.xapi.call.XapiCall;
import io.phonectl.xapi.call.XapiCalls;
import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.rpc.RpcCodec;
import io.phonectl.xapi.rpc.RpcError;
import io.phonectl.xapi.rpc.RpcId;
import io.phonectl.xapi.rpc.RpcMessage;
import io.phonectl.xapi.tree.Branch;
import io.phonectl.xapi.tree.Trees;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One authenticated WebSocket connection: JSON-RPC 2.0 through the protocol core's {@link RpcCodec} (ids echoed in
 * kind, requests without id are notifications and get no answer), and the connection's feedback subscriptions
 * (per session, integer Ids from 1, capped; notes §2.3). A subscriber receives the part of each sparse change its
 * Query selects ({@link Trees#select}). Public only because Jetty binds the listener methods reflectively.
 */
public final class WsSession implements Session.Listener.AutoDemanding {
    private final SimulatedXapiDevice device;
    private final XapiRole role;
    private final RpcDispatcher dispatcher;
    private final Map<Long, XPath> subscriptions = new ConcurrentHashMap<>();
    private final Consumer<Branch> feedback = this::onChange;
    private long lastSubscriptionId;
    private volatile Session session;

    WsSession(SimulatedXapiDevice device, XapiRole role) {
        this.device = device;
        this.role = role;
        this.dispatcher = new RpcDispatcher(device);
    }

    @Override
    public void onWebSocketOpen(Session s) {
        this.session = s;
        device.sessionOpened(this);
        device.state().addListener(feedback);
    }

    @Override
    public void onWebSocketClose(int status, String reason) {
        closed();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        closed();
    }

    private void closed() {
        device.state().removeListener(feedback);
        subscriptions.clear();
        device.sessionClosed(this);
    }

    @Override
    public void onWebSocketText(String text) {
        RpcMessage msg;
        try {
            msg = RpcCodec.parse(text);
        } catch (XapiParseException e) {
            send(new RpcMessage.Error(e.id().orElse(RpcId.NULL), new RpcError(e.rpcCode(),
                    ErrorCode.of(e.rpcCode()).map(ErrorCode::message).orElse("Parse Error"), null)));
            return;
        }
        switch (msg) {
            case RpcMessage.Request r -> handle(r.id(), r.method(), r.params());
            case RpcMessage.Notification n -> handle(null, n.method(), n.params());
            default -> send(new RpcMessage.Error(RpcId.NULL, RpcError.of(ErrorCode.INVALID_REQUEST)));
        }
    }

    private void handle(RpcId id, String method, JsonNode params) {
        XPath notifyNow = null;
        long newId = 0;
        JsonNode result;
        try {
            XapiCall call = XapiCalls.fromRequest(method, params);
            switch (call) {
                case XapiCall.Subscribe sub -> {
                    if (!device.ready()) throw Params.error(ErrorCode.NOT_READY, "Not Ready", null);
                    newId = subscribe(RpcDispatcher.documentPath(sub.query(), true));
                    result = XapiCalls.subscribeResult(newId);
                    if (sub.notifyCurrentValue()) notifyNow = sub.query();
                }
                case XapiCall.Unsubscribe u -> result = unsubscribe(u.id());
                default -> result = dispatcher.call(call, role);
            }
        } catch (XapiRpcException e) {
            if (id != null) send(new RpcMessage.Error(id, e.error()));
            return;
        }
        if (id != null) send(new RpcMessage.Result(id, result));
        if (notifyNow != null) {
            long subId = newId;
            device.state().query(notifyNow).ifPresent(b -> send(XapiCalls.feedbackEvent(subId, b)));
        }
    }

    private synchronized long subscribe(XPath query) {
        int cap = device.config().subscriptionCap();
        if (subscriptions.size() >= cap) {
            ObjectNode data = DeviceState.NODES.objectNode();
            data.put("Limit", cap);
            throw Params.error(ErrorCode.SUBSCRIBER_COUNT_EXCEEDED, "Subscriber count exceeded", data);
        }
        long id = ++lastSubscriptionId;
        subscriptions.put(id, query);
        return id;
    }

    private JsonNode unsubscribe(long id) {
        if (subscriptions.remove(id) == null) {
            ObjectNode data = DeviceState.NODES.objectNode();
            data.put("Id", id);
            throw Params.error(ErrorCode.INVALID_PARAMS, "Unknown subscription Id", data);
        }
        return DeviceState.NODES.booleanNode(true);
    }

    private void onChange(Branch sparse) {
        for (Map.Entry<Long, XPath> sub : subscriptions.entrySet()) {
            Trees.select(sparse, sub.getValue()).ifPresent(p -> send(XapiCalls.feedbackEvent(sub.getKey(), p)));
        }
    }

    int subscriptionCount() { return subscriptions.size(); }

    private void send(RpcMessage msg) {
        Session s = session;
        if (s != null && s.isOpen()) s.sendText(RpcCodec.render(msg), Callback.NOOP);
    }

    /**
     * Ends the connection for a reboot: a 1001 Going Away close queued behind the frames already sent (so the
     * Shutdown event reaches the client first); completes when the close frame is written or failed.
     */
    java.util.concurrent.CompletableFuture<Void> goAway() {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        Session s = session;
        if (s == null || !s.isOpen()) {
            done.complete(null);
        } else {
            s.close(1001, "rebooting", Callback.from(() -> done.complete(null), x -> done.complete(null)));
        }
        return done;
    }
}
