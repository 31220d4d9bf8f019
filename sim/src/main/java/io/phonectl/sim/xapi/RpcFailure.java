package io.phonectl.sim.xapi;

import tools.jackson.databind.JsonNode;

/** A JSON-RPC error the simulator answers with: code, message, optional data (seed 004 "Error codes"). */
final class RpcFailure extends Exception {
    static final int INVALID_REQUEST = -32600;
    static final int METHOD_NOT_FOUND = -32601;
    static final int INVALID_PARAMS = -32602;
    static final int INTERNAL_ERROR = -32603;
    static final int PARSE_ERROR = -32700;
    static final int COMMAND_ERROR = 1;
    static final int PERMISSION_DENIED = -31999;
    static final int SUBSCRIBER_COUNT_EXCEEDED = -31998;
    static final int NOT_READY = -31997;

    private final int code;
    private final transient JsonNode data;

    RpcFailure(int code, String message, JsonNode data) {
        super(message, null, false, false);
        this.code = code;
        this.data = data;
    }

    int code() { return code; }

    JsonNode data() { return data; }
}
