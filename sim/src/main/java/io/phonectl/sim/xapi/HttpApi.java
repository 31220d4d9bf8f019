package io.phonectl.sim.xapi;

import io.phonectl.xapi.XapiException;
import io.phonectl.xapi.XapiParseException;
import io.phonectl.xapi.call.XapiCall;
import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.rpc.WsJsonTree;
import io.phonectl.xapi.schema.Role;
import io.phonectl.xapi.tree.Leaf;
import io.phonectl.xapi.xml.XapiXml;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTTP API (notes §2.7): {@code GET /getxml?location=/Status/...} and {@code POST /putxml} with a
 * {@code <Command>} or {@code <Configuration>} document, Basic authentication on every request. The only API PhoneOS
 * phones have. Commands go through the same {@link RpcDispatcher} as WebSocket calls.
 */
final class HttpApi extends Handler.Abstract {
    /** putxml bodies beyond this are refused with 413 (the largest multi-line payloads are 40 KB). */
    static final int MAX_BODY = 64 * 1024;
    private final SimulatedXapiDevice device;
    private final RpcDispatcher dispatcher;

    HttpApi(SimulatedXapiDevice device) {
        this.device = device;
        this.dispatcher = new RpcDispatcher(device);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        boolean get = path.equals("/getxml") && request.getMethod().equals("GET");
        boolean put = path.equals("/putxml") && request.getMethod().equals("POST");
        if (!get && !put) {
            Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            return true;
        }
        Role role = Credentials.check(device.config().users(),
                Credentials.fromBasic(request.getHeaders().get(HttpHeader.AUTHORIZATION)));
        if (role == null) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"xapi\"");
            Response.writeError(request, response, callback, HttpStatus.UNAUTHORIZED_401);
            return true;
        }
        if (get) {
            Fields q = Request.extractQueryParameters(request);
            reply(response, callback, getxml(q.getValue("location")));
            return true;
        }
        long length = request.getLength();
        if (length > MAX_BODY) {
            Response.writeError(request, response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413);
            return true;
        }
        // the cap holds while the body streams in (a chunked body has no length to check first): one byte past it
        // stops the read, and the rest is never buffered
        byte[] bytes;
        try (java.io.InputStream in = Content.Source.asInputStream(request)) {
            bytes = in.readNBytes(MAX_BODY + 1);
        } catch (java.io.IOException e) {
            Response.writeError(request, response, callback, HttpStatus.BAD_REQUEST_400);
            return true;
        }
        if (bytes.length > MAX_BODY) {
            Response.writeError(request, response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413);
            return true;
        }
        String body = utf8(bytes);
        if (body == null) {
            Response.writeError(request, response, callback, HttpStatus.BAD_REQUEST_400, "body is not UTF-8");
            return true;
        }
        reply(response, callback, putxml(body, role));
        return true;
    }

    /** Strict UTF-8 (the xAPI's encoding): null when the bytes are not. */
    static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }

    private Map<String, String> banner() {
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("product", device.product().productName());
        attrs.put("version", device.product().version());
        attrs.put("apiVersion", "4");
        return attrs;
    }

    private String getxml(String location) {
        XPath path;
        try {
            path = XPath.parseSlashes(location == null ? "/Status" : location);
        } catch (XapiException e) {
            path = XPath.of("Status", "NoSuchNode");
        }
        if (path.isEmpty()) path = XPath.of("Status");
        String root = path.segment(0) instanceof String s && s.equalsIgnoreCase("Configuration")
                ? "Configuration" : "Status";
        JsonNode found = device.state().query(path).map(b -> WsJsonTree.toJson(b)).orElse(null);
        return XapiXml.render(root, banner(), found == null ? null : found.path(root));
    }

    private String putxml(String body, Role role) {
        ObjectNode doc;
        try {
            doc = XapiXml.parse(body);
        } catch (XapiParseException e) {
            return XapiXml.render("Command", Map.of(), error("Result", "Malformed XML: " + e.getMessage()));
        }
        String root = doc.propertyNames().iterator().next();
        JsonNode tree = doc.get(root);
        if (root.equals("Configuration")) return configuration(tree, role);
        if (!root.equals("Command")) {
            return XapiXml.render("Command", Map.of(), error("Result", "Unknown document " + root));
        }
        List<String> words = new ArrayList<>();
        JsonNode node = tree;
        while (node != null && node.isObject() && node.size() == 1
                && XapiCommands.find(device.product(), words) == null) {
            Map.Entry<String, JsonNode> only = node.properties().iterator().next();
            words.add(only.getKey());
            node = only.getValue();
        }
        String resultName = (words.size() >= 2 ? words.get(words.size() - 2) : "")
                + (words.isEmpty() ? "" : words.getLast()) + "Result";
        try {
            JsonNode result = dispatcher.call("xCommand/" + String.join("/", words),
                    node != null && node.isObject() ? node : null, role);
            ObjectNode wrapped = DeviceState.NODES.objectNode();
            ObjectNode r = wrapped.putObject(resultName);
            r.put("status", "OK");
            if (result.isObject()) {
                result.properties().forEach(e -> { if (!e.getKey().equals("status")) r.set(e.getKey(), e.getValue()); });
            }
            return XapiXml.render("Command", Map.of(), wrapped);
        } catch (XapiException f) {
            return XapiXml.render("Command", Map.of(), error(resultName, f.getMessage()));
        }
    }

    private String configuration(JsonNode tree, Role role) {
        List<List<Object>> leaves = new ArrayList<>();
        collectLeaves(tree, new ArrayList<>(List.of("Configuration")), leaves);
        ObjectNode out = DeviceState.NODES.objectNode();
        for (List<Object> leaf : leaves) {
            JsonNode value = (JsonNode) leaf.removeLast();
            try {
                dispatcher.call(new XapiCall.Set(new XPath(leaf), (Leaf) WsJsonTree.fromJson(value)), role);
            } catch (XapiException f) {
                return XapiXml.render("Configuration", Map.of(), error("Error", f.getMessage()).path("Error"));
            }
        }
        out.putObject("Success");
        return XapiXml.render("Configuration", Map.of(), out);
    }

    private static void collectLeaves(JsonNode node, List<Object> path, List<List<Object>> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (e.getKey().equals("id")) continue;
                path.add(e.getKey());
                collectLeaves(e.getValue(), path, out);
                path.removeLast();
            }
        } else if (node.isArray()) {
            for (JsonNode inst : node) {
                path.add(inst.path("id").asInt());
                collectLeaves(inst, path, out);
                path.removeLast();
            }
        } else {
            List<Object> leaf = new ArrayList<>(path);
            leaf.add(node);
            out.add(leaf);
        }
    }

    private static ObjectNode error(String name, String reason) {
        ObjectNode wrapped = DeviceState.NODES.objectNode();
        ObjectNode r = wrapped.putObject(name);
        r.put("status", "Error");
        r.put("Reason", reason);
        return wrapped;
    }

    private static void reply(Response response, Callback callback, String xml) {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/xml; charset=utf-8");
        response.write(true, java.nio.ByteBuffer.wrap(xml.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
