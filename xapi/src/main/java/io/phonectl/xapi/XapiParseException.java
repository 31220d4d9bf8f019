package io.phonectl.xapi;

import java.util.Optional;

/**
 * Input in one of the xAPI formats could not be read. Carries the JSON-RPC code a server should answer with
 * ({@code -32700} unreadable JSON, {@code -32600} readable JSON that is not a valid request) and the request id
 * when it could still be read, so a server can echo it.
 */
public final class XapiParseException extends XapiException {

    private final String format;
    private final int rpcCode;
    private final RpcId id;

    public XapiParseException(String format, int rpcCode, RpcId id, String detail, Throwable cause) {
        super(format + ": " + detail, cause);
        this.format = format;
        this.rpcCode = rpcCode;
        this.id = id;
    }

    public XapiParseException(String format, String detail) {
        this(format, ErrorCode.PARSE_ERROR.code(), null, detail, null);
    }

    /** Which format was being read: "WebSocket JSON", "terminal text", "terminal JSON", "xAPI path", "xAPI XML". */
    public String format() {
        return format;
    }

    public int rpcCode() {
        return rpcCode;
    }

    /** The request id if it could be read; empty means a server must answer with a null id. */
    public Optional<RpcId> id() {
        return Optional.ofNullable(id);
    }
}
