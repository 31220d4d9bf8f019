package io.phonectl.sim.xapi;

import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.rpc.WsJsonTree;
import io.phonectl.xapi.tree.Branch;
import io.phonectl.xapi.tree.Node;
import io.phonectl.xapi.tree.Trees;
import io.phonectl.xapi.xml.XapiXml;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Posts HttpFeedback: for every enabled slot in {@code Status HttpFeedback[n]}, the part of each change matching the
 * slot's expressions, as XML or JSON, to the slot's URL. Posts of one device go out one at a time in change order
 * (one virtual thread), each bounded by a 5 s timeout; a failed post is dropped, as the devices do.
 */
final class HttpFeedbackPoster implements Consumer<Branch>, AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int MAX_QUEUED = 1000;

    private final DeviceState state;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger queued = new AtomicInteger();
    private ExecutorService sender;

    HttpFeedbackPoster(DeviceState state) {
        this.state = state;
    }

    @Override
    public void accept(Branch change) {
        JsonNode slots = state.json(FeedbackCommands.SLOTS_PATH);
        if (slots == null) return;
        for (JsonNode slot : slots) {
            if (!"On".equals(slot.path("Status").asString("")) || slot.path("URL").asString("").isEmpty()) continue;
            Node payload = null;
            for (JsonNode expr : slot.path("Expression")) {
                XPath query;
                try {
                    query = XPath.parseSlashes(expr.path("Value").asString(""));
                } catch (RuntimeException e) {
                    continue; // an expression the device cannot read selects nothing
                }
                if (query.isEmpty()) continue;
                Branch part = Trees.select(change, query).orElse(null);
                if (part == null) continue;
                payload = payload == null ? part : Trees.union(payload, part);
            }
            if (payload != null) {
                post(slot.path("URL").asString(), slot.path("Format").asString("XML"),
                        (ObjectNode) WsJsonTree.toJson(payload));
            }
        }
    }

    private void post(String url, String format, ObjectNode payload) {
        String rootName = payload.propertyNames().iterator().next();
        ObjectNode doc = DeviceState.NODES.objectNode();
        doc.set("Identification", identification());
        doc.setAll((ObjectNode) payload.get(rootName));
        String body;
        String type;
        if ("JSON".equals(format)) {
            body = DeviceState.NODES.objectNode().set(rootName, doc).toString();
            type = "application/json";
        } else {
            body = XapiXml.render(rootName, Map.of(), doc);
            type = "text/xml";
        }
        if (queued.incrementAndGet() > MAX_QUEUED) {
            queued.decrementAndGet();
            return; // a receiver that cannot keep up loses feedback rather than the device its memory
        }
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        executor().execute(() -> {
            try {
                HTTP.send(req, HttpResponse.BodyHandlers.discarding());
                sent.incrementAndGet();
            } catch (java.io.IOException e) {
                // unreachable receiver: dropped like on the device
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                queued.decrementAndGet();
            }
        });
    }

    private ObjectNode identification() {
        ObjectNode id = DeviceState.NODES.objectNode();
        JsonNode name = state.json(XPath.of("Configuration", "SystemUnit", "Name"));
        id.put("SystemName", name == null ? "" : name.asString());
        JsonNode product = state.json(XPath.of("Status", "SystemUnit", "ProductId"));
        id.put("ProductID", product == null ? "" : product.asString());
        id.put("SWVersion", state.product().version());
        return id;
    }

    private synchronized ExecutorService executor() {
        if (sender == null) sender = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("httpfeedback").factory());
        return sender;
    }

    int sent() { return sent.get(); }

    @Override
    public synchronized void close() {
        if (sender != null) sender.shutdownNow();
    }
}
