package io.phonectl.client.xapi;

/**
 * Transport failures of the xAPI clients. Errors the device answers with are the protocol core's
 * {@link io.phonectl.xapi.XapiRpcException} (code, message, data, device Cause), not these.
 * Messages never contain credentials.
 */
public abstract sealed class XapiClientException extends RuntimeException
        permits XapiClientException.Connect, XapiClientException.Timeout, XapiClientException.Disconnected,
        XapiClientException.Protocol, XapiClientException.Config {

    XapiClientException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The connection or its upgrade failed. {@link #httpStatus()} is the upgrade's HTTP status, 0 when there was no
     * HTTP answer (refused, unreachable, TLS failure); the message says what to change.
     */
    public static final class Connect extends XapiClientException {
        private final int httpStatus;

        public Connect(int httpStatus, String message, Throwable cause) {
            super(message, cause);
            this.httpStatus = httpStatus;
        }

        public int httpStatus() { return httpStatus; }
    }

    /** No answer within the request's timeout; the call is forgotten (a late answer is dropped). */
    public static final class Timeout extends XapiClientException {
        public Timeout(String message) {
            super(message, null);
        }
    }

    /** The connection dropped (or was closed) while the call was pending, or before it could be sent. */
    public static final class Disconnected extends XapiClientException {
        public Disconnected(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The device answered, but not with anything xAPI defines: unreadable XML, a document without the expected
     * result. A client-side finding, never dressed up as a device's JSON-RPC error.
     */
    public static final class Protocol extends XapiClientException {
        public Protocol(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A client setting outside its limits: names the field, the value, the rule and the source. */
    public static final class Config extends XapiClientException {
        public Config(String field, Object value, String rule) {
            super(field + " = " + value + ": " + rule + " (source: phonectl xAPI client)", null);
        }
    }
}
