package io.phonectl.xapi;

import java.util.OptionalInt;

/**
 * A JSON-RPC error object, as an exception: raised by a client when a device answers with {@code error}, and by
 * the protocol mapping when a request cannot be served. One subtype per documented code; {@link Other} keeps any
 * code the guide does not list.
 */
public abstract sealed class XapiRpcException extends XapiException {

    private final RpcError error;

    private XapiRpcException(RpcError error) {
        super(error.code() + " " + error.message() + (error.data() == null ? "" : " " + error.data()));
        this.error = error;
    }

    public RpcError error() {
        return error;
    }

    public int code() {
        return error.code();
    }

    /** The device's {@code data.Cause} number (e.g. 21, or 27 for an illegal argument) when present. */
    public OptionalInt deviceCause() {
        return error.cause();
    }

    /** The typed exception for an error object received from or to be sent to a peer. */
    public static XapiRpcException of(RpcError error) {
        return switch (ErrorCode.of(error.code()).orElse(null)) {
            case INVALID_REQUEST -> new InvalidRequest(error);
            case METHOD_NOT_FOUND -> new MethodNotFound(error);
            case INVALID_PARAMS -> new InvalidParams(error);
            case INTERNAL_ERROR -> new InternalError(error);
            case PARSE_ERROR -> new ParseError(error);
            case COMMAND_ERROR -> new CommandError(error);
            case PERMISSION_DENIED -> new PermissionDenied(error);
            case SUBSCRIBER_COUNT_EXCEEDED -> new SubscriberCountExceeded(error);
            case NOT_READY -> new NotReady(error);
            case null -> new Other(error);
        };
    }

    public static XapiRpcException of(ErrorCode code, String message) {
        return of(new RpcError(code.code(), message, null));
    }

    public static final class InvalidRequest extends XapiRpcException {
        private InvalidRequest(RpcError e) {
            super(e);
        }
    }

    public static final class MethodNotFound extends XapiRpcException {
        private MethodNotFound(RpcError e) {
            super(e);
        }
    }

    public static final class InvalidParams extends XapiRpcException {
        private InvalidParams(RpcError e) {
            super(e);
        }
    }

    public static final class InternalError extends XapiRpcException {
        private InternalError(RpcError e) {
            super(e);
        }
    }

    public static final class ParseError extends XapiRpcException {
        private ParseError(RpcError e) {
            super(e);
        }
    }

    public static final class CommandError extends XapiRpcException {
        private CommandError(RpcError e) {
            super(e);
        }
    }

    public static final class PermissionDenied extends XapiRpcException {
        private PermissionDenied(RpcError e) {
            super(e);
        }
    }

    public static final class SubscriberCountExceeded extends XapiRpcException {
        private SubscriberCountExceeded(RpcError e) {
            super(e);
        }
    }

    public static final class NotReady extends XapiRpcException {
        private NotReady(RpcError e) {
            super(e);
        }
    }

    /** A code outside the guide's table, kept as received. */
    public static final class Other extends XapiRpcException {
        private Other(RpcError e) {
            super(e);
        }
    }
}
