package io.phonectl.server.auth;

import io.phonectl.server.db.Database;
import io.phonectl.server.db.Sql;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Hashing;
import io.phonectl.server.http.Principal;
import org.eclipse.jetty.http.HttpCookie;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Console sessions: a login checks the password (throttled), stores the SHA-256 of a new session token and of a
 * new CSRF token, and hands both out once. Stored in the database, so any replica accepts the cookie. A session
 * ends after {@code sessionIdle} unused or {@code sessionMax} in any case, on logout, and when its user's password
 * is changed elsewhere or the user is disabled.
 */
public final class SessionService {

    public static final String COOKIE = "phonectl_session";
    /** last_seen_at is written at most this often, not on every request. */
    static final Duration TOUCH = Duration.ofMinutes(1);

    /** What a successful login hands out, once. */
    public record Login(String sessionToken, String csrfToken, User user, Instant expiresAt) {
        @Override
        public String toString() {
            return "Login[" + user.name() + ", tokens=***, expires " + expiresAt + "]";
        }
    }

    private final Database db;
    private final UserService users;
    private final LoginThrottle throttle;
    private final SecurityConfig config;
    private final InstantSource clock;

    SessionService(Database db, UserService users, LoginThrottle throttle, SecurityConfig config, InstantSource clock) {
        this.db = db;
        this.users = users;
        this.throttle = throttle;
        this.config = config;
        this.clock = clock;
    }

    public Login login(String name, String password, String address) {
        throttle.check(name, address);
        // a name no user can have is not looked up, but costs a failure like any wrong guess
        Optional<User> user = validName(name) ? users.verify(name, password) : Optional.empty();
        if (user.isEmpty()) {
            throttle.failed(name, address);
            throw new ApiException.Unauthenticated("the user name or password is wrong, or the user is disabled");
        }
        throttle.succeeded(name);
        String token = Hashing.newToken("");
        String csrf = Hashing.newToken("");
        Instant now = clock.instant();
        Instant expires = now.plus(config.sessionMax());
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO sessions (token_hash, csrf_hash, user_id, address, "
                        + "created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .bind(0, Hashing.sha256(token)).bind(1, Hashing.sha256(csrf)).bind(2, user.get().id())
                .bind(3, address.length() > 64 ? address.substring(0, 64) : address).bind(4, Sql.ts(now))
                .bind(5, Sql.ts(now)).bind(6, Sql.ts(expires)).execute());
        return new Login(token, csrf, user.get(), expires);
    }

    /**
     * A cookie of the session family: HttpOnly, SameSite=Strict, Secure under TLS, for the whole site; a
     * {@code maxAge} of zero deletes it. The session cookie and the console's companion cookies are all made here.
     */
    public static HttpCookie cookie(String name, String value, boolean secure, Duration maxAge) {
        return HttpCookie.build(name, value).path("/").httpOnly(true).secure(secure)
                .sameSite(HttpCookie.SameSite.STRICT).maxAge(Math.max(0, maxAge.toSeconds())).build();
    }

    private static boolean validName(String name) {
        try {
            io.phonectl.server.http.Names.require("name", name);
            return true;
        } catch (ApiException e) {
            return false;
        }
    }

    /** The principal of a session cookie, or empty when it is unknown, expired, idle too long or its user disabled. */
    public Optional<Principal> authenticate(String cookie) {
        Instant now = clock.instant();
        record Row(long id, String csrf, Instant lastSeen, Instant expires, User user) {
        }
        Optional<Row> row = db.jdbi().withHandle(h -> h.createQuery("SELECT s.id AS sid, s.csrf_hash, s.last_seen_at, "
                        + "s.expires_at, u.* FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?")
                .bind(0, Hashing.sha256(cookie))
                .map((rs, ctx) -> new Row(rs.getLong("sid"), rs.getString("csrf_hash"), Sql.instant(rs, "last_seen_at"),
                        Sql.instant(rs, "expires_at"), UserService.USER.map(rs, ctx))).findOne());
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Row r = row.get();
        if (!now.isBefore(r.expires()) || !now.isBefore(r.lastSeen().plus(config.sessionIdle())) || r.user().disabled()) {
            end(r.id());
            return Optional.empty();
        }
        if (!now.isBefore(r.lastSeen().plus(TOUCH))) {
            db.jdbi().useHandle(h -> h.createUpdate("UPDATE sessions SET last_seen_at = ? WHERE id = ?")
                    .bind(0, Sql.ts(now)).bind(1, r.id()).execute());
        }
        return Optional.of(new Principal(Principal.Kind.SESSION, r.user().id(), r.user().name(), r.user().role(),
                r.csrf(), r.user().mustChangePassword(), r.id()));
    }

    /** Logout: the session row is deleted, so the cookie is worthless everywhere at once. */
    public void end(long sessionId) {
        db.jdbi().useHandle(h -> h.createUpdate("DELETE FROM sessions WHERE id = ?").bind(0, sessionId).execute());
    }
}
