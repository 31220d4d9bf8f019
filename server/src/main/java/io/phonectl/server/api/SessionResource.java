package io.phonectl.server.api;

import io.phonectl.server.auth.Auth;
import io.phonectl.server.auth.SessionService;
import io.phonectl.server.auth.User;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Principal;
import io.phonectl.server.http.Reply;
import io.phonectl.server.http.Role;
import io.phonectl.server.http.Route;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Console sessions: login sets an HttpOnly, SameSite=Strict cookie (Secure under TLS) and returns the CSRF token
 * that every state-changing cookie request must carry; logout; who am I; change my password.
 */
final class SessionResource {

    /** POST /api/v1/session. */
    record LoginRequest(String name, String password) {
        @Override
        public String toString() {
            return "LoginRequest[" + name + ", password=***]";
        }
    }

    /** What a login answers: the user, the CSRF token (shown once) and when the session ends at the latest. */
    record LoginReply(User user, String csrfToken, Instant expiresAt) {
    }

    /** GET /api/v1/session. */
    record Whoami(long userId, String name, Role role, String kind, boolean mustChangePassword) {
    }

    /** PUT /api/v1/session/password. */
    record PasswordChange(String current, String password) {
        @Override
        public String toString() {
            return "PasswordChange[***]";
        }
    }

    private SessionResource() {
    }

    static List<Route> routes(Auth auth) {
        return List.of(
                Route.post("/api/v1/session").open().doc("session", "Log in: sets the session cookie, returns the CSRF token")
                        .request(LoginRequest.class).response(LoginReply.class).handler(ex -> {
                            LoginRequest in = ex.json(LoginRequest.class);
                            ex.actor(in.name() == null ? "" : in.name());
                            if (in.name() == null || in.password() == null) {
                                throw new ApiException.Invalid(in.name() == null ? "name" : "password", null,
                                        "name and password are required");
                            }
                            SessionService.Login login = auth.sessions().login(in.name(), in.password(), ex.remoteAddress());
                            ex.target(login.user().id());
                            ex.setCookie(SessionService.cookie(SessionService.COOKIE, login.sessionToken(), ex.secure(),
                                    Duration.between(Instant.now(), login.expiresAt())));
                            return Reply.ok(new LoginReply(login.user(), login.csrfToken(), login.expiresAt()));
                        }),
                Route.get("/api/v1/session").role(Role.VIEWER).beforePasswordChange()
                        .doc("session", "Who is calling (a session or a token)").response(Whoami.class)
                        .handler(ex -> {
                            Principal p = ex.principal();
                            return Reply.ok(new Whoami(p.userId(), p.name(), p.role(), p.kind().actorKind(),
                                    p.mustChangePassword()));
                        }),
                Route.delete("/api/v1/session").role(Role.VIEWER).beforePasswordChange()
                        .doc("session", "Log out: ends the session everywhere").response(204, null).handler(ex -> {
                            Principal p = ex.principal();
                            if (!p.viaCookie()) {
                                throw new ApiException.Invalid("Authorization", "Bearer …",
                                        "a session cookie (a token is revoked with DELETE /api/v1/tokens/{id})");
                            }
                            auth.sessions().end(p.credentialId());
                            ex.target(p.userId());
                            ex.setCookie(SessionService.cookie(SessionService.COOKIE, "", ex.secure(), Duration.ZERO));
                            return Reply.noContent();
                        }),
                Route.put("/api/v1/session/password").role(Role.VIEWER).beforePasswordChange()
                        .doc("session", "Change the caller's own password (clears the one-time flag)")
                        .request(PasswordChange.class).response(204, null).handler(ex -> {
                            PasswordChange in = ex.json(PasswordChange.class);
                            Principal p = ex.principal();
                            ex.target(p.userId());
                            auth.users().changeOwnPassword(p.userId(), in.current(), in.password(),
                                    p.viaCookie() ? p.credentialId() : 0);
                            return Reply.noContent();
                        }));
    }
}
