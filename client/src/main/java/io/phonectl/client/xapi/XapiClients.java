package io.phonectl.client.xapi;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * What many {@link XapiClient}s share when one process holds a WebSocket to each of many devices (the service's live
 * rooms): one Jetty HTTP + WebSocket client per set of connection settings (TLS policy and pin, connect timeout,
 * message cap; the devices of a fleet usually agree on all of them), one timer thread for every client's timeouts,
 * keepalives and reconnects, and one pool of platform threads that delivers each client's listeners one at a time in
 * arrival order (threads only while listeners run). A client of its own ({@link XapiClient#connect(XapiClientConfig)})
 * is one of these for it alone, with one selector; many clients on one do not add threads each (LiveBench: 1,000 live
 * rooms held with 2,133 threads in the JVM, the 1,000 simulated rooms' own servers included, against 13,045 with a
 * client each before this class).
 *
 * <p>Close the clients first: closing this stops the Jetty clients, which drops a connection still open (its client
 * does not reconnect), and {@link #connect} is refused from then on.
 */
public final class XapiClients implements AutoCloseable {

    /** A selector thread per core: many connections' frames are not all read by one thread. */
    private static final int SELECTORS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private final String name;
    private final int selectors;
    private final Map<XapiConnector.Settings, XapiConnector> connectors = new HashMap<>();
    private final ScheduledExecutorService timer;
    private final ExecutorService listeners;
    private boolean closed;

    /** @param name names the shared threads ({@code <name>-timer}, {@code <name>-listener}) */
    public XapiClients(String name) {
        this(name, SELECTORS);
    }

    /** @param selectors Jetty's selector threads per set of Jetty clients (one for a client of its own) */
    XapiClients(String name, int selectors) {
        this.name = name;
        this.selectors = selectors;
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().daemon().name(name + "-timer").factory());
        // a call's timeout is cancelled when its answer comes: out of the queue at once, not when it would have run
        t.setRemoveOnCancelPolicy(true);
        this.timer = t;
        // platform threads, as a client's own dispatch thread: delivery must not wait for a busy carrier
        this.listeners = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name(name + "-listener-", 0)
                .factory());
    }

    /** Connects one client on the shared clients and threads (blocking up to the connect timeout). */
    public XapiClient connect(XapiClientConfig config) {
        return XapiClient.connect(config, this, false);
    }

    /** The Jetty clients for {@code config}'s settings, started the first time they are asked for. */
    synchronized XapiConnector connector(XapiClientConfig config) {
        if (closed) {
            throw new XapiClientException.Connect(0, name + ": the shared xAPI clients are closed", null);
        }
        return connectors.computeIfAbsent(XapiConnector.settings(config), s -> {
            XapiConnector c = new XapiConnector(config, selectors);
            c.start();
            return c;
        });
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    /** One client's listener delivery: in order, on the shared pool. */
    SerialExecutor listenerQueue() {
        return new SerialExecutor(listeners);
    }

    /** How many sets of Jetty clients were started (for tests). */
    synchronized int connectors() {
        return connectors.size();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        connectors.values().forEach(XapiConnector::stop);
        timer.shutdownNow();
        listeners.shutdown();
    }
}
