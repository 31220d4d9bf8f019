package io.phonectl.xapi.call;

import io.phonectl.xapi.ErrorCode;
import io.phonectl.xapi.RpcError;
import io.phonectl.xapi.RpcId;
import io.phonectl.xapi.XapiException;
import io.phonectl.xapi.XapiRpcException;
import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.rpc.RpcCodec;
import io.phonectl.xapi.rpc.RpcMessage;
import io.phonectl.xapi.rpc.WsJsonTree;
import io.phonectl.xapi.tree.Branch;
import io.phonectl.xapi.tree.Leaf;
import io.phonectl.xapi.tree.Node;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps {@link XapiCall}s to JSON-RPC methods and params exactly as the WebSocket guide shows: {@code xGet {Path}},
 * {@code xQuery {Query}}, {@code xSet {Path, Value}}, {@code xCommand/A/B {params…, body}},
 * {@code xFeedback/Subscribe {Query, NotifyCurrentValue}} → {@code {"Id":n}}, {@code xFeedback/Unsubscribe {Id}},
 * and feedback notifications {@code xFeedback/Event {Id, <Document>: sparse tree}}.
 */
public final class XapiCalls {

    public static final String GET = "xGet";
    public static final String QUERY = "xQuery";
    public static final String SET = "xSet";
    public static final String COMMAND_PREFIX = "xCommand/";
    public static final String SUBSCRIBE = "xFeedback/Subscribe";
    public static final String UNSUBSCRIBE = "xFeedback/Unsubscribe";
    public static final String FEEDBACK_EVENT = "xFeedback/Event";

    private XapiCalls() {
    }

    public static RpcMessage.Request toRequest(RpcId id, XapiCall call) {
        ObjectNode p = RpcCodec.nodes().objectNode();
        String method = switch (call) {
            case XapiCall.Get g -> {
                p.set("Path", path(g.path()));
                yield GET;
            }
            case XapiCall.Query q -> {
                p.set("Query", path(q.query()));
                yield QUERY;
            }
            case XapiCall.Set s -> {
                p.set("Path", path(s.path()));
                p.set("Value", WsJsonTree.toJson(s.value()));
                yield SET;
            }
            case XapiCall.Command c -> {
                if (c.body() != null) {
                    p.put("body", c.body());
                }
                c.params().forEach((k, v) -> {
                    if (v.size() == 1) {
                        p.set(k, WsJsonTree.toJson(v.getFirst()));
                    } else {
                        ArrayNode a = p.putArray(k);
                        v.forEach(l -> a.add(WsJsonTree.toJson(l)));
                    }
                });
                yield COMMAND_PREFIX + String.join("/", c.command().segments().stream().map(String::valueOf).toList());
            }
            case XapiCall.Subscribe s -> {
                p.set("Query", path(s.query()));
                if (s.notifyCurrentValue()) {
                    // jsxapi omits the member unless it wants the current value; so do we
                    p.put("NotifyCurrentValue", true);
                }
                yield SUBSCRIBE;
            }
            case XapiCall.Unsubscribe u -> {
                p.set("Id", RpcCodec.number(u.id()));
                yield UNSUBSCRIBE;
            }
            case XapiCall.Deregister d -> throw XapiRpcException.of(ErrorCode.METHOD_NOT_FOUND,
                    "terminal deregistration by path has no WebSocket method; use xFeedback/Unsubscribe with the Id");
        };
        return new RpcMessage.Request(id, method, p);
    }

    /** Reads a request; throws {@link XapiRpcException} (-32601, -32602) that a server sends back as is. */
    public static XapiCall fromRequest(String method, JsonNode params) {
        JsonNode p = params == null ? RpcCodec.nodes().objectNode() : params;
        if (!p.isObject()) {
            throw invalid("params must be an object");
        }
        try {
            return switch (method) {
                case GET -> new XapiCall.Get(readPath(p, "Path"));
                case QUERY -> new XapiCall.Query(readPath(p, "Query"));
                case SET -> new XapiCall.Set(readPath(p, "Path"), leaf(p.get("Value"), "Value"));
                case SUBSCRIBE -> new XapiCall.Subscribe(readPath(p, "Query"),
                        p.has("NotifyCurrentValue") && p.get("NotifyCurrentValue").asBoolean(false));
                case UNSUBSCRIBE -> new XapiCall.Unsubscribe(readSubscriptionId(p));
                default -> {
                    if (!method.startsWith(COMMAND_PREFIX) || method.length() == COMMAND_PREFIX.length()) {
                        throw XapiRpcException.of(ErrorCode.METHOD_NOT_FOUND, "Method not found: " + method);
                    }
                    yield command(method.substring(COMMAND_PREFIX.length()), p);
                }
            };
        } catch (XapiRpcException e) {
            throw e;
        } catch (XapiException e) {
            throw invalid(e.getMessage());
        }
    }

    private static XapiCall command(String name, JsonNode p) {
        List<Object> segs = new ArrayList<>();
        for (String s : name.split("/")) {
            segs.add(s);
        }
        Map<String, List<Leaf>> params = new LinkedHashMap<>();
        String body = null;
        for (Map.Entry<String, JsonNode> e : p.properties()) {
            if (e.getKey().equals("body")) {
                if (!e.getValue().isString()) {
                    throw invalid("\"body\" must be a string");
                }
                body = e.getValue().stringValue();
            } else if (e.getValue().isArray()) {
                List<Leaf> values = new ArrayList<>();
                e.getValue().forEach(v -> values.add(leaf(v, e.getKey())));
                params.put(e.getKey(), values);
            } else {
                params.put(e.getKey(), List.of(leaf(e.getValue(), e.getKey())));
            }
        }
        return new XapiCall.Command(new XPath(segs), params, body);
    }

    private static long readSubscriptionId(JsonNode p) {
        JsonNode id = p.get("Id");
        if (id == null || !id.isIntegralNumber() || !id.canConvertToLong()) {
            throw invalid("\"Id\" must be the integer subscription Id");
        }
        return id.longValue();
    }

    private static Leaf leaf(JsonNode v, String name) {
        if (v != null && v.isIntegralNumber() && v.canConvertToLong()) {
            return Leaf.integer(v.longValue());
        }
        if (v != null && (v.isString() || v.isBoolean())) {
            // booleans are literals on the device ("True"/"False")
            return v.isString() ? Leaf.string(v.stringValue()) : Leaf.literal(v.asBoolean() ? "True" : "False");
        }
        throw invalid("\"" + name + "\" must be a string or an integer");
    }

    private static XPath readPath(JsonNode p, String member) {
        JsonNode a = p.get(member);
        if (a == null || !a.isArray() || a.isEmpty()) {
            throw invalid("\"" + member + "\" must be a non-empty array");
        }
        List<Object> segs = new ArrayList<>();
        for (JsonNode s : a) {
            if (s.isString()) {
                segs.add(s.stringValue());
            } else if (s.isIntegralNumber() && s.canConvertToInt()) {
                segs.add(s.intValue());
            } else {
                throw invalid("\"" + member + "\" elements must be strings or integers");
            }
        }
        XPath path = new XPath(segs);
        if (path.segment(0).equals(XPath.WILDCARD)) {
            throw invalid("[\"**\"] is not valid; start with \"Status\" or \"Configuration\"");
        }
        return path;
    }

    private static XapiRpcException invalid(String detail) {
        return XapiRpcException.of(new RpcError(ErrorCode.INVALID_PARAMS.code(), ErrorCode.INVALID_PARAMS.message(),
                RpcCodec.nodes().stringNode(detail)));
    }

    public static ArrayNode path(XPath path) {
        ArrayNode a = RpcCodec.nodes().arrayNode();
        for (Object s : path.segments()) {
            if (s instanceof Integer i) {
                a.add(i);
            } else {
                a.add((String) s);
            }
        }
        return a;
    }

    /** The xGet result: the node itself, relative to the path. */
    public static JsonNode getResult(Node node) {
        return WsJsonTree.toJson(node);
    }

    public static JsonNode subscribeResult(long id) {
        return RpcCodec.nodes().objectNode().set("Id", RpcCodec.number(id));
    }

    /** A feedback notification: {@code payload} is rooted at one document, e.g. {@code {"Status":{…}}}. */
    public static RpcMessage.Notification feedbackEvent(long id, Branch payload) {
        ObjectNode p = RpcCodec.nodes().objectNode();
        p.set("Id", RpcCodec.number(id));
        payload.children().forEach((k, v) -> p.set(k, WsJsonTree.toJson(v)));
        return new RpcMessage.Notification(FEEDBACK_EVENT, p);
    }

    /** The subscription Id and sparse payload of an {@code xFeedback/Event} notification. */
    public record Feedback(long id, Branch payload) {
    }

    public static Feedback readFeedback(RpcMessage.Notification n) {
        JsonNode p = n.params();
        if (!FEEDBACK_EVENT.equals(n.method()) || p == null || !p.isObject()) {
            throw invalid("not an xFeedback/Event notification");
        }
        long id = readSubscriptionId(p);
        ObjectNode rest = ((ObjectNode) p).deepCopy();
        rest.remove("Id");
        return new Feedback(id, (Branch) WsJsonTree.fromJson(rest));
    }
}
