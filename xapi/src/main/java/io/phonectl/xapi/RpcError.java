package io.phonectl.xapi;

import tools.jackson.databind.JsonNode;

import java.util.Objects;
import java.util.OptionalInt;

/** A JSON-RPC error object: {@code code}, {@code message}, optional {@code data} (null when absent). */
public record RpcError(int code, String message, JsonNode data) {

    public RpcError {
        Objects.requireNonNull(message, "message");
    }

    /** An error with the guide's message for the code and no data. */
    public static RpcError of(ErrorCode code) {
        return new RpcError(code.code(), code.message(), null);
    }

    /** The device's {@code data.Cause} when data carries an integral one. */
    public OptionalInt cause() {
        if (data != null && data.isObject() && data.has("Cause") && data.get("Cause").isIntegralNumber()) {
            return OptionalInt.of(data.get("Cause").intValue());
        }
        return OptionalInt.empty();
    }
}
