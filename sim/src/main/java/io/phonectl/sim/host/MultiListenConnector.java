package io.phonectl.sim.host;

import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * One Jetty connector that listens on many sockets. The connector runs with no acceptor threads, so its
 * selectors accept; each extra {@link ServerSocketChannel} is registered with the same selector manager
 * through {@code SelectorManager.acceptor(channel)}, which hands accepted sockets to the connector exactly
 * as for its own channel. Thousands of listening sockets thus cost one file descriptor each and no threads.
 * The phone behind a connection is found from the connection's local address.
 *
 * <p>Threading: {@link #listen} may be called from any thread once the connector is started.
 */
public final class MultiListenConnector extends ServerConnector {

    /** Backlog per phone socket: a phone serves one client at a time in practice. */
    static final int BACKLOG = 64;

    private final List<Closeable> acceptors = new ArrayList<>();
    private final List<ServerSocketChannel> channels = new ArrayList<>();
    /** Dead phones' sockets: listening sockets nobody accepts on, and the connections that fill their queues. */
    private final List<java.nio.channels.NetworkChannel> dead = new ArrayList<>();

    public MultiListenConnector(Server server, int selectors, ConnectionFactory... factories) {
        super(server, 0, selectors, factories);
    }

    /** Binds one more listening socket served by this connector; returns the bound address (port 0 → actual). */
    public synchronized InetSocketAddress listen(InetSocketAddress address) throws IOException {
        if (!isStarted()) {
            throw new IllegalStateException("start the connector before adding sockets");
        }
        ServerSocketChannel ch = ServerSocketChannel.open();
        try {
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            ch.bind(address, BACKLOG);
            ch.configureBlocking(false);
            acceptors.add(getSelectorManager().acceptor(ch));
            channels.add(ch);
            return (InetSocketAddress) ch.getLocalAddress();
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /**
     * Binds a socket for a phone that is switched off: it listens but nobody accepts, and its accept queue is filled
     * at once (Linux queues backlog + 1 connections and then drops further SYNs), so a client's connect neither
     * succeeds nor is refused: it times out, as towards a dead phone's address. Costs three file descriptors and no
     * selector work.
     */
    public synchronized InetSocketAddress listenDead(InetSocketAddress address) throws IOException {
        ServerSocketChannel ch = ServerSocketChannel.open();
        try {
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            ch.bind(address, 1);
            dead.add(ch);
            InetSocketAddress bound = (InetSocketAddress) ch.getLocalAddress();
            InetSocketAddress target = bound.getAddress().isAnyLocalAddress()
                    ? new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), bound.getPort()) : bound;
            for (int i = 0; i < 2; i++) {
                SocketChannel filler = SocketChannel.open();
                dead.add(filler);
                filler.configureBlocking(false); // never wait: on a kernel that queues fewer, one stays pending
                filler.connect(target);
            }
            return bound;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    public synchronized int extraSockets() {
        return channels.size();
    }

    @Override
    protected void doStop() throws Exception {
        closeExtra();
        super.doStop();
    }

    private synchronized void closeExtra() {
        for (Closeable c : acceptors) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        for (ServerSocketChannel ch : channels) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        for (java.nio.channels.NetworkChannel ch : dead) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        acceptors.clear();
        channels.clear();
        dead.clear();
    }
}
