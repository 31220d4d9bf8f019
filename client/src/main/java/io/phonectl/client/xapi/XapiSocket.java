package io.phonectl.client.xapi;

import java.nio.ByteBuffer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One WebSocket connection of an {@link XapiClient}; a reconnect makes a new one. Public only because Jetty binds
 * the listener methods reflectively; not part of the API. Jetty calls it on one thread at a time, in frame order.
 */
public final class XapiSocket implements Session.Listener.AutoDemanding {
    private final XapiClient owner;
    private volatile Session session;
    private volatile long lastPongNanos = System.nanoTime();

    XapiSocket(XapiClient owner) {
        this.owner = owner;
    }

    @Override
    public void onWebSocketOpen(Session s) {
        this.session = s;
    }

    @Override
    public void onWebSocketText(String text) {
        owner.onText(text);
    }

    @Override
    public void onWebSocketPong(ByteBuffer payload) {
        lastPongNanos = System.nanoTime();
    }

    @Override
    public void onWebSocketClose(int status, String reason) {
        owner.onDisconnected(this, "closed by the device (" + status + (reason == null ? "" : " " + reason) + ")",
                null);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        owner.onDisconnected(this, "connection failed: " + cause, cause);
    }

    boolean send(String text, Callback callback) {
        Session s = session;
        if (s == null || !s.isOpen()) return false;
        s.sendText(text, callback);
        return true;
    }

    void ping() {
        Session s = session;
        if (s != null && s.isOpen()) s.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
    }

    long lastPongNanos() { return lastPongNanos; }

    void close() {
        Session s = session;
        if (s != null) s.close(1000, "client closed", Callback.NOOP);
    }

    void disconnect() {
        Session s = session;
        if (s != null) s.disconnect();
    }
}
