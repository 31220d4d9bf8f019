package io.phonectl.cucm.ris;

import java.util.List;
import java.util.Objects;

/**
 * One device as one CM node reports it. A phone known to two nodes appears twice, once per node, with its own
 * status and {@code timeStamp} (seconds since 1970); the latest is the current one.
 *
 * @param dirNumber    as RisPort writes it, e.g. {@code 1000-Registered}
 * @param model        typemodel enum
 * @param httpd        whether the phone's web server is on: Yes, No or Unknown
 * @param statusReason a CcmDevUnregCauseCode / CcmDevFailCauseCode (see {@link StatusReasons})
 * @param ipAddresses  in RisPort's order; usually one IPv4 address
 */
public record CmDevice(String name, String dirNumber, String deviceClass, int model, String httpd, String status,
                       int statusReason, String description, long timeStamp, String protocol, String activeLoadId,
                       List<String> ipAddresses) {

    public CmDevice {
        Objects.requireNonNull(name, "name");
        ipAddresses = List.copyOf(ipAddresses);
    }

    /** The first IPv4 address, or null. */
    public String ipv4() {
        return ipAddresses.isEmpty() ? null : ipAddresses.getFirst();
    }

    /** The number part of {@code dirNumber} ("1000-Registered" → "1000"), or null. */
    public String number() {
        if (dirNumber == null || dirNumber.isEmpty()) {
            return null;
        }
        int dash = dirNumber.indexOf('-');
        return dash > 0 ? dirNumber.substring(0, dash) : dirNumber;
    }
}
