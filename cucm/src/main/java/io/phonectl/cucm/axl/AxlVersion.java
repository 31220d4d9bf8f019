package io.phonectl.cucm.axl;

import io.phonectl.cucm.CucmValidationException;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An AXL schema version. A request names it twice, and both must agree: in the {@code SOAPAction} header
 * ({@code "CUCM:DB ver=14.0 listPhone"}) and in the namespace {@code http://www.cisco.com/AXL/API/14.0}
 * (AXL developer guide, "Versioning").
 */
public record AxlVersion(String number) {

    public static final String NAMESPACE_BASE = "http://www.cisco.com/AXL/API/";
    /** Schemas of CUCM 11.0 to 15 (13.x was skipped; 15 added no schema changes but has its namespace). */
    public static final List<AxlVersion> SUPPORTED = List.of(new AxlVersion("11.0"), new AxlVersion("11.5"),
            new AxlVersion("12.0"), new AxlVersion("12.5"), new AxlVersion("14.0"), new AxlVersion("15.0"));
    public static final AxlVersion DEFAULT = new AxlVersion("14.0");
    static final String SOURCE = "AXL developer guide, Versioning";

    private static final Pattern ACTION = Pattern.compile("\\s*\"?CUCM:DB ver=(\\d+\\.\\d+)\\s+(\\w+)\"?\\s*");

    public AxlVersion {
        if (number == null || !number.matches("\\d+\\.\\d+")) {
            throw new CucmValidationException("axlVersion", number, "must look like 14.0", SOURCE);
        }
    }

    /** A supported version by number. */
    public static AxlVersion of(String number) {
        AxlVersion v = new AxlVersion(number);
        if (!SUPPORTED.contains(v)) {
            throw new CucmValidationException("axlVersion", number, "must be one of "
                    + SUPPORTED.stream().map(AxlVersion::number).toList(), SOURCE);
        }
        return v;
    }

    public String namespace() {
        return NAMESPACE_BASE + number;
    }

    /** The header value, quotes included: {@code "CUCM:DB ver=14.0 listPhone"}. */
    public String soapAction(String operation) {
        return "\"CUCM:DB ver=" + number + " " + operation + "\"";
    }

    /** The version a namespace names, or null when it is not an AXL namespace. */
    public static AxlVersion fromNamespace(String ns) {
        if (ns == null || !ns.startsWith(NAMESPACE_BASE)) {
            return null;
        }
        String n = ns.substring(NAMESPACE_BASE.length());
        return n.matches("\\d+\\.\\d+") ? new AxlVersion(n) : null;
    }

    /** Version and operation of a {@code SOAPAction} header, or null when it is not an AXL action. */
    public static Action parseAction(String header) {
        if (header == null) {
            return null;
        }
        Matcher m = ACTION.matcher(header);
        return m.matches() ? new Action(new AxlVersion(m.group(1)), m.group(2)) : null;
    }

    /** A parsed {@code SOAPAction}. */
    public record Action(AxlVersion version, String operation) {
    }
}
