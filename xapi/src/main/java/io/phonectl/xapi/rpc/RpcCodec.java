package io.phonectl.xapi.rpc;

import io.phonectl.xapi.ErrorCode;
import io.phonectl.xapi.RpcError;
import io.phonectl.xapi.RpcId;
import io.phonectl.xapi.XapiParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes JSON-RPC 2.0 text frames. Pure and thread-safe. Parsing is strict about the envelope
 * (jsonrpc "2.0", id kinds, result xor error) and throws {@link XapiParseException} carrying the code a server
 * should answer with: -32700 for text that is not JSON, -32600 for JSON that is not a valid message.
 */
public final class RpcCodec {

    static final String FORMAT = "WebSocket JSON";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private RpcCodec() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static JsonNodeFactory nodes() {
        return MAPPER.getNodeFactory();
    }

    /**
     * An integer node of the smallest kind, as a parser produces it, so that rendered and parsed trees are equal
     * in memory and not only as text.
     */
    public static JsonNode number(long value) {
        return value == (int) value ? nodes().numberNode((int) value) : nodes().numberNode(value);
    }

    /** Parses any JSON text into a tree, or throws the typed -32700 parse error. */
    public static JsonNode readTree(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new XapiParseException(FORMAT, "empty frame");
            }
            return node;
        } catch (JacksonException e) {
            throw new XapiParseException(FORMAT, ErrorCode.PARSE_ERROR.code(), null,
                    "not JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static RpcMessage parse(String text) {
        return parse(readTree(text));
    }

    public static RpcMessage parse(JsonNode node) {
        if (!node.isObject()) {
            throw invalid(null, "a message must be a JSON object, got " + node.getNodeType());
        }
        RpcId id = node.has("id") ? readId(node.get("id")) : null;
        JsonNode version = node.get("jsonrpc");
        if (version == null || !version.isString() || !"2.0".equals(version.stringValue())) {
            throw invalid(id, "member \"jsonrpc\" must be \"2.0\"");
        }
        JsonNode params = node.get("params");
        if (params != null && !params.isObject() && !params.isArray()) {
            throw invalid(id, "member \"params\" must be an object or array");
        }
        if (node.has("method")) {
            JsonNode method = node.get("method");
            if (!method.isString() || method.stringValue().isEmpty()) {
                throw invalid(id, "member \"method\" must be a non-empty string");
            }
            if (node.has("result") || node.has("error")) {
                throw invalid(id, "a request cannot carry \"result\" or \"error\"");
            }
            if (id == null) {
                return new RpcMessage.Notification(method.stringValue(), params);
            }
            if (id instanceof RpcId.Null) {
                throw invalid(null, "a request id cannot be null");
            }
            return new RpcMessage.Request(id, method.stringValue(), params);
        }
        if (id == null) {
            throw invalid(null, "a response needs \"id\" (null when unknown)");
        }
        boolean hasResult = node.has("result");
        boolean hasError = node.has("error");
        if (hasResult == hasError) {
            throw invalid(id, "a response carries exactly one of \"result\" and \"error\"");
        }
        return hasResult ? new RpcMessage.Result(id, node.get("result")) : new RpcMessage.Error(id, readError(id, node.get("error")));
    }

    private static RpcId readId(JsonNode id) {
        if (id.isNull()) {
            return RpcId.NULL;
        }
        if (id.isString()) {
            return RpcId.of(id.stringValue());
        }
        if (id.isIntegralNumber() && id.canConvertToLong()) {
            return RpcId.of(id.longValue());
        }
        throw invalid(null, "member \"id\" must be a string, an integer or null, got " + id.getNodeType());
    }

    private static RpcError readError(RpcId id, JsonNode error) {
        if (!error.isObject()) {
            throw invalid(id, "member \"error\" must be an object");
        }
        JsonNode code = error.get("code");
        JsonNode message = error.get("message");
        if (code == null || !code.isIntegralNumber() || !code.canConvertToInt()) {
            throw invalid(id, "error \"code\" must be an integer");
        }
        if (message == null || !message.isString()) {
            throw invalid(id, "error \"message\" must be a string");
        }
        return new RpcError(code.intValue(), message.stringValue(), error.get("data"));
    }

    private static XapiParseException invalid(RpcId id, String detail) {
        return new XapiParseException(FORMAT, ErrorCode.INVALID_REQUEST.code(), id, detail, null);
    }

    /** Compact JSON with members in the guide's order: jsonrpc, id, method, params / result / error. */
    public static String render(RpcMessage message) {
        return MAPPER.writeValueAsString(toJson(message));
    }

    public static ObjectNode toJson(RpcMessage message) {
        ObjectNode out = nodes().objectNode();
        out.put("jsonrpc", "2.0");
        switch (message) {
            case RpcMessage.Request r -> {
                putId(out, r.id());
                out.put("method", r.method());
                if (r.params() != null) {
                    out.set("params", r.params());
                }
            }
            case RpcMessage.Notification n -> {
                out.put("method", n.method());
                if (n.params() != null) {
                    out.set("params", n.params());
                }
            }
            case RpcMessage.Result r -> {
                putId(out, r.id());
                out.set("result", r.result());
            }
            case RpcMessage.Error e -> {
                putId(out, e.id());
                ObjectNode error = out.putObject("error");
                error.put("code", e.error().code());
                error.put("message", e.error().message());
                if (e.error().data() != null) {
                    error.set("data", e.error().data());
                }
            }
        }
        return out;
    }

    private static void putId(ObjectNode out, RpcId id) {
        switch (id) {
            case RpcId.Num n -> out.set("id", number(n.value()));
            case RpcId.Str s -> out.put("id", s.value());
            case RpcId.Null ignored -> out.putNull("id");
        }
    }
}
