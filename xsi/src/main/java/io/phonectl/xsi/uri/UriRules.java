package io.phonectl.xsi.uri;

import io.phonectl.xsi.Sources;
import io.phonectl.xsi.Violation;
import io.phonectl.xsi.XsiValidationException;

import java.util.Base64;

/** The parameter rules shared by several URI families; one place per rule. */
final class UriRules {
    private UriRules() {
    }

    static final int PORT_MIN = 20480;
    static final int PORT_MAX = 32768;
    static final int APP_ID_MAX = 64;
    static final String DTMF = "0123456789#*ABCD,";

    /**
     * Appends {@code :value} for each optional trailing parameter, up to the last one that is present: absent
     * parameters in the middle stay as empty fields ({@code App:Close::60:id}), absent ones at the end are left out.
     */
    static StringBuilder appendOptional(StringBuilder b, Object... tail) {
        int last = tail.length - 1;
        while (last >= 0 && tail[last] == null) {
            last--;
        }
        for (int i = 0; i <= last; i++) {
            b.append(':').append(tail[i] == null ? "" : tail[i]);
        }
        return b;
    }

    static XsiValidationException fail(String field, Object value, String rule, String source) {
        return new XsiValidationException(Violation.of(field, value, rule, source));
    }

    static String required(String field, String value, String source) {
        if (value == null || value.isEmpty()) {
            throw fail(field, value, "is required", source);
        }
        return value;
    }

    static int integer(String field, String text, int min, int max, String source) {
        if (text == null || text.isEmpty() || text.length() > 10 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw fail(field, text, "must be a decimal integer " + min + "-" + max, source);
        }
        long v = Long.parseLong(text);
        if (v < min || v > max) {
            throw fail(field, text, "must be " + min + "-" + max, source);
        }
        return (int) v;
    }

    /** Null when the text is absent or empty (optional parameter). */
    static Integer optionalInteger(String field, String text, int min, int max, String source) {
        return text == null || text.isEmpty() ? null : integer(field, text, min, max, source);
    }

    static void range(String field, Integer value, int min, int max, String source) {
        if (value != null && (value < min || value > max)) {
            throw fail(field, value, "must be " + min + "-" + max, source);
        }
    }

    /** RTP UDP ports must be even, in decimal range 20480-32768 (control spec notes). */
    static void rtpPort(String field, Integer port) {
        range(field, port, PORT_MIN, PORT_MAX, Sources.CONTROL_SPEC);
        if (port != null && port % 2 != 0) {
            throw fail(field, port, "must be even (RTP UDP port)", Sources.CONTROL_SPEC);
        }
    }

    static Boolean flag(String field, String text, String source) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return switch (text) {
            case "0" -> Boolean.FALSE;
            case "1" -> Boolean.TRUE;
            default -> throw fail(field, text, "must be 0 or 1", source);
        };
    }

    static String flagText(Boolean b) {
        return b == null ? "" : b ? "1" : "0";
    }

    static void dtmf(String field, String digits, boolean allowEmpty) {
        if (digits == null || (!allowEmpty && digits.isEmpty())) {
            throw fail(field, digits, "is required (DTMF digits " + DTMF + ")", Sources.CONTROL_SPEC);
        }
        for (int i = 0; i < digits.length(); i++) {
            if (DTMF.indexOf(digits.charAt(i)) < 0) {
                throw fail(field, digits, "may only contain the DTMF characters " + DTMF
                        + " (found '" + digits.charAt(i) + "' at index " + i + ")", Sources.CONTROL_SPEC);
            }
        }
    }

    /** applicationId: 1-64 characters, no colon (it is the URI separator), no semicolon, no control characters. */
    static void applicationId(String field, String id) {
        if (id == null) {
            return;
        }
        if (id.isEmpty() || id.length() > APP_ID_MAX) {
            throw fail(field, id, "must be 1-" + APP_ID_MAX + " characters", Sources.CONTROL_SPEC);
        }
        forbid(field, id, ":;", Sources.CONTROL_SPEC);
    }

    /** Rejects any of the given characters and any control character. */
    static void forbid(String field, String value, String chars, String source) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (chars.indexOf(c) >= 0) {
                throw fail(field, value, "must not contain '" + c + "'", source);
            }
            if (Character.isISOControl(c)) {
                throw fail(field, value, "must not contain control characters", source);
            }
        }
    }

    /** A text parameter that is the last field of its URI: non-empty, no control characters. */
    static String text(String field, String value, String forbidden, String source) {
        required(field, value, source);
        forbid(field, value, forbidden, source);
        return value;
    }

    /** Dotted-quad IPv4 literal; multicast when asked (224.0.0.0/4), unicast otherwise. */
    static void ipv4(String field, String address, boolean multicast) {
        required(field, address, Sources.CONTROL_SPEC);
        String[] parts = address.split("\\.", -1);
        boolean ok = parts.length == 4;
        int first = -1;
        for (int i = 0; ok && i < 4; i++) {
            String p = parts[i];
            ok = !p.isEmpty() && p.length() <= 3 && p.chars().allMatch(c -> c >= '0' && c <= '9')
                    && Integer.parseInt(p) <= 255;
            if (ok && i == 0) {
                first = Integer.parseInt(p);
            }
        }
        if (!ok) {
            throw fail(field, address, "must be a dotted-quad IPv4 address", Sources.CONTROL_SPEC);
        }
        boolean isMulticast = first >= 224 && first <= 239;
        if (multicast != isMulticast) {
            throw fail(field, address, multicast ? "must be a multicast address (224.0.0.0-239.255.255.255)"
                    : "must be a unicast address (not 224.0.0.0-239.255.255.255)", Sources.CONTROL_SPEC);
        }
    }

    /** Host names or IPv4 literals: letters, digits, '.', '-'; at most 253 characters. */
    static void host(String field, String host, String source) {
        required(field, host, source);
        if (host.length() > 253 || !host.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9') || c == '.' || c == '-')) {
            throw fail(field, host, "must be a host name or IPv4 address (letters, digits, '.', '-')", source);
        }
    }

    /** Base64 of "userid:password"; the value is never echoed because it carries a credential. */
    static void basicCredentials(String field, String value) {
        if (value == null) {
            return;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(value), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw fail(field, "(hidden)", "must be base64-encoded userid:password", Sources.NOTES_NOTIFY);
        }
        if (value.isEmpty() || decoded.indexOf(':') < 0) {
            throw fail(field, "(hidden)", "must be base64-encoded userid:password", Sources.NOTES_NOTIFY);
        }
    }
}
