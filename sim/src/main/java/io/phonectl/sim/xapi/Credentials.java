package io.phonectl.sim.xapi;

import io.phonectl.xapi.schema.Role;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Decoding of the two credential carriers (seed 004 "Authentication"): Basic header and auth- subprotocol. */
final class Credentials {
    static final String SUBPROTOCOL_PREFIX = "auth-";

    private Credentials() {}

    /** user:password from {@code Authorization: Basic …}; null when absent or malformed. */
    static String[] fromBasic(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) return null;
        try {
            return split(new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The offered {@code auth-…} subprotocol, exactly as sent (it must be echoed verbatim); null if none. */
    static String authSubprotocol(List<String> offered) {
        for (String p : offered) if (p.startsWith(SUBPROTOCOL_PREFIX)) return p;
        return null;
    }

    /** user:password from {@code auth-<base64url without padding>} (RFC 4648 §5); null when malformed. */
    static String[] fromSubprotocol(String protocol) {
        try {
            byte[] raw = Base64.getUrlDecoder().decode(protocol.substring(SUBPROTOCOL_PREFIX.length()));
            return split(new String(raw, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String[] split(String userPass) {
        int colon = userPass.indexOf(':');
        return colon < 0 ? null : new String[] {userPass.substring(0, colon), userPass.substring(colon + 1)};
    }

    /** The account's role, or null when user or password does not match (compared without early exit). */
    static Role check(List<SimUser> users, String[] cred) {
        if (cred == null) return null;
        Role found = null;
        for (SimUser u : users) {
            boolean match = java.security.MessageDigest.isEqual(u.username().getBytes(StandardCharsets.UTF_8),
                    cred[0].getBytes(StandardCharsets.UTF_8))
                    & java.security.MessageDigest.isEqual(u.password().getBytes(StandardCharsets.UTF_8),
                    cred[1].getBytes(StandardCharsets.UTF_8));
            if (match && found == null) found = u.role();
        }
        return found;
    }
}
