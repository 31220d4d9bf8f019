package io.phonectl.client.xsi;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.xsi.push.XsiPush;
import io.phonectl.client.tls.TlsSupport;
import org.eclipse.jetty.io.ClientConnectionFactory;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.io.Transport;
import org.eclipse.jetty.io.ssl.SslClientConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

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
 * phone, so the cost of a push does not grow with the fleet. {@code https://} phones are spoken to through Jetty's
 * TLS connection inside the same exchange, their certificates checked by the config's {@link TransportConfig#tls()}.
 * For a phone that challenges with Digest (the catalog's older 79xx, or every phone when told) the first request
 * carries no credentials; its 401 is answered with one more exchange ({@link DigestRetry}). Answer heads and bodies
 * are capped. Thread-safe; all methods are asynchronous and never complete exceptionally: failures come back as
 * {@link Exchange.Failed}.
 */
public final class XsiTransport implements AutoCloseable {

    static final String USER_AGENT = "phonectl";

    private final ClientConnector connector;
    private final TransportConfig config;
    private final WireTimeouts timeouts;
    private final HeadTails tails = new HeadTails();
    private final AnswerParsers parsers;
    private final SslContextFactory.Client tlsContext;
    /** TLS for https:// phones, made on the first one (starting the context loads the trust store). */
    private volatile ClientConnectionFactory tls;

    private XsiTransport(ClientConnector connector, TransportConfig config, SslContextFactory.Client tlsContext) {
        this.connector = connector;
        this.config = config;
        this.tlsContext = tlsContext;
        this.timeouts = new WireTimeouts(connector.getScheduler());
        this.parsers = new AnswerParsers(config.maxHeaderBytes());
    }

    /** Starts a transport; close it when done. */
    public static XsiTransport start(TransportConfig config) {
        Objects.requireNonNull(config, "config");
        QueuedThreadPool pool = new QueuedThreadPool(8, 1);
        pool.setName("phonectl-xsi");
        pool.setDaemon(true);
        ClientConnector connector = new WireConnector();
        connector.setExecutor(pool);
        connector.setSelectors(1);
        // the connect deadline is each exchange's, on the deadline set (WireExchange, WireConnector)
        // most phones speak plain HTTP: the TLS context is started on the first https:// phone only (starting it
        // loads the trust store: tens of milliseconds at every start of a command)
        SslContextFactory.Client tlsContext = TlsSupport.factory(config.tls());
        connector.setSslContextFactory(tlsContext);
        connector.unmanage(tlsContext);
        // every exchange has a deadline for the whole of it (WireTimeouts); an idle timer as well would be a second one
        connector.setIdleTimeout(Duration.ZERO);
        try {
            connector.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the HTTP client: " + e.getMessage(), e);
        }
        prepare();
        return new XsiTransport(connector, config, tlsContext);
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
        return post(phone, credentials, false, push, timeout);
    }

    /**
     * As {@link #post(PhoneAddress, Credentials, XsiPush, Duration)}; with {@code digest} (or the config's), the
     * credentials go only in the scheme the phone asks for, Digest preferred ({@link DigestRetry}).
     */
    public CompletableFuture<Exchange> post(PhoneAddress phone, Credentials credentials, boolean digest, XsiPush push,
                                            Duration timeout) {
        if (credentials != null && (digest || config.digest())) {
            return DigestRetry.send(phone, XsiPush.PATH, "POST", credentials, timeout, connector.getExecutor(),
                    (authorization, left) -> send(phone, postRequest(phone, push, authorization == null
                            ? tails.of(push, null) : ByteBuffer.wrap(tailWith(authorization, push.contentType(),
                            push.bodyLength()).getBytes(StandardCharsets.ISO_8859_1))), left));
        }
        return send(phone, postRequest(phone, push, tails.of(push, credentials)), timeout);
    }

    /** GETs a page within {@code timeout}; credentials may be null (information pages usually need none). */
    public CompletableFuture<Exchange> get(PhoneAddress phone, Credentials credentials, String pathAndQuery,
                                           Duration timeout) {
        return get(phone, credentials, false, pathAndQuery, timeout);
    }

    /**
     * As {@link #get(PhoneAddress, Credentials, String, Duration)}, answering a Digest challenge with {@code digest}.
     */
    public CompletableFuture<Exchange> get(PhoneAddress phone, Credentials credentials, boolean digest,
                                           String pathAndQuery, Duration timeout) {
        if (credentials != null && (digest || config.digest())) {
            return DigestRetry.send(phone, pathAndQuery, "GET", credentials, timeout, connector.getExecutor(),
                    (authorization, left) -> send(phone, new ByteBuffer[]{headWith("GET", pathAndQuery, phone,
                            authorization, null, -1)}, left));
        }
        return send(phone, new ByteBuffer[]{head("GET", pathAndQuery, phone, credentials, null, -1)}, timeout);
    }

    /** A push's request: the request line and Host, the rest of the head ({@code tail}) and the body. */
    private static ByteBuffer[] postRequest(PhoneAddress phone, XsiPush push, ByteBuffer tail) {
        return new ByteBuffer[]{ByteBuffer.wrap(postHead(phone)), tail, push.body()};
    }

    private static final byte[] POST_HOST = ("POST " + XsiPush.PATH + " HTTP/1.1\r\nHost: ")
            .getBytes(StandardCharsets.ISO_8859_1);

    /**
     * A push's request line and Host line written straight into one array: the only part of a push's request made
     * for each phone. The Host value is {@link #hostField}'s (the one rule for brackets and default ports); a host is
     * ASCII (PhoneAddress checks it).
     */
    static byte[] postHead(PhoneAddress phone) {
        String host = hostField(phone);
        byte[] b = new byte[POST_HOST.length + host.length() + 2];
        System.arraycopy(POST_HOST, 0, b, 0, POST_HOST.length);
        int i = ascii(host, b, POST_HOST.length);
        b[i++] = '\r';
        b[i] = '\n';
        return b;
    }

    private static int ascii(String s, byte[] into, int at) {
        for (int k = 0; k < s.length(); k++) {
            into[at++] = (byte) s.charAt(k);
        }
        return at;
    }

    /**
     * The request line and headers, in the one order every request uses: Host, User-Agent, Authorization,
     * Connection, then Content-Type and Content-Length for a body.
     */
    static ByteBuffer head(String method, String pathAndQuery, PhoneAddress phone, Credentials credentials,
                           String contentType, int contentLength) {
        return headWith(method, pathAndQuery, phone, credentials == null ? null : credentials.basicHeader(),
                contentType, contentLength);
    }

    /** As above with the {@code Authorization} value as it is (a Digest answer), or none for null. */
    static ByteBuffer headWith(String method, String pathAndQuery, PhoneAddress phone, String authorization,
                           String contentType, int contentLength) {
        return ByteBuffer.wrap((method + " " + pathAndQuery + " HTTP/1.1\r\nHost: " + hostField(phone) + "\r\n"
                + tailWith(authorization, contentType, contentLength)).getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The headers after Host, and the blank line: the same for every phone of a push. */
    static String tail(Credentials credentials, String contentType, int contentLength) {
        return tailWith(credentials == null ? null : credentials.basicHeader(), contentType, contentLength);
    }

    /** As above with the {@code Authorization} value as it is, or none for null. */
    static String tailWith(String authorization, String contentType, int contentLength) {
        StringBuilder sb = new StringBuilder(192).append("User-Agent: ").append(USER_AGENT);
        if (authorization != null) {
            sb.append("\r\nAuthorization: ").append(authorization);
        }
        sb.append("\r\nConnection: close");
        if (contentType != null) {
            sb.append("\r\nContent-Type: ").append(contentType).append("\r\nContent-Length: ").append(contentLength);
        }
        return sb.append("\r\n\r\n").toString();
    }

    /** {@code host[:port]}: the port only when it is not the scheme's (80, 443), as browsers and curl write it. */
    static String hostField(PhoneAddress phone) {
        String h = phone.host().indexOf(':') >= 0 ? "[" + phone.host() + "]" : phone.host();
        int standard = phone.https() ? PhoneAddress.DEFAULT_HTTPS_PORT : PhoneAddress.DEFAULT_PORT;
        return phone.port() == standard ? h : h + ":" + phone.port();
    }

    private CompletableFuture<Exchange> send(PhoneAddress phone, ByteBuffer[] request, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout (config().requestTimeout() is the default)");
        WireExchange exchange;
        try {
            exchange = new WireExchange(request, config, phone.https() ? tls() : null, parsers,
                    Math.max(1, timeout.toNanos()), timeouts::forget);
        } catch (RuntimeException e) {
            // the TLS context could not start (an unreadable trust file): this exchange's failure, as any other
            return CompletableFuture.completedFuture(new Exchange.Failed(
                    FailureClassifier.classify(e, Phase.CONNECT, 0, config)));
        }
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

    /**
     * The TLS side of https:// exchanges: Jetty's TLS connection around each exchange's own, over the transport's one
     * context (started here, once). The exchange finds itself in the connect's context.
     */
    private ClientConnectionFactory tls() {
        ClientConnectionFactory t = tls;
        if (t == null) {
            synchronized (this) {
                t = tls;
                if (t == null) {
                    try {
                        tlsContext.start();
                    } catch (Exception e) {
                        throw new IllegalStateException("cannot start TLS: " + e.getMessage(), e);
                    }
                    t = new SslClientConnectionFactory(tlsContext, connector.getByteBufferPool(),
                            connector.getExecutor(), (endPoint, context) ->
                            ((WireExchange) context.get(Transport.class.getName())).open(endPoint));
                    tls = t;
                }
            }
        }
        return t;
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
            if (tlsContext.isStarted()) {
                tlsContext.stop();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the HTTP client: " + e.getMessage(), e);
        }
    }
}
