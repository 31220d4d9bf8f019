package io.phonectl.sim.xapi;

import io.phonectl.xapi.ErrorCode;
import io.phonectl.xapi.RpcError;
import io.phonectl.xapi.RpcId;
import io.phonectl.xapi.XapiParseException;
import io.phonectl.xapi.XapiRpcException;
import io.phonectl.xapi.call.Subscriptions;
import io.phonectl.xapi.call.XapiCall;
import io.phonectl.xapi.call.XapiCalls;
import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.rpc.RpcCodec;
import io.phonectl.xapi.rpc.RpcMessage;
import io.phonectl.xapi.schema.Role;
import io.phonectl.xapi.tree.Branch;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One authenticated WebSocket connection: JSON-RPC 2.0 through the protocol core's {@link RpcCodec} (ids echoed in
 * kind, requests without id are notifications and get no answer), and the connection's feedback subscriptions
 * (the core's {@link Subscriptions}: per session, integer Ids from 1, capped; notes §2.3). Public only because Jetty binds the listener methods reflectively.
 */
public final class WsSession implements Session.Listener.AutoDemanding {
    private final SimulatedXapiDevice device;
    private final Role role;
    private final RpcDispatcher dispatcher;
    private final Subscriptions subscriptions;
    /**
     * Answers and events queued for a client but not yet written. A client that stops reading makes them pile up; past
     * this the device gives up on it (RFC 6455 close 1008, policy violation), as a server must not buffer without limit.
     */
    static final long MAX_UNSENT_BYTES = 1L << 20;
    /**
     * How long answers may wait with none of them written before the client counts as not reading (Jetty stops reading
     * a connection whose writes are stuck, so the byte cap alone may never be reached), and how long a client closed
     * for it has to read the close frame before the TCP connection ends.
     */
    static final java.time.Duration SLOW_GRACE = java.time.Duration.ofSeconds(10);

    private final Consumer<Branch> feedback = this::onChange;
    private final java.util.concurrent.atomic.AtomicLong unsent = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean slow;
    private volatile long lastWritten = System.nanoTime();
    private volatile Thread watchdog;
    private volatile Session session;
    /** Completed when the connection has ended (close handshake done, or failed). */
    private final java.util.concurrent.CompletableFuture<Void> ended = new java.util.concurrent.CompletableFuture<>();

    WsSession(SimulatedXapiDevice device, Role role) {
        this.device = device;
        this.role = role;
        this.dispatcher = new RpcDispatcher(device);
        this.subscriptions = new Subscriptions(device.config().subscriptionCap());
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
        Thread w = watchdog;
        if (w != null) {
            w.interrupt();
        }
        device.state().removeListener(feedback);
        device.sessionClosed(this);
        ended.complete(null);
    }

    @Override
    public void onWebSocketText(String text) {
        if (slow) {
            return; // closing: no more answers for a client that does not read them
        }
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
        XapiCall call = null;
        try {
            call = XapiCalls.fromRequest(method, params);
            switch (call) {
                case XapiCall.Subscribe sub -> {
                    if (!device.ready()) throw Params.error(ErrorCode.NOT_READY, "Not Ready", null);
                    RpcDispatcher.documentPath(sub.query(), true);
                    synchronized (subscriptions) {
                        newId = subscriptions.subscribe(sub.query());
                    }
                    result = XapiCalls.subscribeResult(newId);
                    if (sub.notifyCurrentValue()) notifyNow = sub.query();
                }
                case XapiCall.Unsubscribe u -> {
                    synchronized (subscriptions) {
                        subscriptions.unsubscribe(u.id());
                    }
                    result = DeviceState.NODES.booleanNode(true);
                }
                default -> result = dispatcher.call(call, role);
            }
        } catch (XapiRpcException e) {
            if (feedbackCall(call)) logFeedback(call, false, null, e.error().code() + " " + e.error().message());
            if (id != null) send(new RpcMessage.Error(id, e.error()));
            return;
        }
        if (feedbackCall(call)) logFeedback(call, true, result, null);
        if (id != null) send(new RpcMessage.Result(id, result));
        if (notifyNow != null) {
            Optional<RpcMessage.Notification> current;
            synchronized (subscriptions) {
                current = subscriptions.currentValue(newId, device.state().tree());
            }
            current.ifPresent(this::send);
        }
    }

    /** Feedback calls belong to the session, not the dispatcher: they are logged here for the inspection API. */
    private static boolean feedbackCall(XapiCall call) {
        return call instanceof XapiCall.Subscribe || call instanceof XapiCall.Unsubscribe;
    }

    private void logFeedback(XapiCall call, boolean ok, JsonNode result, String error) {
        String text = switch (call) {
            case XapiCall.Subscribe sub -> "xFeedback Subscribe " + sub.query().words()
                    + (sub.notifyCurrentValue() ? " NotifyCurrentValue" : "");
            case XapiCall.Unsubscribe u -> "xFeedback Unsubscribe Id: " + u.id();
            default -> call.getClass().getSimpleName();
        };
        device.state().log().received(new DeviceLog.Received(java.time.Instant.now(), role.name(), text, ok, result, error));
    }

    private void onChange(Branch sparse) {
        List<RpcMessage.Notification> out;
        synchronized (subscriptions) {
            out = subscriptions.notifications(sparse);
        }
        out.forEach(this::send);
    }

    Role role() { return role; }

    /** This connection's feedback registrations by Id. */
    java.util.Map<Long, XPath> subscriptions() {
        synchronized (subscriptions) {
            return subscriptions.registered();
        }
    }

    int subscriptionCount() {
        synchronized (subscriptions) {
            return subscriptions.size();
        }
    }

    private void send(RpcMessage msg) {
        Session s = session;
        if (s == null || !s.isOpen() || slow) {
            return;
        }
        String text = RpcCodec.render(msg);
        long size = text.length();
        long before = unsent.getAndAdd(size);
        if (before > 0 && before + size > MAX_UNSENT_BYTES) { // one large answer alone is always let through
            unsent.addAndGet(-size);
            slowConsumer(s);
            return;
        }
        if (unsent.get() == size) {
            lastWritten = System.nanoTime(); // nothing was waiting: the stall clock starts now
        }
        s.sendText(text, Callback.from(() -> {
            unsent.addAndGet(-size);
            lastWritten = System.nanoTime();
        }, x -> unsent.addAndGet(-size)));
        watch(s);
    }

    /** Starts (once) the check that closes a connection whose answers stay unwritten for {@link #SLOW_GRACE}. */
    private void watch(Session s) {
        if (watchdog != null) {
            return;
        }
        synchronized (this) {
            if (watchdog != null) {
                return;
            }
            watchdog = Thread.ofVirtual().name("xapi-ws-watchdog").start(() -> {
                try {
                    while (s.isOpen() && !slow) {
                        Thread.sleep(SLOW_GRACE.dividedBy(4));
                        if (unsent.get() > 0 && System.nanoTime() - lastWritten > SLOW_GRACE.toNanos()) {
                            slowConsumer(s);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    /** Closes a connection whose client lets answers pile up: 1008, then the TCP connection after a grace. */
    private void slowConsumer(Session s) {
        synchronized (this) {
            if (slow) {
                return;
            }
            slow = true;
        }
        s.close(1008, "slow consumer: answers unread", Callback.NOOP);
        // the close frame waits behind the unread answers; whatever the client does, the TCP connection ends after
        // the grace (Jetty may report the session closed before its close frame ever left)
        Thread.ofVirtual().name("xapi-slow-consumer").start(() -> {
            try {
                Thread.sleep(SLOW_GRACE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            s.disconnect();
        });
    }

    /**
     * Ends the connection for a reboot: a 1001 Going Away close queued behind the frames already sent (so the
     * Shutdown event reaches the client first). Completes when the close handshake is over, not when our close frame
     * is written: stopping the listener earlier closes the TCP connection with the client's pipelined requests still
     * unread, the kernel answers with a reset, and a reset discards what the client has not read yet (the Shutdown
     * event among it).
     */
    java.util.concurrent.CompletableFuture<Void> goAway() {
        Session s = session;
        if (s == null || !s.isOpen()) {
            ended.complete(null);
        } else {
            s.close(1001, "rebooting", Callback.from(() -> { }, x -> ended.complete(null)));
        }
        return ended;
    }
}
