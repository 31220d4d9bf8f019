package io.phonectl.client.xapi;

import io.phonectl.xapi.path.XPath;
import java.util.function.Consumer;

/**
 * A feedback subscription that outlives reconnects: after a drop the client subscribes again (with
 * NotifyCurrentValue, so the listener sees the state it missed) and the device's new Id replaces the old one.
 * {@link #close()} unsubscribes.
 */
public final class XapiSubscription implements AutoCloseable {
    private final XapiClient client;
    private final XPath query;
    private final boolean notifyCurrentValue;
    private final Consumer<XapiFeedback> listener;
    private volatile long deviceId = -1;
    private volatile boolean closed;

    XapiSubscription(XapiClient client, XPath query, boolean notifyCurrentValue, Consumer<XapiFeedback> listener) {
        this.client = client;
        this.query = query;
        this.notifyCurrentValue = notifyCurrentValue;
        this.listener = listener;
    }

    public XPath query() { return query; }

    /** The device's Id on the current connection; -1 while not registered (disconnected, re-subscribing). */
    public long deviceId() { return deviceId; }

    public boolean active() { return !closed && deviceId >= 0; }

    boolean notifyCurrentValue() { return notifyCurrentValue; }

    Consumer<XapiFeedback> listener() { return listener; }

    void deviceId(long id) { this.deviceId = id; }

    boolean closed() { return closed; }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        client.unsubscribe(this);
    }

    @Override
    public String toString() {
        return "XapiSubscription[" + query.words() + ", Id=" + deviceId + "]";
    }
}
