package io.phonectl.client.credentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;

/**
 * A phone user and password for HTTP Basic authentication. The password never appears in
 * {@link #toString()}, in exception messages or in logs: only {@link #basicHeader()} and
 * {@link #matches(String)} ever use it.
 */
public final class Credentials {

    private final String user;
    private final String password;
    /** Computed once: a fleet push sends the same header to thousands of phones. */
    private final String basicHeader;

    private Credentials(String user, String password) {
        this.user = user;
        this.password = password;
        this.basicHeader = "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws CredentialsException when the user is empty or contains ':' (Basic auth cannot carry it),
     *                              or when the password is null
     */
    public static Credentials of(String user, String password) {
        if (user == null || user.isEmpty()) {
            throw new CredentialsException("user is empty: Basic authentication needs a user name (RFC 7617)");
        }
        if (user.indexOf(':') >= 0) {
            throw new CredentialsException("user \"" + user + "\" contains ':', which Basic authentication cannot carry (RFC 7617)");
        }
        if (password == null) {
            throw new CredentialsException("password for user \"" + user + "\" is absent");
        }
        return new Credentials(user, password);
    }

    public String user() {
        return user;
    }

    /**
     * The password itself, for transports that take user and password separately (the xAPI clients build the
     * {@code auth-} subprotocol or their own Basic header). Never print or log it.
     */
    public String password() {
        return password;
    }

    /** The same password with another user name (an inventory's per-phone user overrides the source's). */
    public Credentials withUser(String otherUser) {
        return of(otherUser, password);
    }

    /** The value of the {@code Authorization} header: {@code Basic base64(user:password)}. */
    public String basicHeader() {
        return basicHeader;
    }

    /** {@code base64(user:password)}, as a Notify URI carries it. */
    public String base64() {
        return basicHeader.substring("Basic ".length());
    }

    /** Whether an {@code Authorization} header value carries exactly these credentials (constant-time compare). */
    public boolean matches(String authorizationHeader) {
        if (authorizationHeader == null) {
            return false;
        }
        byte[] expected = basicHeader().getBytes(StandardCharsets.UTF_8);
        byte[] actual = authorizationHeader.trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, actual);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Credentials c && c.user.equals(user) && c.password.equals(password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(user, password);
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user + ", password=***]";
    }
}
