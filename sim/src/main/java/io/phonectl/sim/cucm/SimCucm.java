package io.phonectl.sim.cucm;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import io.phonectl.sim.net.SelfSignedCertificate;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;

/**
 * A simulated CUCM cluster on one listener: AXL at {@code /axl/} and RisPort70 at
 * {@code /realtimeservice2/services/RISService70}, answering from a {@link CucmDirectory}. Every node answers
 * through this one listener (a real cluster has one per node; RisPort on any node answers for all). Start with
 * {@link #start}; {@link #close()} stops it.
 */
public final class SimCucm implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;
    private final CucmConfig config;
    private final CucmDirectory directory;
    private final CucmHandler handler;
    private final SelfSignedCertificate certificate;

    private SimCucm(Server server, ServerConnector connector, CucmConfig config, CucmDirectory directory,
                    CucmHandler handler, SelfSignedCertificate certificate) {
        this.server = server;
        this.connector = connector;
        this.config = config;
        this.directory = directory;
        this.handler = handler;
        this.certificate = certificate;
    }

    /**
     * Listens and returns once accepting.
     *
     * @param clock RisPort's rate window and the registration TimeStamps run on it (tests move it by hand)
     */
    public static SimCucm start(CucmConfig config, CucmDirectory directory, Clock clock) throws IOException {
        if (!directory.nodes().equals(config.nodes())) {
            throw new IllegalArgumentException("the directory's nodes " + directory.nodes()
                    + " differ from the configuration's " + config.nodes());
        }
        QueuedThreadPool pool = new QueuedThreadPool(16, 1);
        pool.setName("sim-cucm");
        pool.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        Server server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        SelfSignedCertificate cert = null;
        ServerConnector connector;
        if (config.tls()) {
            cert = SelfSignedCertificate.create(config.nodes().getFirst(), dnsNames(config), addresses(config),
                    clock.instant());
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            char[] storePassword = "sim-cucm".toCharArray();
            ssl.setKeyStore(cert.keyStore(storePassword));
            ssl.setKeyStorePassword(new String(storePassword));
            // the certificate names loopback addresses; clients check them, not Jetty's SNI rules
            http.addCustomizer(new SecureRequestCustomizer(false));
            connector = new ServerConnector(server, null, null, null, 1, 1, new SslConnectionFactory(ssl, "http/1.1"),
                    new HttpConnectionFactory(http));
        } else {
            connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        }
        connector.setHost(config.bind().getHostAddress());
        connector.setPort(config.port());
        server.addConnector(connector);
        CucmHandler handler = new CucmHandler(config.users(), new AxlEndpoint(directory, config.maxReplyBytes()),
                new RisEndpoint(directory, new RateLimiter(clock, config.ratePerMinute())));
        server.setHandler(handler);
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // failed start: nothing more to release
            }
            throw new IOException("simulated CUCM on " + config.bind().getHostAddress() + ":" + config.port()
                    + " failed to start: " + e.getMessage(), e);
        }
        return new SimCucm(server, connector, config, directory, handler, cert);
    }

    private static List<String> dnsNames(CucmConfig c) {
        List<String> names = new ArrayList<>(c.nodes());
        names.add("localhost");
        return names;
    }

    private static List<InetAddress> addresses(CucmConfig c) {
        List<InetAddress> a = new ArrayList<>();
        a.add(c.bind());
        if (!c.bind().equals(InetAddress.getLoopbackAddress())) {
            a.add(InetAddress.getLoopbackAddress());
        }
        return a;
    }

    /** {@code https://127.0.0.1:PORT/} (or http). */
    public URI uri() {
        String host = connector.getHost().contains(":") ? "[" + connector.getHost() + "]" : connector.getHost();
        return URI.create((config.tls() ? "https" : "http") + "://" + host + ":" + connector.getLocalPort() + "/");
    }

    /** {@code host:port}, as the discovery command's --cucm takes it. */
    public String hostAndPort() {
        return uri().getAuthority();
    }

    public CucmDirectory directory() {
        return directory;
    }

    public CucmConfig config() {
        return config;
    }

    /** The certificate served over HTTPS; empty with plain HTTP. */
    public Optional<SelfSignedCertificate> certificate() {
        return Optional.ofNullable(certificate);
    }

    /** AXL requests answered so far (all outcomes). */
    public long axlRequests() {
        return handler.axlRequests.get();
    }

    /** RisPort requests answered so far, those refused for the rate included. */
    public long risRequests() {
        return handler.risRequests.get();
    }

    /**
     * A slow RisPort, for tests that need a discovery reliably in progress: while held, RisPort requests are taken
     * (counted, {@link #risHeld}) but answered only once {@link #release} is called (or after two minutes).
     */
    public void holdRisPort() {
        handler.hold(true);
    }

    /** Answers the RisPort requests held, and holds no more. */
    public void release() {
        handler.hold(false);
    }

    /** RisPort requests waiting for {@link #release} now. */
    public int risHeld() {
        return handler.risHeld.get();
    }

    @Override
    public void close() {
        handler.hold(false);
        try {
            server.stop();
        } catch (Exception e) {
            // stopping: nothing more to do
        }
    }
}
