package io.phonectl.client.testing;

import io.phonectl.client.xsi.PhoneAddress;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jetty stubs that answer like phones, one connector (own port on 127.0.0.1, ephemeral) per phone,
 * all in one server. Test code only: it is not the simulator.
 */
public final class StubPhones implements AutoCloseable {

    /** What a stub phone does with one request. */
    @FunctionalInterface
    public interface Behavior {
        /** Return without completing the callback to leave the request unanswered ("slow"). */
        void handle(Seen seen, Response response, Callback callback) throws Exception;
    }

    /** What the stub saw: method, path+query, headers of interest and the decoded XML (for POSTs). */
    public record Seen(String method, String pathAndQuery, String authorization, String contentType,
                       String contentLength, String expect, String transferEncoding, String rawBody, String xml) {
    }

    private final Server server;
    private final List<ServerConnector> connectors = new ArrayList<>();
    private final List<AtomicInteger> hits = new ArrayList<>();
    private final Map<Integer, Integer> indexByPort = new ConcurrentHashMap<>();
    private final List<Seen> seen = java.util.Collections.synchronizedList(new ArrayList<>());

    private StubPhones(int count, IntFunction<Behavior> behaviors) throws Exception {
        QueuedThreadPool pool = new QueuedThreadPool(count + 32, 4);
        pool.setName("stub-phones");
        server = new Server(pool);
        List<Behavior> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ServerConnector c = new ServerConnector(server, 0, 1);
            c.setHost("127.0.0.1");
            c.setPort(0);
            server.addConnector(c);
            connectors.add(c);
            hits.add(new AtomicInteger());
            list.add(behaviors.apply(i));
        }
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                int port = ((InetSocketAddress) request.getConnectionMetaData().getLocalSocketAddress()).getPort();
                int index = indexByPort.get(port);
                hits.get(index).incrementAndGet();
                String raw = Content.Source.asString(request, StandardCharsets.UTF_8);
                String xml = raw.startsWith("XML=") ? URLDecoder.decode(raw.substring(4), StandardCharsets.UTF_8) : null;
                String pq = request.getHttpURI().getPathQuery();
                var h = request.getHeaders();
                Seen s = new Seen(request.getMethod(), pq, h.get(HttpHeader.AUTHORIZATION), h.get(HttpHeader.CONTENT_TYPE),
                        h.get(HttpHeader.CONTENT_LENGTH), h.get(HttpHeader.EXPECT), h.get(HttpHeader.TRANSFER_ENCODING), raw, xml);
                seen.add(s);
                list.get(index).handle(s, response, callback);
                return true;
            }
        });
        server.start();
        for (int i = 0; i < count; i++) {
            indexByPort.put(connectors.get(i).getLocalPort(), i);
        }
    }

    public static StubPhones start(int count, IntFunction<Behavior> behaviors) throws Exception {
        return new StubPhones(count, behaviors);
    }

    public static StubPhones one(Behavior behavior) throws Exception {
        return new StubPhones(1, i -> behavior);
    }

    public PhoneAddress address(int i) {
        return new PhoneAddress("127.0.0.1", connectors.get(i).getLocalPort());
    }

    public int hits(int i) {
        return hits.get(i).get();
    }

    public List<Seen> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    /** An address where nothing listens (a port that was free a moment ago). */
    public static PhoneAddress closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return new PhoneAddress("127.0.0.1", s.getLocalPort());
        }
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    // ---- behaviors ----

    public static void answer(Response response, Callback callback, int status, String contentType, String body) {
        response.setStatus(status);
        if (contentType != null) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        }
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    public static void answer(Response response, Callback callback, int status, String contentType, byte[] body) {
        response.setStatus(status);
        if (contentType != null) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        }
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static final Pattern URL_ATTR = Pattern.compile("URL=\"([^\"]*)\"");

    /** A CiscoIPPhoneResponse with Status 0 for every ExecuteItem URL of the pushed document. */
    public static Behavior success() {
        return (s, r, cb) -> answer(r, cb, 200, "text/xml; charset=utf-8", responseFor(s.xml(), 0, "Success"));
    }

    /** Success only with these credentials (Basic header value), else Error 4 in the given HTTP status. */
    public static Behavior requiring(String basicHeader, int failureStatus) {
        return (s, r, cb) -> {
            if (basicHeader.equals(s.authorization())) {
                success().handle(s, r, cb);
            } else {
                answer(r, cb, failureStatus, "text/xml", "<CiscoIPPhoneError Number=\"4\" />");
            }
        };
    }

    public static Behavior fixed(int status, String contentType, String body) {
        return (s, r, cb) -> answer(r, cb, status, contentType, body);
    }

    /** Never answers (the callback is completed by the server's stop). */
    public static Behavior silent() {
        return (s, r, cb) -> {
        };
    }

    public static String responseFor(String xml, int status, String data) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<CiscoIPPhoneResponse>\n");
        Matcher m = URL_ATTR.matcher(xml == null ? "" : xml);
        boolean any = false;
        while (m.find()) {
            any = true;
            sb.append("<ResponseItem URL=\"").append(m.group(1)).append("\" Data=\"").append(data)
                    .append("\" Status=\"").append(status).append("\"/>\n");
        }
        if (!any) {
            sb.append("<ResponseItem URL=\"\" Data=\"").append(data).append("\" Status=\"").append(status).append("\"/>\n");
        }
        return sb.append("</CiscoIPPhoneResponse>\n").toString();
    }
}
