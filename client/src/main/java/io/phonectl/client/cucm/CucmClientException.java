package io.phonectl.client.cucm;

import io.phonectl.cucm.soap.SoapFault;

/**
 * What can go wrong talking to CUCM, each with a message that says what to change. Messages never contain
 * credentials.
 */
public abstract sealed class CucmClientException extends RuntimeException
        permits CucmClientException.Unauthorized, CucmClientException.Forbidden, CucmClientException.Tls,
        CucmClientException.Unreachable, CucmClientException.Fault, CucmClientException.Protocol,
        CucmClientException.Config {

    CucmClientException(String message, Throwable cause) {
        super(message, cause);
    }

    /** HTTP 401: the user or password is wrong (or the account is locked). */
    public static final class Unauthorized extends CucmClientException {
        public Unauthorized(String service, String user) {
            super(service + " refused user \"" + user + "\" (HTTP 401): check the user name and password", null);
        }
    }

    /** HTTP 403: the user lacks the role this API needs (docs/cucm.md lists them). */
    public static final class Forbidden extends CucmClientException {
        public Forbidden(String service, String user, String roles) {
            super(service + " denied user \"" + user + "\" (HTTP 403): give it the roles " + roles, null);
        }
    }

    /** The TLS handshake failed: usually a certificate that is not trusted. */
    public static final class Tls extends CucmClientException {
        public Tls(String where, Throwable cause) {
            super("TLS with " + where + " failed (" + rootMessage(cause) + "): trust CUCM's tomcat certificate with "
                    + "--trust FILE, pin it with --pin SHA256, or (lab only) --insecure", cause);
        }
    }

    /** No connection or no answer in time. */
    public static final class Unreachable extends CucmClientException {
        public Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** CUCM answered with a SOAP fault. */
    public static final class Fault extends CucmClientException {
        private final SoapFault fault;

        public Fault(String request, SoapFault fault) {
            super(request + " failed: " + fault.message() + (fault.axlCode() != null ? " (axlcode " + fault.axlCode()
                    + ")" : ""), null);
            this.fault = fault;
        }

        public SoapFault fault() {
            return fault;
        }
    }

    /** An answer that is not what the API sends (bad status, not SOAP, too large). */
    public static final class Protocol extends CucmClientException {
        public Protocol(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A setting that cannot work; names the field, the value and the rule. */
    public static final class Config extends CucmClientException {
        public Config(String field, Object value, String rule) {
            super(field + " = " + value + ": " + rule, null);
        }
    }

    static String rootMessage(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        return r.getClass().getSimpleName() + (r.getMessage() == null ? "" : ": " + r.getMessage());
    }
}
