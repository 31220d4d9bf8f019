package io.phonectl.sim;

import io.phonectl.sim.auth.Authenticator;
import io.phonectl.sim.auth.DigestAuth;
import io.phonectl.sim.host.Impairments;
import io.phonectl.sim.host.MultiListenConnector;
import io.phonectl.sim.host.PhoneHandler;
import io.phonectl.sim.app.Applications;
import io.phonectl.sim.app.Notifier;
import io.phonectl.sim.phone.PhoneFeature;
import io.phonectl.sim.phone.PhoneListener;
import io.phonectl.sim.execute.ExecuteService;
import io.phonectl.sim.media.StreamService;
import io.phonectl.sim.media.TxSender;
import io.phonectl.sim.host.PhoneTls;
import io.phonectl.sim.net.HttpFetch;
import io.phonectl.sim.net.SelfSignedCertificate;
import io.phonectl.xsi.codec.XsiCodec;
import io.phonectl.sim.inspect.InspectionApi;
import io.phonectl.sim.pages.DevicePages;
import io.phonectl.sim.phone.SimPhone;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * Many simulated phones in one JVM: one Jetty server, one connector whose single selector serves every
 * phone's listening socket, one handler that tells phones apart by the local address of the connection.
 * Start with {@link #start(SimConfig)}; prints nothing; {@link #close()} stops everything.
 */
public final class FleetHost implements AutoCloseable {

    /** Selector threads for all phones together: the machine has 2 cores. */
    static final int SELECTORS = 1;
    static final int MAX_PLATFORM_THREADS = 32;
    static final long STOP_TIMEOUT_MS = 2000;

    private final Server server;
    private final List<SimPhone> phones;
    private final Map<String, SimPhone> byName;
    private final ServerConnector inspectConnector;
    private final ExecuteService routes;
    private final TxSender tx;
    private final HttpFetch http;
    private final PhoneTls tls;
    private InspectionApi inspection;

    private FleetHost(Server server, List<SimPhone> phones, ServerConnector inspectConnector, ExecuteService routes,
                      TxSender tx, HttpFetch http, PhoneTls tls) {
        this.http = http;
        this.tls = tls;
        this.routes = routes;
        this.tx = tx;
        this.server = server;
        this.phones = Collections.unmodifiableList(phones);
        Map<String, SimPhone> m = new HashMap<>();
        phones.forEach(p -> m.put(p.name(), p));
        this.byName = m;
        this.inspectConnector = inspectConnector;
    }

    public static FleetHost start(SimConfig config) throws IOException {
        return start(config, Clock.systemUTC());
    }

    /** With a clock, so tests can move time (display timers) without waiting. */
    public static FleetHost start(SimConfig config, Clock clock) throws IOException {
        return start(config, clock, Impairments.NONE);
    }

    /** With phones that answer late or are dead ({@link Impairments}: benchmarks, and tests of what a fleet does). */
    public static FleetHost start(SimConfig config, Clock clock, Impairments impairments) throws IOException {
        QueuedThreadPool pool = new QueuedThreadPool(MAX_PLATFORM_THREADS, 2);
        pool.setName("sim");
        // Play holds a response for a clip's length: blocking handlers run on virtual threads.
        pool.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        Server server = new Server(pool);
        // stopping waits this long for requests in flight (fetches are aborted first, so this is rarely reached)
        server.setStopTimeout(STOP_TIMEOUT_MS);
        HttpConfiguration httpConfig = new HttpConfiguration();
        httpConfig.setSendServerVersion(false);
        Map<SocketAddress, SimPhone> byAddress = new ConcurrentHashMap<>();
        PhoneTls tls = config.web() == SimConfig.Web.HTTP ? null : new PhoneTls(byAddress::get,
                p -> config.web() == SimConfig.Web.HTTPS_ONLY || p.model().catalog().httpsOnly(), clock);
        MultiListenConnector phonesConnector = new MultiListenConnector(server, SELECTORS,
                tls == null ? new ConnectionFactory[] {new HttpConnectionFactory(httpConfig)} : tls.factories(httpConfig));
        InetSocketAddress first = addressOf(config, 0);
        phonesConnector.setHost(first.getAddress().getHostAddress());
        phonesConnector.setPort(first.getPort());
        server.addConnector(phonesConnector);
        ServerConnector inspect = null;
        if (config.inspectPort() >= 0) {
            inspect = new ServerConnector(server, 0, 1, new HttpConnectionFactory(httpConfig));
            inspect.setHost(config.bind().getHostAddress());
            inspect.setPort(config.inspectPort());
            server.addConnector(inspect);
        }
        HttpFetch http = new HttpFetch(true);
        Authenticator auth = config.authUrl() != null
                ? Authenticator.Url.of(config.authUrl(), config.authUrlPost(), http)
                : new Authenticator.Users(config.users());
        Notifier notifier = new Notifier(http);
        TxSender tx = new TxSender(config.bind().isLoopbackAddress() ? loopbackInterface() : null);
        StreamService streams = new StreamService(notifier, tx);
        Applications apps = new Applications(notifier);
        ExecuteService routes = ExecuteService.create(io.phonectl.sim.play.ClipSource.of(config.clipDirectory()),
                config.strictXml() ? XsiCodec.Mode.STRICT : XsiCodec.Mode.LENIENT, PhoneFeature.sequence(streams, apps), http);
        apps.uriRunner(routes::runUri);
        PhoneListener listener = PhoneListener.all(streams, apps, routes.refresher());
        PhoneHandler handler = new PhoneHandler(byAddress, auth, new DigestAuth(clock), new DevicePages(streams::statistics),
                routes);
        handler.impairments(impairments);
        server.setHandler(handler);
        List<SimPhone> phones = new ArrayList<>(config.phones());
        try {
            open(phonesConnector, BindFailure.Role.PHONE, 0, first);
            if (inspect != null) {
                open(inspect, BindFailure.Role.INSPECTION, -1,
                        new InetSocketAddress(config.bind(), config.inspectPort()));
            }
            server.start();
            InetSocketAddress bound0 = new InetSocketAddress(first.getAddress(), phonesConnector.getLocalPort());
            add(phones, byAddress, new SimPhone(0, config.modelOf(0), bound0, clock), listener);
            // per-address mode with port 0: the port the first phone got is every phone's port
            int common = config.firstAddress() != null && config.port() == 0 ? bound0.getPort() : -1;
            for (int i = 1; i < config.phones(); i++) {
                InetSocketAddress at = common < 0 ? addressOf(config, i)
                        : new InetSocketAddress(io.phonectl.sim.net.Addresses.plus(config.firstAddress(), i), common);
                InetSocketAddress bound;
                try {
                    bound = impairments.dead(i) ? phonesConnector.listenDead(at) : phonesConnector.listen(at);
                } catch (IOException e) {
                    throw new BindFailure(BindFailure.Role.PHONE, i, at, e);
                }
                add(phones, byAddress, new SimPhone(i, config.modelOf(i), bound, clock), listener);
            }
        } catch (Exception e) {
            stopQuietly(server);
            http.close();
            tx.close();
            throw e instanceof IOException io ? io : new IOException("fleet host failed to start: " + e.getMessage(), e);
        }
        routes.refresher().start(server.getScheduler());
        FleetHost host = new FleetHost(server, phones, inspect, routes, tx, http, tls);
        if (inspect != null) {
            host.inspection = new InspectionApi(phones, streams::views, routes::follow, routes::browserState);
            host.inspection.certificates(p -> host.certificate(p).map(SelfSignedCertificate::pem));
            handler.inspection(inspect, host.inspection);
        }
        if (config.fleetFile() != null) {
            host.writeFleetFile(config);
        }
        return host;
    }

    private static void open(ServerConnector c, BindFailure.Role role, int phone, InetSocketAddress at) throws IOException {
        try {
            c.open();
        } catch (IOException e) {
            throw new BindFailure(role, phone, at, e);
        }
    }

    private static void add(List<SimPhone> phones, Map<SocketAddress, SimPhone> byAddress, SimPhone p, PhoneListener l) {
        p.listener(l);
        phones.add(p);
        byAddress.put(p.address(), p);
    }

    /**
     * Phone i's listening address: per-address mode (firstAddress + i : port; with port 0 every phone takes the port
     * the first one got) or per-port (bind : basePort + i).
     */
    static InetSocketAddress addressOf(SimConfig c, int i) throws IOException {
        if (c.firstAddress() != null) {
            return new InetSocketAddress(io.phonectl.sim.net.Addresses.plus(c.firstAddress(), i), c.port());
        }
        return new InetSocketAddress(c.bind(), c.basePort() == 0 ? 0 : c.basePort() + i);
    }

    /**
     * Runs the timers that are due on the host's clock now (page refreshes); the host also does this every 250 ms.
     * Tests that move a clock call it instead of waiting.
     */
    public void runTimers() {
        routes.refresher().runDue();
    }

    public List<SimPhone> phones() {
        return phones;
    }

    public Optional<SimPhone> phone(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Base URI of the inspection API, e.g. {@code http://127.0.0.1:41234/}; empty when disabled. */
    public Optional<URI> inspectionUri() {
        if (inspectConnector == null) {
            return Optional.empty();
        }
        return Optional.of(URI.create("http://" + hostLiteral(inspectConnector.getHost()) + ":"
                + inspectConnector.getLocalPort() + "/"));
    }

    /** The inspection API (to serve xAPI devices on the same port: {@code inspection().devices(…)}); empty when disabled. */
    public Optional<InspectionApi> inspection() {
        return Optional.ofNullable(inspection);
    }

    /** Base URI of one phone over plain HTTP, e.g. {@code http://127.0.0.1:40001/}. */
    public static URI uriOf(SimPhone p) {
        return URI.create("http://" + address(p) + "/");
    }

    /** Base URI of one phone over HTTPS, e.g. {@code https://127.0.0.1:40001/} (answers only when HTTPS is served). */
    public static URI httpsUriOf(SimPhone p) {
        return URI.create("https://" + address(p) + "/");
    }

    /** The phone's base URI as a client should use it: https for a phone that serves HTTPS only, else http. */
    public URI uri(SimPhone p) {
        return tls != null && tls.httpsOnly(p) ? httpsUriOf(p) : uriOf(p);
    }

    /** The phone's self-signed certificate when the fleet serves HTTPS (made on first use), else empty. */
    public Optional<SelfSignedCertificate> certificate(SimPhone p) {
        return tls == null ? Optional.empty() : Optional.of(tls.certificate(p));
    }

    private static String address(SimPhone p) {
        return hostLiteral(p.address().getAddress().getHostAddress()) + ":" + p.address().getPort();
    }

    /** CSV: name,address,model,user (never a password). Address is host:port, https://host:port for HTTPS-only. */
    void writeFleetFile(SimConfig config) throws IOException {
        try (Writer w = Files.newBufferedWriter(config.fleetFile(), StandardCharsets.UTF_8)) {
            w.write("name,address,model,user\n");
            for (SimPhone p : phones) {
                // an HTTPS-only phone is listed with its scheme, so clients connect with TLS
                String at = uri(p).getScheme().equals("https") ? "https://" + address(p) : address(p);
                w.write(p.name() + "," + at + "," + p.model().headerName() + "," + config.fleetUser() + "\n");
            }
        }
    }

    private static String hostLiteral(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    @Override
    public void close() {
        http.close(); // first: a handler waiting on a fetch returns at once, so the server can stop
        stopQuietly(server);
        tx.close();
    }

    /** The loopback interface, where a loopback fleet's multicast RTP goes; null if the OS has none. */
    private static java.net.NetworkInterface loopbackInterface() {
        try {
            return java.net.NetworkInterface.getByInetAddress(InetAddress.getLoopbackAddress());
        } catch (java.net.SocketException e) {
            return null;
        }
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping: nothing more to do
        }
    }
}
