package io.phonectl.client.xsi;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.http.Challenges;
import io.phonectl.client.http.HttpLimits;
import io.phonectl.client.tls.TlsSupport;
import io.phonectl.xsi.push.XsiPush;
import org.eclipse.jetty.client.ByteBufferRequestContent;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The HTTP side of XSI: one Jetty {@link HttpClient} shared by every {@link XsiClient} of a process.
 * Sends pre-emptive Basic auth, a Content-Length (never chunked), no {@code Expect: 100-continue}, and
 * does not follow redirects (a 7960 answers 303 to a good push). For a phone that challenges with Digest (the
 * catalog's older 79xx, or every phone when told) it sends no credentials until asked, then answers the challenge
 * ({@link DigestExchange}). {@code https://} phones are checked by the config's {@link TransportConfig#tls()}; response
 * headers and bodies are capped. Thread-safe; all methods are asynchronous and never complete exceptionally: failures
 * come back as {@link Exchange.Failed}.
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
        // https:// phones (98xx, hardened 88xx) and a hostile one that sends headers without end (issue 16)
        http.setSslContextFactory(TlsSupport.factory(config.tls()));
        HttpLimits.capHeaders(http, config.maxHeaderBytes());
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
        return post(phone, credentials, false, push, timeout);
    }

    /**
     * As {@link #post(PhoneAddress, Credentials, XsiPush, Duration)}; with {@code digest} (or the config's), the
     * credentials go only in the scheme the phone asks for, Digest preferred ({@link DigestExchange}).
     */
    public CompletableFuture<Exchange> post(PhoneAddress phone, Credentials credentials, boolean digest, XsiPush push,
                                            Duration timeout) {
        return send(() -> http.newRequest(phone.uri(XsiPush.PATH)).method(HttpMethod.POST)
                .body(new ByteBufferRequestContent(push.contentType(), push.body())), credentials, digest, timeout);
    }

    /** GETs a page within {@code timeout}; credentials may be null (information pages usually need none). */
    public CompletableFuture<Exchange> get(PhoneAddress phone, Credentials credentials, String pathAndQuery,
                                           Duration timeout) {
        return get(phone, credentials, false, pathAndQuery, timeout);
    }

    /** As {@link #get(PhoneAddress, Credentials, String, Duration)}, answering a Digest challenge with {@code digest}. */
    public CompletableFuture<Exchange> get(PhoneAddress phone, Credentials credentials, boolean digest,
                                           String pathAndQuery, Duration timeout) {
        return send(() -> http.newRequest(phone.uri(pathAndQuery)).method(HttpMethod.GET), credentials, digest,
                timeout);
    }

    private CompletableFuture<Exchange> send(Supplier<Request> request, Credentials credentials, boolean digest,
                                             Duration timeout) {
        Objects.requireNonNull(timeout, "timeout (config().requestTimeout() is the default)");
        long started = System.nanoTime();
        AtomicReference<Phase> phase = new AtomicReference<>(Phase.CONNECT);
        boolean challenged = credentials != null && (digest || config.digest());
        CompletableFuture<Exchange> result;
        try {
            Request first = prepare(request.get(), challenged ? null : credentials, timeout, phase);
            CompletableFuture<ContentResponse> answer = new CompletableResponseListener(first, config.maxAnswerBytes())
                    .send();
            if (challenged) {
                answer = DigestExchange.answerChallenge(http, first, answer, credentials, retry -> {
                    long left = timeout.toNanos() - (System.nanoTime() - started);
                    return left <= 0 ? null : new CompletableResponseListener(prepare(retry, null,
                            Duration.ofNanos(left), phase), config.maxAnswerBytes()).send();
                }, request);
            }
            result = answer.handle((response, failure) -> {
                if (failure == null) {
                    return new Exchange.Answered(new Answer(response.getStatus(),
                            response.getHeaders().get(HttpHeader.CONTENT_TYPE), response.getContent(),
                            response.getStatus() == 401 && !challenged ? Challenges.schemes(http, response)
                                    : List.of()));
                }
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                return new Exchange.Failed(FailureClassifier.classify(failure, phase.get(), ms, config));
            });
        } catch (RuntimeException e) {
            result = CompletableFuture.completedFuture(new Exchange.Failed(
                    FailureClassifier.classify(e, phase.get(), 0, config)));
        }
        return result;
    }

    /** Timeout, phase tracking, and the headers every request carries (pre-emptive Basic when credentials are given). */
    private Request prepare(Request req, Credentials basic, Duration timeout, AtomicReference<Phase> phase) {
        return req.timeout(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS)
                .onRequestBegin(r -> phase.set(Phase.REQUEST))
                // Jetty may report request success only with the response; commit (headers and, for a body this
                // small, the content written with them) is the observable point where the phone has the request.
                .onRequestCommit(r -> phase.set(Phase.RESPONSE))
                .onRequestSuccess(r -> phase.set(Phase.RESPONSE))
                .headers(h -> {
                    if (basic != null) {
                        h.put(HttpHeader.AUTHORIZATION, basic.basicHeader());
                    }
                    if (!config.keepAlive()) {
                        h.put(HttpHeader.CONNECTION, "close");
                    }
                });
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
