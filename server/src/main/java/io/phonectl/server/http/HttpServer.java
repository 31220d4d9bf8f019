package io.phonectl.server.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Jetty server: one connector (HTTP, or HTTPS with the configured key store), handlers on a pool of platform
 * threads, no server version header, and errors Jetty answers itself (malformed requests, oversized headers) as
 * problem documents too.
 */
public final class HttpServer implements AutoCloseable {

    /** Threads that answer requests. */
    static final int MAX_THREADS = 200;
    /** Graceful stop: requests in flight get this long to finish. */
    static final long STOP_TIMEOUT_MS = 3_000;

    private final Server server;
    private final ServerConnector connector;
    private final boolean tls;

    private HttpServer(Server server, ServerConnector connector, boolean tls) {
        this.server = server;
        this.connector = connector;
        this.tls = tls;
    }

    public static HttpServer start(HttpConfig config, Handler handler) throws Exception {
        // platform threads answer requests (see RouterHandler: streams go to virtual threads); a request that waits
        // on a device (a synchronous action, a screenshot) holds one, so there are plenty
        QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, 8);
        pool.setName("phonectl-http");
        Server server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ConnectionFactory[] factories;
        if (config.tls()) {
            if (!Files.isReadable(config.tlsKeystore())) {
                throw new IllegalArgumentException("--tls-keystore = " + config.tlsKeystore() + ": not a readable file");
            }
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            // a service addressed by IP literal on a LAN has no host name to check SNI against
            secure.setSniHostCheck(false);
            http.addCustomizer(secure);
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(config.tlsKeystore().toString());
            ssl.setKeyStorePassword(config.tlsPassword());
            factories = new ConnectionFactory[] {new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http)};
        } else {
            factories = new ConnectionFactory[] {new HttpConnectionFactory(http)};
        }
        ServerConnector connector = new ServerConnector(server, 1, 1, factories);
        connector.setHost(config.bind().getHostAddress());
        connector.setPort(config.port());
        server.addConnector(connector);
        server.setHandler(handler);
        server.setErrorHandler(new ProblemErrorHandler());
        server.setStopTimeout(STOP_TIMEOUT_MS);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return new HttpServer(server, connector, config.tls());
    }

    /** {@code http://127.0.0.1:PORT} (or https), the base of every route. */
    public URI uri() {
        String host = connector.getHost();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create((tls ? "https" : "http") + "://" + host + ":" + connector.getLocalPort());
    }

    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** Jetty's own error answers (400 bad URI, 431 headers too large…) as problem documents. */
    static final class ProblemErrorHandler extends ErrorHandler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Object code = request.getAttribute(ERROR_STATUS);
            int status = code instanceof Integer i ? i : response.getStatus();
            Object message = request.getAttribute(ERROR_MESSAGE);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("type", ApiException.TYPE_PREFIX + "http-" + status);
            doc.put("title", "HTTP " + status);
            doc.put("status", status);
            doc.put("detail", message == null ? "the request could not be processed" : message.toString());
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json; charset=utf-8");
            response.write(true, ByteBuffer.wrap(Json.write(doc)), callback);
            return true;
        }
    }
}
