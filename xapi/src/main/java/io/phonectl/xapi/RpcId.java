package io.phonectl.xapi;

import java.util.Objects;

/**
 * A JSON-RPC request id. Kept in the JSON type it arrived in, because a response must echo it in kind
 * (jsxapi sends strings, the guide numbers). {@link Null} is only valid in error responses.
 */
public sealed interface RpcId {

    record Num(long value) implements RpcId {
    }

    record Str(String value) implements RpcId {
        public Str {
            Objects.requireNonNull(value, "value");
        }
    }

    record Null() implements RpcId {
    }

    static RpcId of(long value) {
        return new Num(value);
    }

    static RpcId of(String value) {
        return new Str(value);
    }

    RpcId NULL = new Null();
}
