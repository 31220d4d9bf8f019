package io.phonectl.server.auth;

import io.phonectl.server.db.Database;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Authenticator;
import io.phonectl.server.http.Principal;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Request;

import java.time.InstantSource;
import java.util.Locale;

/**
 * The security services together (users, sessions, tokens, the login throttle) and the router's
 * {@link Authenticator}: a bearer token if the request has an Authorization header, else the session cookie,
 * else anonymous. A stale session cookie counts as none (so the login route still works), a bad bearer token is a 401.
 */
public final class Auth implements Authenticator {

    private final UserService users;
    private final SessionService sessions;
    private final TokenService tokens;
    private final SecurityConfig config;

    public Auth(Database db, SecurityConfig config, InstantSource clock) {
        this.config = config;
        Passwords passwords = new Passwords(config.bcryptCost());
        this.users = new UserService(db, passwords, clock);
        this.sessions = new SessionService(db, users, new LoginThrottle(config, clock), config, clock);
        this.tokens = new TokenService(db, clock);
    }

    public UserService users() {
        return users;
    }

    public SessionService sessions() {
        return sessions;
    }

    public TokenService tokens() {
        return tokens;
    }

    public SecurityConfig config() {
        return config;
    }

    @Override
    public Principal authenticate(Request request) {
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (authorization != null) {
            String a = authorization.strip();
            if (!a.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
                throw new ApiException.Unauthenticated("Authorization: only Bearer tokens are accepted");
            }
            return tokens.authenticate(a.substring(7).strip());
        }
        for (HttpCookie c : Request.getCookies(request)) {
            if (c.getName().equals(SessionService.COOKIE)) {
                return sessions.authenticate(c.getValue()).orElse(Principal.ANONYMOUS);
            }
        }
        return Principal.ANONYMOUS;
    }
}
