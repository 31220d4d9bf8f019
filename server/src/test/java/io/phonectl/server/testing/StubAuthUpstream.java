package io.phonectl.server.testing;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for the CUCM's authentication URL on a loopback ephemeral port: it answers {@code AUTHORIZED} to one
 * user and password, {@code UN-AUTHORIZED} otherwise, records every question exactly as it came, and can be told to
 * answer slowly (to test the relay's deadline).
 */
public final class StubAuthUpstream implements AutoCloseable {

    /** One question as received. */
    public record Asked(String method, String rawQuery, String contentType, String body, String userAgent) {
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Asked> asked = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch held;

    private StubAuthUpstream(String user, String password) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(pool);
        server.createContext("/ccmcip/authenticate.jsp", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            asked.add(new Asked(ex.getRequestMethod(), ex.getRequestURI().getRawQuery(),
                    ex.getRequestHeaders().getFirst("Content-Type"), body, ex.getRequestHeaders().getFirst("User-Agent")));
            String form = ex.getRequestMethod().equals("POST") ? body : ex.getRequestURI().getRawQuery();
            boolean ok = user.equals(field(form, "UserID")) && password.equals(field(form, "Password"))
                    && field(form, "devicename") != null;
            try {
                CountDownLatch h = held;
                if (h != null) {
                    h.await(); // an upstream that does not answer until the test lets it
                }
                byte[] answer = (ok ? "AUTHORIZED" : "UN-AUTHORIZED").getBytes(StandardCharsets.US_ASCII);
                ex.getResponseHeaders().set("Content-Type", "text/plain");
                ex.sendResponseHeaders(200, answer.length);
                ex.getResponseBody().write(answer);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the relay gave up waiting: nothing to answer
            } finally {
                ex.close();
            }
        });
        server.start();
    }

    public static StubAuthUpstream start(String user, String password) {
        return new StubAuthUpstream(user, password);
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ccmcip/authenticate.jsp");
    }

    public List<Asked> asked() {
        return List.copyOf(asked);
    }

    /** From now on questions get no answer until {@link #release()} (or close). */
    public void hold() {
        held = new CountDownLatch(1);
    }

    /** Answers the held questions and every later one at once. */
    public void release() {
        CountDownLatch h = held;
        held = null;
        if (h != null) {
            h.countDown();
        }
    }

    private static String field(String form, String name) {
        if (form == null) {
            return null;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        pool.shutdownNow();
    }
}
