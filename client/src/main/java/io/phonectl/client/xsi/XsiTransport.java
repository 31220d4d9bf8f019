package io.phonectl.client.xsi;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.xsi.push.XsiPush;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.io.Transport;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The HTTP side of XSI, shared by every {@link XsiClient} of a process: each exchange opens a connection of its
 * own, sends one request with {@code Connection: close} (as phones and the push clients that work with them do,
 * reference notes §2.1) and reads one answer. Requests are written byte for byte in one fixed form: pre-emptive Basic
 * auth, a Content-Length (never chunked), no {@code Expect: 100-continue}; redirects are not followed (a 7960 answers
 * 303 to a good push). One Jetty {@link ClientConnector} (one selector thread) does the I/O; nothing is kept per
 * phone, so the cost of a push does not grow with the fleet. Thread-safe; all methods are asynchronous and never
 * complete exceptionally: failures come back as {@link Exchange.Failed}.
 */
public final class XsiTransport implements AutoCloseable {

    static final String USER_AGENT = "phonectl";

    private final ClientConnector connector;
    private final TransportConfig config;
    private final WireTimeouts timeouts;
    private final HeadTails tails = new HeadTails();

    private XsiTransport(ClientConnector connector, TransportConfig config) {
        this.connector = connector;
        this.config = config;
        this.timeouts = new WireTimeouts(connector.getScheduler());
    }

    /** Starts a transport; close it when done. */
    public static XsiTransport start(TransportConfig config) {
        Objects.requireNonNull(config, "config");
        QueuedThreadPool pool = new QueuedThreadPool(8, 1);
        pool.setName("phonectl-xsi");
        pool.setDaemon(true);
        ClientConnector connector = new ClientConnector();
        connector.setExecutor(pool);
        connector.setScheduler(new ScheduledExecutorScheduler("phonectl-xsi-timer", true));
        connector.setSelectors(1);
        connector.setConnectTimeout(config.connectTimeout());
        // XSI is plain HTTP: the connector's TLS factory is never used, so it is not started (which loads the JDK's
        // trust store: tens of milliseconds at every start of a command)
        SslContextFactory.Client unusedTls = new SslContextFactory.Client();
        connector.setSslContextFactory(unusedTls);
        connector.unmanage(unusedTls);
        // every exchange has a deadline for the whole of it (WireTimeouts); an idle timer as well would be a second one
        connector.setIdleTimeout(Duration.ZERO);
        try {
            connector.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the HTTP client: " + e.getMessage(), e);
        }
        prepare();
        return new XsiTransport(connector, config);
    }

    /**
     * Starts, once per process and on a thread of its own, what the first answer would otherwise do on the selector
     * thread in the middle of the first exchanges: initialising Jetty's HTTP parser and the JDK's XML reader (in a
     * fresh process, about a second of locale data and MIME tables on a loaded machine). A command calls it as early
     * as it knows it will talk to phones, so that it overlaps reading an inventory; starting a transport calls it too.
     */
    public static void prepare() {
        if (PREPARED.compareAndSet(false, true)) {
            Thread.ofPlatform().daemon().name("phonectl-xsi-prepare").start(WireConnection::warm);
        }
    }

    private static final java.util.concurrent.atomic.AtomicBoolean PREPARED =
            new java.util.concurrent.atomic.AtomicBoolean();

    public static XsiTransport start() {
        return start(TransportConfig.DEFAULTS);
    }

    public TransportConfig config() {
        return config;
    }

    /** POSTs a push to {@link XsiPush#PATH}: its shared body, as built, within {@code timeout}. */
    public CompletableFuture<Exchange> post(PhoneAddress phone, Credentials credentials, XsiPush push,
                                            Duration timeout) {
        ByteBuffer host = ByteBuffer.wrap(("POST " + XsiPush.PATH + " HTTP/1.1\r\nHost: " + hostField(phone) + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        return send(phone, new ByteBuffer[]{host, tails.of(push, credentials), push.body()}, timeout);
    }

    /** GETs a page within {@code timeout}; credentials may be null (information pages usually need none). */
    public CompletableFuture<Exchange> get(PhoneAddress phone, Credentials credentials, String pathAndQuery,
                                           Duration timeout) {
        return send(phone, new ByteBuffer[]{head("GET", pathAndQuery, phone, credentials, null, -1)}, timeout);
    }

    /**
     * The request line and headers, in the one order every request uses: Host, User-Agent, Authorization,
     * Connection, then Content-Type and Content-Length for a body.
     */
    static ByteBuffer head(String method, String pathAndQuery, PhoneAddress phone, Credentials credentials,
                           String contentType, int contentLength) {
        return ByteBuffer.wrap((method + " " + pathAndQuery + " HTTP/1.1\r\nHost: " + hostField(phone) + "\r\n"
                + tail(credentials, contentType, contentLength)).getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The headers after Host, and the blank line: the same for every phone of a push. */
    static String tail(Credentials credentials, String contentType, int contentLength) {
        StringBuilder sb = new StringBuilder(192).append("User-Agent: ").append(USER_AGENT);
        if (credentials != null) {
            sb.append("\r\nAuthorization: ").append(credentials.basicHeader());
        }
        sb.append("\r\nConnection: close");
        if (contentType != null) {
            sb.append("\r\nContent-Type: ").append(contentType).append("\r\nContent-Length: ").append(contentLength);
        }
        return sb.append("\r\n\r\n").toString();
    }

    /** {@code host[:port]}: the port only when it is not HTTP's 80, as browsers and curl write it. */
    static String hostField(PhoneAddress phone) {
        String h = phone.host().indexOf(':') >= 0 ? "[" + phone.host() + "]" : phone.host();
        return phone.port() == PhoneAddress.DEFAULT_PORT ? h : h + ":" + phone.port();
    }

    private CompletableFuture<Exchange> send(PhoneAddress phone, ByteBuffer[] request, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout (config().requestTimeout() is the default)");
        WireExchange exchange = new WireExchange(request, config.maxAnswerBytes(), Math.max(1, timeout.toNanos()),
                timeouts::forget);
        try {
            // a literal is parsed without a lookup; a name is looked up here, on the caller's thread
            InetSocketAddress address = new InetSocketAddress(phone.host(), phone.port());
            if (address.isUnresolved()) {
                throw new UnresolvedAddressException();
            }
            timeouts.watch(exchange);
            Map<String, Object> context = new HashMap<>(8);
            context.put(Transport.class.getName(), exchange);
            context.put(ClientConnector.CONNECTION_PROMISE_CONTEXT_KEY, exchange);
            connector.connect(address, context);
        } catch (RuntimeException e) {
            exchange.fail(e);
        }
        return exchange.result();
    }

    /** Exchanges in flight (whose deadlines are watched). */
    int inFlight() {
        return timeouts.watched();
    }

    @Override
    public void close() {
        timeouts.destroy();
        try {
            connector.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the HTTP client: " + e.getMessage(), e);
        }
    }
}
