package io.phonectl.client.xapi;

import io.phonectl.xapi.ErrorCode;
import io.phonectl.xapi.RpcError;
import io.phonectl.xapi.XapiParseException;
import io.phonectl.xapi.XapiRpcException;
import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.rpc.RpcCodec;
import io.phonectl.xapi.rpc.WsJsonTree;
import io.phonectl.xapi.tree.Branch;
import io.phonectl.xapi.tree.Trees;
import io.phonectl.xapi.xml.XapiXml;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTTP API ({@code GET /getxml}, {@code POST /putxml}, Basic auth on every request; notes §2.7): the only xAPI
 * transport PhoneOS phones have, and the fallback for RoomOS devices without WebSocket. Answers are returned in the
 * WebSocket-JSON shape so both clients read alike. Devices allow about one authenticated request per second
 * (queue 30, then 503): prefer HttpFeedback ({@link HttpFeedbackReceiver}) to polling.
 */
public final class XapiHttpClient implements XapiTransport {
    private final URI base;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param base     {@code http://host[:port]} or {@code https://host[:port]}
     * @param tls      certificate policy for https (VERIFY unless told otherwise)
     * @param pinnedSha256 with {@link XapiClientConfig.Tls#PINNED}: the certificate's SHA-256, else null
     */
    public XapiHttpClient(URI base, String username, String password, XapiClientConfig.Tls tls, String pinnedSha256,
                          Duration timeout) {
        String scheme = String.valueOf(base.getScheme()).toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new XapiClientException.Config("base", base, "scheme must be http or https (notes §2.7)");
        }
        if (username.indexOf(':') >= 0) throw new XapiClientException.Config("username", username, "must not contain ':'");
        this.base = URI.create(scheme + "://" + base.getHost() + (base.getPort() > 0 ? ":" + base.getPort() : ""));
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
        this.http = new HttpClient();
        http.setSslContextFactory(io.phonectl.client.tls.TlsSupport.factory(tls.policy(pinnedSha256)));
        try {
            http.start();
        } catch (Exception e) {
            throw new XapiClientException.Connect(0, "cannot start the HTTP client: " + e, e);
        }
    }

    public static XapiHttpClient of(URI base, String username, String password) {
        return new XapiHttpClient(base, username, password, XapiClientConfig.Tls.VERIFY, null, Duration.ofSeconds(10));
    }

    public URI base() { return base; }

    /** getxml: {@code {"Status":{…}}} holding the node at the location (e.g. Status SystemUnit ProductId). */
    public JsonNode getxml(XPath location) {
        String q = URLEncoder.encode("/" + location.slashes(), StandardCharsets.UTF_8);
        return parse(send(HttpMethod.GET, "/getxml?location=" + q, null));
    }

    /**
     * The value at the path, relative to it, as the WebSocket's xGet answers: getxml's rooted document, walked down the
     * path by the tree's own rules (case-insensitive names, instance ids). A device that answers an empty document has
     * nothing there, which the WebSocket reports as "No match on Path argument".
     */
    @Override
    public JsonNode get(XPath path) {
        if (!(WsJsonTree.fromJson(getxml(path)) instanceof Branch root)) {
            throw new XapiClientException.Protocol(base + ": getxml answered no document", null);
        }
        return Trees.get(root, path).map(found -> WsJsonTree.toJson(found.node()))
                .orElseThrow(() -> XapiRpcException.of(new RpcError(ErrorCode.INVALID_PARAMS.code(),
                        "No match on Path argument (getxml answered nothing at " + path.words() + ")", null)));
    }

    /** putxml of a command; returns its result without the {@code …Result} wrapper and {@code status}. */
    @Override
    public JsonNode command(XPath command, Map<String, ?> params, String body) {
        ObjectNode inner = RpcCodec.nodes().objectNode();
        if (params != null) {
            params.forEach((k, v) -> {
                if (v instanceof List<?> list) {
                    ArrayNode a = inner.putArray(k);
                    list.forEach(x -> a.add(String.valueOf(x)));
                } else {
                    inner.put(k, String.valueOf(Values.leaf(k, v).text()));
                }
            });
        }
        if (body != null) inner.put("body", body);
        JsonNode doc = wrap(command, inner);
        JsonNode answer = parse(send(HttpMethod.POST, "/putxml", XapiXml.render("Command", Map.of(), doc)));
        JsonNode result = answer.path("Command");
        if (!result.isObject() || result.isEmpty()) {
            throw new XapiClientException.Protocol(base + ": no command result in the putxml answer", null);
        }
        JsonNode r = result.properties().iterator().next().getValue();
        if (!"OK".equalsIgnoreCase(r.path("status").asString(""))) {
            throw XapiRpcException.of(new RpcError(ErrorCode.COMMAND_ERROR.code(),
                    r.path("Reason").asString("command failed"), r));
        }
        ObjectNode out = ((ObjectNode) r).deepCopy();
        out.remove("status");
        return out;
    }

    public JsonNode command(XPath command, Map<String, ?> params) { return command(command, params, null); }

    /** putxml of one configuration leaf, e.g. {@code Configuration SystemUnit Name}. */
    @Override
    public void set(XPath configuration, Object value) {
        if (configuration.size() < 2 || !"configuration".equalsIgnoreCase(String.valueOf(configuration.segment(0)))) {
            throw new XapiClientException.Config("configuration", configuration.words(),
                    "must start with Configuration and name a leaf");
        }
        XPath rest = configuration.tail();
        XPath parent = rest.parent();
        ObjectNode leaf = RpcCodec.nodes().objectNode();
        leaf.put(String.valueOf(rest.last()), Values.leaf("value", value).text());
        JsonNode doc = parent.isEmpty() ? leaf : wrap(parent, leaf);
        JsonNode answer = parse(send(HttpMethod.POST, "/putxml", XapiXml.render("Configuration", Map.of(), doc)));
        JsonNode cfg = answer.path("Configuration");
        if (!cfg.has("Success")) {
            throw XapiRpcException.of(new RpcError(ErrorCode.COMMAND_ERROR.code(),
                    cfg.path("Reason").asString(cfg.toString()), cfg));
        }
    }

    /** {@code {"A":{"B":inner}}}; an instance id makes {@code [{"id":n,…}]} so XML carries {@code item="n"}. */
    private static JsonNode wrap(XPath path, ObjectNode inner) {
        JsonNode node = inner;
        List<Object> segs = path.segments();
        for (int i = segs.size() - 1; i >= 0; i--) {
            if (segs.get(i) instanceof Integer id) {
                ObjectNode inst = ((ObjectNode) node).deepCopy();
                inst.put("id", id);
                node = RpcCodec.nodes().arrayNode().add(inst);
            } else {
                ObjectNode o = RpcCodec.nodes().objectNode();
                o.set((String) segs.get(i), node);
                node = o;
            }
        }
        return node;
    }

    private String send(HttpMethod method, String pathAndQuery, String xml) {
        var req = http.newRequest(base.resolve(pathAndQuery)).method(method)
                .headers(h -> h.put(HttpHeader.AUTHORIZATION, authorization))
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (xml != null) req.body(new StringRequestContent("text/xml", xml, StandardCharsets.UTF_8));
        ContentResponse resp;
        try {
            resp = req.send();
        } catch (TimeoutException e) {
            throw new XapiClientException.Timeout("no answer from " + base + " within " + timeout);
        } catch (ExecutionException e) {
            throw new XapiClientException.Connect(0, base + ": cannot connect (" + e.getCause() + ")", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XapiClientException.Disconnected("interrupted", e);
        }
        int status = resp.getStatus();
        if (status != 200) {
            String why = switch (status) {
                case 401, 403 -> "credentials refused; on PhoneOS a dedicated xAPI account must be provisioned "
                        + "(notes §2.8)";
                case 503 -> "rate limit: about 1 authenticated request/s with a queue of 30 (notes §2.1)";
                case 404 -> "no HTTP API here: check NetworkServices HTTP Mode (and that the phone web server is on)";
                default -> "unexpected answer";
            };
            throw new XapiClientException.Connect(status, base + pathAndQuery.replaceAll("\\?.*", "") + ": " + status
                    + " " + why, null);
        }
        return resp.getContentAsString();
    }

    private JsonNode parse(String xml) {
        try {
            return XapiXml.parse(xml);
        } catch (XapiParseException e) {
            throw new XapiClientException.Protocol(base + ": unreadable XML answer: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            http.stop();
        } catch (Exception ignored) {
            // best effort
        }
    }
}
