package io.phonectl.server.http;

import java.util.Objects;

/**
 * Who makes a request, as the {@link Authenticator} established it.
 *
 * @param kind               how they authenticated
 * @param userId             the user (the token's owner for a token); 0 when anonymous
 * @param name               the user name, or the token's name as {@code user/token} (what the audit log shows)
 * @param role               what they may do (a token's own role, never more than its owner's)
 * @param csrfHash           SHA-256 (hex) of the session's CSRF token; null unless authenticated by cookie
 * @param mustChangePassword a console session whose password is a one-time one: only the password change is allowed
 * @param credentialId       the session's or token's row id (0 when anonymous), so it can be ended
 */
public record Principal(Kind kind, long userId, String name, Role role, String csrfHash, boolean mustChangePassword,
                        long credentialId) {

    /** How a request authenticated. */
    public enum Kind {
        ANONYMOUS, SESSION, TOKEN;

        /** The audit log's actor kind. */
        public String actorKind() {
            return switch (this) {
                case ANONYMOUS -> "anonymous";
                case SESSION -> "user";
                case TOKEN -> "token";
            };
        }
    }

    public static final Principal ANONYMOUS = new Principal(Kind.ANONYMOUS, 0, "anonymous", null, null, false, 0);

    public Principal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (kind != Kind.ANONYMOUS) {
            Objects.requireNonNull(role, "role");
        }
        if (kind == Kind.SESSION) {
            Objects.requireNonNull(csrfHash, "csrfHash");
        }
    }

    public boolean authenticated() {
        return kind != Kind.ANONYMOUS;
    }

    /** Cookie-authenticated requests need a CSRF token on every state-changing call; bearer requests do not. */
    public boolean viaCookie() {
        return kind == Kind.SESSION;
    }

    @Override
    public String toString() {
        return "Principal[" + kind + " " + name + (role == null ? "" : " " + role.spelling()) + "]";
    }
}
