package io.phonectl.sim.xapi;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One authenticated WebSocket connection: JSON-RPC 2.0 framing, ids echoed in kind (number or string), requests
 * without id treated as notifications, and the connection's feedback subscriptions (per session, numbered from 1,
 * capped; notes §2.3). Feedback payloads are the sparse change filtered by the subscription's Query.
 * Public only because Jetty binds the listener methods reflectively.
 */
public final class WsSession implements Session.Listener.AutoDemanding {
    private final SimulatedXapiDevice device;
    private final XapiRole role;
    private final RpcDispatcher dispatcher;
    private final Map<Integer, List<Object>> subscriptions = new ConcurrentHashMap<>();
    private final Consumer<ObjectNode> feedback = this::onChange;
    private int lastSubscriptionId;
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
        device.state().removeListener(feedback);
        subscriptions.clear();
        device.sessionClosed(this);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        device.state().removeListener(feedback);
        device.sessionClosed(this);
    }

    @Override
    public void onWebSocketText(String text) {
        JsonNode msg;
        try {
            msg = DeviceState.JSON.readTree(text);
        } catch (JacksonException e) {
            send(error(null, new RpcFailure(RpcFailure.PARSE_ERROR, "Parse error", null)));
            return;
        }
        JsonNode id = msg == null ? null : msg.get("id");
        boolean validId = id == null || id.isString() || id.isNumber() || id.isNull();
        if (msg == null || !msg.isObject() || !"2.0".equals(msg.path("jsonrpc").asString(""))
                || !msg.path("method").isString() || !validId) {
            send(error(validId ? id : null, new RpcFailure(RpcFailure.INVALID_REQUEST, "Invalid Request", null)));
            return;
        }
        String method = msg.get("method").asString();
        JsonNode params = msg.get("params");
        JsonNode result;
        List<Object> notifyNow = null;
        int newId = 0;
        try {
            if (method.equals("xFeedback/Subscribe")) {
                if (!device.ready()) throw new RpcFailure(RpcFailure.NOT_READY, "Not Ready", null);
                List<Object> query = RpcDispatcher.path(params, "Query", true);
                newId = subscribe(query);
                result = TreeOps.NODES.objectNode().put("Id", newId);
                if (params.path("NotifyCurrentValue").asBoolean(false)) notifyNow = query;
            } else if (method.equals("xFeedback/Unsubscribe")) {
                result = unsubscribe(params);
            } else {
                result = dispatcher.call(method, params, role);
            }
        } catch (RpcFailure f) {
            if (id != null) send(error(id, f));
            return;
        }
        if (id != null) {
            ObjectNode resp = TreeOps.NODES.objectNode();
            resp.put("jsonrpc", "2.0");
            resp.set("id", id);
            resp.set("result", result);
            send(resp);
        }
        if (notifyNow != null) {
            JsonNode current = device.state().query(notifyNow);
            if (current != null) send(notification(newId, current));
        }
    }

    private synchronized int subscribe(List<Object> query) throws RpcFailure {
        if (subscriptions.size() >= device.config().subscriptionCap()) {
            ObjectNode data = TreeOps.NODES.objectNode();
            data.put("Limit", device.config().subscriptionCap());
            throw new RpcFailure(RpcFailure.SUBSCRIBER_COUNT_EXCEEDED, "Subscriber count exceeded", data);
        }
        int id = ++lastSubscriptionId;
        subscriptions.put(id, List.copyOf(query));
        return id;
    }

    private JsonNode unsubscribe(JsonNode params) throws RpcFailure {
        JsonNode id = params == null ? null : params.get("Id");
        if (id == null || !id.isIntegralNumber()) throw RpcDispatcher.invalid("Id", id, "must be an integer");
        if (subscriptions.remove(id.asInt()) == null) {
            ObjectNode data = TreeOps.NODES.objectNode();
            data.put("Id", id.asInt());
            throw new RpcFailure(RpcFailure.INVALID_PARAMS, "Unknown subscription Id", data);
        }
        return TreeOps.NODES.booleanNode(true);
    }

    private void onChange(ObjectNode sparse) {
        for (Map.Entry<Integer, List<Object>> sub : subscriptions.entrySet()) {
            JsonNode payload = TreeOps.query(sparse, sub.getValue());
            if (payload != null) send(notification(sub.getKey(), payload));
        }
    }

    private static ObjectNode notification(int subscriptionId, JsonNode payload) {
        ObjectNode n = TreeOps.NODES.objectNode();
        n.put("jsonrpc", "2.0");
        n.put("method", "xFeedback/Event");
        ObjectNode p = n.putObject("params");
        p.put("Id", subscriptionId);
        p.setAll((ObjectNode) payload);
        return n;
    }

    private static ObjectNode error(JsonNode id, RpcFailure f) {
        ObjectNode resp = TreeOps.NODES.objectNode();
        resp.put("jsonrpc", "2.0");
        resp.set("id", id == null ? TreeOps.NODES.nullNode() : id);
        ObjectNode err = resp.putObject("error");
        err.put("code", f.code());
        err.put("message", f.getMessage());
        if (f.data() != null) err.set("data", f.data());
        return resp;
    }

    int subscriptionCount() { return subscriptions.size(); }

    private void send(JsonNode msg) {
        Session s = session;
        if (s != null && s.isOpen()) s.sendText(msg.toString(), Callback.NOOP);
    }

    /** Drops the connection without a close handshake, as a rebooting device does. */
    void drop() {
        Session s = session;
        if (s != null) s.disconnect();
    }
}
