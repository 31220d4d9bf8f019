package io.phonectl.client.xsi;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.xsi.push.XsiPush;
import org.eclipse.jetty.client.ByteBufferRequestContent;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The HTTP side of XSI: one Jetty {@link HttpClient} shared by every {@link XsiClient} of a process.
 * Sends pre-emptive Basic auth, a Content-Length (never chunked), no {@code Expect: 100-continue}, and
 * does not follow redirects (a 7960 answers 303 to a good push). Thread-safe; all methods are asynchronous
 * and never complete exceptionally: failures come back as {@link Exchange.Failed}.
 */
public final class XsiTransport implements AutoCloseable {

    private final HttpClient http;
    private final TransportConfig config;
    private final boolean owned;

    private XsiTransport(HttpClient http, TransportConfig config, boolean owned) {
        this.http = http;
        this.config = config;
        this.owned = owned;
    }

    /** Starts a transport with its own HttpClient; close it when done. */
    public static XsiTransport start(TransportConfig config) {
        Objects.requireNonNull(config, "config");
        HttpClient http = new HttpClient();
        http.setConnectTimeout(config.connectTimeout().toMillis());
        http.setFollowRedirects(false);
        http.setMaxConnectionsPerDestination(config.maxConnectionsPerPhone());
        http.setMaxRequestsQueuedPerDestination(4096);
        http.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, "phonectl"));
        // A fleet push touches thousands of phones once each. Jetty keeps every destination (one per phone) as a
        // bean of the client and walks the bean list on each new connection, so unused destinations must go, or
        // the cost per push grows with the fleet (measured: O(n^2) over 5,000 phones, see docs/BENCHMARKS.md).
        http.setDestinationIdleTimeout(config.keepAlive() ? 30_000 : 20);
        try {
            http.start();
            // Pre-emptive Basic only: a challenge-first round trip is what made phones answer Error 6 (notes §2.1);
            // a 401 is an answer to classify, not a challenge to follow. start() installs the handler, so remove after.
            http.getProtocolHandlers().remove(WWWAuthenticationProtocolHandler.NAME);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the HTTP client: " + e.getMessage(), e);
        }
        return new XsiTransport(http, config, true);
    }

    /**
     * Uses an HttpClient the caller configured and started (proxies, TLS for HTTPS screenshots on 98xx). The caller
     * stops it; redirects and Jetty's challenge handling should be off as in {@link #start(TransportConfig)}.
     */
    public static XsiTransport over(HttpClient started, TransportConfig config) {
        if (!started.isStarted()) {
            throw new IllegalStateException("the HttpClient must be started");
        }
        return new XsiTransport(started, Objects.requireNonNull(config, "config"), false);
    }

    public static XsiTransport start() {
        return start(TransportConfig.DEFAULTS);
    }

    public TransportConfig config() {
        return config;
    }

    /** POSTs a push to {@link XsiPush#PATH}: its shared body, as built, within {@code timeout}. */
    public CompletableFuture<Exchange> post(PhoneAddress phone, Credentials credentials, XsiPush push,
                                            Duration timeout) {
        Request req = http.newRequest(phone.uri(XsiPush.PATH)).method(HttpMethod.POST)
                .body(new ByteBufferRequestContent(push.contentType(), push.body()));
        return send(req, credentials, timeout);
    }

    /** GETs a page within {@code timeout}; credentials may be null (information pages usually need none). */
    public CompletableFuture<Exchange> get(PhoneAddress phone, Credentials credentials, String pathAndQuery,
                                           Duration timeout) {
        return send(http.newRequest(phone.uri(pathAndQuery)).method(HttpMethod.GET), credentials, timeout);
    }

    private CompletableFuture<Exchange> send(Request req, Credentials credentials, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout (config().requestTimeout() is the default)");
        long started = System.nanoTime();
        AtomicReference<Phase> phase = new AtomicReference<>(Phase.CONNECT);
        req.timeout(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS)
                .onRequestBegin(r -> phase.set(Phase.REQUEST))
                // Jetty may report request success only with the response; commit (headers and, for a body this
                // small, the content written with them) is the observable point where the phone has the request.
                .onRequestCommit(r -> phase.set(Phase.RESPONSE))
                .onRequestSuccess(r -> phase.set(Phase.RESPONSE))
                .headers(h -> {
                    if (credentials != null) {
                        h.put(HttpHeader.AUTHORIZATION, credentials.basicHeader());
                    }
                    if (!config.keepAlive()) {
                        h.put(HttpHeader.CONNECTION, "close");
                    }
                });
        CompletableFuture<Exchange> result;
        try {
            result = new CompletableResponseListener(req, config.maxAnswerBytes()).send()
                    .handle((response, failure) -> {
                        if (failure == null) {
                            return new Exchange.Answered(new Answer(response.getStatus(),
                                    response.getHeaders().get(HttpHeader.CONTENT_TYPE), response.getContent()));
                        }
                        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                        return new Exchange.Failed(FailureClassifier.classify(failure, phase.get(), ms,
                                config.maxAnswerBytes()));
                    });
        } catch (RuntimeException e) {
            result = CompletableFuture.completedFuture(new Exchange.Failed(
                    FailureClassifier.classify(e, phase.get(), 0, config.maxAnswerBytes())));
        }
        return result;
    }

    @Override
    public void close() {
        if (owned) {
            try {
                http.stop();
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop the HTTP client: " + e.getMessage(), e);
            }
        }
    }
}
