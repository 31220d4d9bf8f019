package io.phonectl.cucm.soap;

import java.util.Objects;

/**
 * A SOAP 1.1 fault as CUCM sends it: {@code faultcode}, {@code faultstring} and, from AXL, an {@code axlError} detail
 * with {@code axlcode}, {@code axlmessage} and the {@code request} (AXL developer guide, "Data Throttling").
 *
 * @param code        e.g. {@code soapenv:Server} or {@code soapenv:Server.userException} (RisPort, Axis)
 * @param message     the faultstring
 * @param axlCode     the detail's axlcode, or null when there is no AXL detail
 * @param axlRequest  the operation the detail names, or null
 */
public record SoapFault(String code, String message, Integer axlCode, String axlRequest) {

    public SoapFault {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public static SoapFault server(String message) {
        return new SoapFault("soapenv:Server", message, null, null);
    }

    public static SoapFault client(String message) {
        return new SoapFault("soapenv:Client", message, null, null);
    }

    public static SoapFault axl(String message, int axlCode, String request) {
        return new SoapFault("soapenv:Server", message, axlCode, request);
    }

    @Override
    public String toString() {
        return code + ": " + message + (axlCode != null ? " (axlcode " + axlCode + ", " + axlRequest + ")" : "");
    }
}
