package io.phonectl.server.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The Jetty handler in front of every route: match, authenticate, authorise (role, one-time password, CSRF),
 * run the endpoint, answer JSON or a problem, audit state-changing calls (before their answer: {@link AuditedResponse}),
 * time every request. A blocking handler: Jetty runs it on a thread of its pool (platform threads, which the OS shares
 * out fairly: on virtual threads, busy requests overtook waiting ones and the slowest hundredth of device pages took
 * 10 times longer); a paged read first waits for a place in the {@link RequestLane}, so that only a few run at once,
 * in arrival order; a streamed answer is written on a virtual thread of its own.
 */
public final class RouterHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(RouterHandler.class);
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "_csrf";

    private final Router router;
    private final Authenticator authenticator;
    private final AuditSink audit;
    private final MeterRegistry meters;
    private final long defaultMaxBody;
    private final PageErrors pages;
    private final RequestScope scope;
    private final RequestLane lane = RequestLane.forCores();

    public RouterHandler(Router router, Authenticator authenticator, AuditSink audit, MeterRegistry meters,
                         long defaultMaxBody) {
        this(router, authenticator, audit, meters, defaultMaxBody, null);
    }

    /** @param pages how errors on console pages are answered (null: problem documents everywhere) */
    public RouterHandler(Router router, Authenticator authenticator, AuditSink audit, MeterRegistry meters,
                         long defaultMaxBody, PageErrors pages) {
        this(router, authenticator, audit, meters, defaultMaxBody, pages, RequestScope.NONE);
    }

    /** @param scope what each request's authentication and endpoint are wrapped in (not the writing of its answer) */
    public RouterHandler(Router router, Authenticator authenticator, AuditSink audit, MeterRegistry meters,
                         long defaultMaxBody, PageErrors pages, RequestScope scope) {
        this.scope = scope;
        this.router = router;
        this.authenticator = authenticator;
        this.audit = audit;
        this.meters = meters;
        this.defaultMaxBody = defaultMaxBody;
        this.pages = pages;
    }

    @Override
    public boolean handle(Request request, Response original, Callback callback) {
        long start = System.nanoTime();
        String method = request.getMethod();
        String path = Request.getPathInContext(request);
        Router.Match match = null;
        Exchange exchange = null;
        Principal caller = Principal.ANONYMOUS;
        // a state-changing call's answer goes through AuditedResponse: its audit entry is written before the answer
        AuditedResponse audited = null;
        Response response = original;
        int status;
        try {
            match = router.match(method, path);
            Route route = match.route();
            if (route.mutating()) {
                audited = new AuditedResponse(request, original, audit, route.template());
                response = audited;
            }
            try (RequestLane.Place place = lane.enter(route)) {
                Reply reply;
                // the reads of the request's answer, not those of a stream it writes (each of which reads anew)
                try (RequestScope.Open reads = scope.open()) {
                    Principal who = authenticator.authenticate(request);
                    caller = who;
                    exchange = new Exchange(request, who, match, route.maxBody() > 0 ? route.maxBody()
                            : defaultMaxBody);
                    if (audited != null) {
                        audited.exchange(exchange);
                    }
                    authorise(route, who, exchange);
                    reply = route.endpoint().handle(exchange);
                }
                status = write(request, response, callback, reply, exchange);
            }
        } catch (ApiException e) {
            boolean close = bodyUnread(request, exchange);
            status = page(match, path)
                    ? pageError(request, response, callback, caller, e.status(), e.type(), e.getMessage(),
                            closing(e.headers(), close))
                    : problem(response, callback, e, close);
        } catch (Throwable e) {
            String ref = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
            LOG.error("{} {} failed (reference {})", method, match == null ? path : match.route().template(), ref, e);
            String detail = "an unexpected error; the server log has the details under reference " + ref;
            status = page(match, path) ? pageError(request, response, callback, caller, 500, "internal", detail, Map.of())
                    : problem(response, callback, 500, "internal", "Internal error", detail, Map.of());
        }
        if (audited != null) {
            audited.record(status); // when its answer wrote nothing (otherwise written already)
        }
        Timer.builder("http.server.requests").tag("method", method)
                .tag("route", match == null ? "unmatched" : match.route().template())
                .tag("status", Integer.toString(status)).register(meters)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return true;
    }

    private static void stream(Request request, Response response, Callback callback, Reply reply,
                               Exchange exchange) {
        String route = exchange == null ? Request.getPathInContext(request) : exchange.route().template();
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            reply.stream().writeTo(out);
        } catch (java.io.IOException e) {
            // the client went away mid-stream (an SSE reader closing its tab): normal, not a server error
            LOG.debug("{} {}: stream ended by the client: {}", request.getMethod(), route, e.toString());
            callback.failed(e);
            return;
        } catch (RuntimeException e) {
            // on its own thread nothing above sees it: logged here, and the response aborted rather than left open
            LOG.error("{} {}: stream failed", request.getMethod(), route, e);
            callback.failed(e);
            return;
        }
        callback.succeeded();
    }

    /** Whether an error here goes to a person: a console page, or an unknown path outside the API. */
    private boolean page(Router.Match match, String path) {
        if (pages == null) {
            return false;
        }
        return match != null ? match.route().page() : !path.startsWith("/api/");
    }

    private int pageError(Request request, Response response, Callback callback, Principal who, int status,
                          String type, String detail, Map<String, String> headers) {
        if (response.isCommitted()) {
            callback.failed(new IllegalStateException("response already committed"));
            return status;
        }
        try {
            Reply reply = pages.render(request, who, status, type, detail);
            response.reset();
            headers.forEach((k, v) -> response.getHeaders().put(k, v));
            return write(request, response, callback, reply, null);
        } catch (Throwable e) {
            LOG.error("the error page for {} failed", status, e);
            return problem(response, callback, status, type, "Error", detail, headers);
        }
    }

    /**
     * A request refused before its body was read (not authenticated, not allowed, no route): Jetty cannot keep the
     * connection and closes it after the answer. Saying so in the answer stops a client from sending its next request
     * on a connection that is about to close (the JDK client then fails it with "header parser received no bytes").
     */
    private static boolean bodyUnread(Request request, Exchange exchange) {
        boolean hasBody = request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        return hasBody && (exchange == null || !exchange.bodyRead());
    }

    private static void authorise(Route route, Principal who, Exchange exchange) {
        if (route.role() == null) {
            return;
        }
        if (!who.authenticated()) {
            throw new ApiException.Unauthenticated("this needs a bearer token (Authorization: Bearer …) or a "
                    + "session cookie from POST /api/v1/session");
        }
        if (who.mustChangePassword() && !route.beforePasswordChange()) {
            throw new ApiException.Forbidden("password-change-required", who.name() + " signed in with a one-time "
                    + "password: change it first (PUT /api/v1/session/password)");
        }
        if (!who.role().covers(route.role())) {
            throw ApiException.Forbidden.role(route.role(), who);
        }
        if (route.mutating() && who.viaCookie()) {
            checkCsrf(who, exchange);
        }
    }

    /** Cookie-authenticated writes carry the session's CSRF token in a header or, from a form, a field. */
    private static void checkCsrf(Principal who, Exchange exchange) {
        String token = exchange.header(CSRF_HEADER);
        if (token == null && (exchange.contentType().equals("application/x-www-form-urlencoded")
                || exchange.contentType().equals("multipart/form-data"))) {
            token = exchange.formField(CSRF_FIELD);
        }
        if (token == null || !MessageDigest.isEqual(Hashing.sha256(token).getBytes(StandardCharsets.US_ASCII),
                who.csrfHash().getBytes(StandardCharsets.US_ASCII))) {
            throw new ApiException.Forbidden("csrf", "a request authenticated by the session cookie must carry the "
                    + "session's CSRF token in the " + CSRF_HEADER + " header (or the " + CSRF_FIELD + " form field)");
        }
    }

    private int write(Request request, Response response, Callback callback, Reply reply, Exchange exchange)
            throws Exception {
        response.setStatus(reply.status());
        common(response);
        reply.headers().forEach((k, v) -> response.getHeaders().put(k, v));
        if (exchange != null) {
            exchange.cookiesToSet().forEach(c -> Response.addCookie(response, c));
        }
        if (reply.contentType() != null) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType()
                    + (reply.contentType().startsWith("text/") || reply.contentType().endsWith("json")
                    ? "; charset=utf-8" : ""));
        }
        if (reply.stream() != null) {
            // a stream (an SSE reader, an export) may last for hours: it is written on a virtual thread of its own,
            // so it never holds one of the pool's threads that answer requests
            Thread.ofVirtual().name("http-stream").start(() -> stream(request, response, callback, reply, exchange));
            return reply.status();
        }
        if (reply.json() != null) {
            PooledBody body = new PooledBody(request.getComponents().getByteBufferPool());
            try {
                Json.write(reply.json(), body);
            } catch (RuntimeException e) {
                body.release();
                throw e;
            }
            if (request.getMethod().equals("HEAD")) {
                body.release();
                response.write(true, null, callback);
            } else {
                response.write(true, body.flip(), Callback.from(body::release, callback));
            }
            return reply.status();
        }
        byte[] body = reply.bytes();
        if (request.getMethod().equals("HEAD") || body == null) {
            response.write(true, null, callback);
        } else {
            response.write(true, ByteBuffer.wrap(body), callback);
        }
        return reply.status();
    }

    private static int problem(Response response, Callback callback, ApiException e, boolean close) {
        return problem(response, callback, e.status(), null, null, null, closing(e.headers(), close), e.problem());
    }

    /** The error's headers, with {@code Connection: close} when the request's body was left unread. */
    private static Map<String, String> closing(Map<String, String> headers, boolean close) {
        if (!close) {
            return headers;
        }
        Map<String, String> h = new java.util.LinkedHashMap<>(headers);
        h.put(HttpHeader.CONNECTION.asString(), "close");
        return h;
    }

    private static int problem(Response response, Callback callback, int status, String type, String title,
                               String detail, Map<String, String> headers) {
        return problem(response, callback, status, type, title, detail, headers, null);
    }

    private static int problem(Response response, Callback callback, int status, String type, String title,
                               String detail, Map<String, String> headers, Map<String, Object> body) {
        if (response.isCommitted()) {
            callback.failed(new IllegalStateException("response already committed"));
            return status;
        }
        response.reset();
        response.setStatus(status);
        common(response);
        headers.forEach((k, v) -> response.getHeaders().put(k, v));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json; charset=utf-8");
        Map<String, Object> doc = body != null ? body : Map.of("type", ApiException.TYPE_PREFIX + type, "title", title,
                "status", status, "detail", detail);
        response.write(true, ByteBuffer.wrap(Json.write(doc)), callback);
        return status;
    }

    private static void common(Response response) {
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
    }
}
