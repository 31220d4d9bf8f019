package io.phonectl.sim.inspect;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.net.URI;

/**
 * The inspection API on its own listener, for a process that simulates xAPI devices but no phones (with phones,
 * {@link io.phonectl.sim.FleetHost} serves the same {@link InspectionApi} on its inspection connector).
 */
public final class InspectionServer implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;

    private InspectionServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /** Listens on {@code bind:port} (port 0: ephemeral) and returns once accepting. */
    public static InspectionServer start(String bind, int port, InspectionApi api) throws IOException {
        QueuedThreadPool pool = new QueuedThreadPool(8, 1);
        pool.setName("sim-inspect");
        Server server = new Server(pool);
        ServerConnector connector = new ServerConnector(server, 0, 1);
        connector.setHost(bind);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new InspectionHandler(api));
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // failed start: nothing more to release
            }
            throw new IOException("inspection API on " + bind + ":" + port + " failed to start: " + e.getMessage(), e);
        }
        return new InspectionServer(server, connector);
    }

    public URI uri() {
        String host = connector.getHost().contains(":") ? "[" + connector.getHost() + "]" : connector.getHost();
        return URI.create("http://" + host + ":" + connector.getLocalPort() + "/");
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
