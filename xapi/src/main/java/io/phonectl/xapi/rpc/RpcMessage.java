package io.phonectl.xapi.rpc;

import io.phonectl.xapi.RpcError;
import io.phonectl.xapi.RpcId;
import tools.jackson.databind.JsonNode;

import java.util.Objects;

/**
 * The four JSON-RPC 2.0 objects exchanged over the xAPI WebSocket. {@code params} is null when the member is
 * absent (jsxapi omits it for commands without arguments).
 */
public sealed interface RpcMessage {

    /** Client to server; the server must answer with the same id. */
    record Request(RpcId id, String method, JsonNode params) implements RpcMessage {
        public Request {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(method, "method");
            if (id instanceof RpcId.Null) {
                throw new IllegalArgumentException("a request id cannot be null");
            }
        }
    }

    /** No id: no response is sent (feedback events from the device, fire-and-forget calls from a client). */
    record Notification(String method, JsonNode params) implements RpcMessage {
        public Notification {
            Objects.requireNonNull(method, "method");
        }
    }

    record Result(RpcId id, JsonNode result) implements RpcMessage {
        public Result {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(result, "result");
        }
    }

    /** id is {@link RpcId.Null} when the server could not read the request id. */
    record Error(RpcId id, RpcError error) implements RpcMessage {
        public Error {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(error, "error");
        }
    }
}
