package io.phonectl.xapi;

import java.util.Arrays;
import java.util.Optional;

/** The one table of JSON-RPC error codes a device uses, with the messages of the WebSocket guide (seeds/004). */
public enum ErrorCode {
    INVALID_REQUEST(-32600, "Invalid Request"),
    METHOD_NOT_FOUND(-32601, "Method Not Found"),
    INVALID_PARAMS(-32602, "Invalid Params"),
    INTERNAL_ERROR(-32603, "Internal Error"),
    PARSE_ERROR(-32700, "Parse Error"),
    COMMAND_ERROR(1, "Command Error"),
    PERMISSION_DENIED(-31999, "Permission Denied"),
    SUBSCRIBER_COUNT_EXCEEDED(-31998, "Subscriber Count Exceeded"),
    NOT_READY(-31997, "Not Ready");

    private final int code;
    private final String message;

    ErrorCode(int code, String message) {
        this.code = code;
        this.message = message;
    }

    public int code() {
        return code;
    }

    /** The guide's name for the code; devices may send a more specific message. */
    public String message() {
        return message;
    }

    public static Optional<ErrorCode> of(int code) {
        return Arrays.stream(values()).filter(c -> c.code == code).findFirst();
    }
}
