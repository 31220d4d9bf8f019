package io.phonectl.client.xapi;

import io.phonectl.xapi.XapiException;
import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.rpc.RpcCodec;
import io.phonectl.xapi.rpc.WsJsonTree;
import io.phonectl.xapi.tree.Branch;
import io.phonectl.xapi.xml.XapiXml;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.VirtualThreadPool;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Receives HttpFeedback (notes §2.7): a small Jetty server; each registration gets its own URL
 * ({@code http://host:port/feedback/<key>}), and every XML or JSON POST to it becomes an {@link HttpFeedbackEvent}
 * for the listener. {@link #register} also tells the device, through {@link XapiHttpClient}, to post there
 * ({@code HttpFeedback Register FeedbackSlot ServerUrl Format Expression…}). The listener runs on the receiving
 * thread and should hand work off quickly.
 */
public final class HttpFeedbackReceiver implements AutoCloseable {
    /** Posts larger than this are refused with 413 (a full Status document is far smaller). */
    public static final int MAX_POST = 1024 * 1024;
    private final Server server;
    private final ServerConnector connector;
    private final Consumer<HttpFeedbackEvent> listener;
    private final AtomicInteger rejected = new AtomicInteger();

    /** Starts listening on {@code host:port} (port 0 = ephemeral); the devices must be able to reach host. */
    public HttpFeedbackReceiver(String host, int port, Consumer<HttpFeedbackEvent> listener) {
        this.listener = listener;
        this.server = new Server(new VirtualThreadPool());
        this.connector = new ServerConnector(server, 1, 1);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Receive());
        try {
            server.start();
        } catch (Exception e) {
            throw new XapiClientException.Connect(0, "cannot listen on " + host + ":" + port + ": " + e, e);
        }
    }

    /** The URL a device must post to for this key (letters, digits, '-' and '_', 1..64). */
    public URI url(String key) {
        if (!key.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new XapiClientException.Config("key", key, "must be 1..64 of [A-Za-z0-9_-]");
        }
        return URI.create("http://" + connector.getHost() + ":" + connector.getLocalPort() + "/feedback/" + key);
    }

    /**
     * Registers slot 1..4 on the device to post the given expressions (e.g. {@code /Event/SipCallSuccessful},
     * {@code /Status/Call}; up to 15) here, in the given format; answers the key the events will carry.
     */
    public String register(XapiHttpClient device, int slot, HttpFeedbackEvent.Format format, List<String> expressions,
                           String key) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("FeedbackSlot", slot);
        params.put("ServerUrl", url(key).toString());
        params.put("Format", format.name());
        params.put("Expression", List.copyOf(expressions));
        device.command(XPath.of("HttpFeedback", "Register"), params);
        return key;
    }

    public void deregister(XapiHttpClient device, int slot) {
        device.command(XPath.of("HttpFeedback", "Deregister"), Map.of("FeedbackSlot", slot));
    }

    public int port() { return connector.getLocalPort(); }

    /** Posts refused as unreadable or too large. */
    public int rejected() { return rejected.get(); }

    private final class Receive extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = Request.getPathInContext(request);
            if (!request.getMethod().equals("POST") || !path.startsWith("/feedback/")) {
                Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
                return true;
            }
            if (request.getLength() > MAX_POST) {
                rejected.incrementAndGet();
                Response.writeError(request, response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413);
                return true;
            }
            String key = path.substring("/feedback/".length());
            String type = String.valueOf(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
            Content.Source.asString(request, StandardCharsets.UTF_8, new org.eclipse.jetty.util.Promise<>() {
                @Override
                public void succeeded(String body) {
                    HttpFeedbackEvent event = body.length() > MAX_POST ? null : read(key, type, body);
                    if (event == null) {
                        rejected.incrementAndGet();
                        Response.writeError(request, response, callback, HttpStatus.BAD_REQUEST_400);
                        return;
                    }
                    response.setStatus(200);
                    callback.succeeded();
                    listener.accept(event);
                }

                @Override
                public void failed(Throwable x) {
                    Response.writeError(request, response, callback, x);
                }
            });
            return true;
        }
    }

    /** Parses one post; null when it is not an xAPI document. */
    static HttpFeedbackEvent read(String key, String contentType, String body) {
        boolean json = contentType.toLowerCase(java.util.Locale.ROOT).contains("json")
                || body.stripLeading().startsWith("{");
        try {
            JsonNode doc = json ? RpcCodec.readTree(body) : XapiXml.parse(body);
            if (!doc.isObject() || doc.size() != 1) return null;
            String root = doc.propertyNames().iterator().next();
            if (!List.of("Status", "Configuration", "Event").contains(root) || !doc.get(root).isObject()) return null;
            ObjectNode content = ((ObjectNode) doc.get(root)).deepCopy();
            JsonNode id = content.remove("Identification");
            ObjectNode payload = RpcCodec.nodes().objectNode();
            payload.set(root, content);
            return new HttpFeedbackEvent(key, json ? HttpFeedbackEvent.Format.JSON : HttpFeedbackEvent.Format.XML,
                    id == null ? RpcCodec.nodes().objectNode() : id, (Branch) WsJsonTree.fromJson(payload));
        } catch (XapiException | ClassCastException e) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception ignored) {
            // best effort
        }
    }
}
