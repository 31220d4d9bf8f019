package io.phonectl.server.http;

import org.eclipse.jetty.server.Request;

/**
 * Establishes who makes a request (package {@code auth} implements it): a bearer token, a session cookie, or
 * nobody. Credentials that are present but wrong (unknown, expired, revoked) are refused with
 * {@link ApiException.Unauthenticated} rather than treated as anonymous.
 */
@FunctionalInterface
public interface Authenticator {
    Principal authenticate(Request request);
}
