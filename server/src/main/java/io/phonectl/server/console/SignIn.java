package io.phonectl.server.console;

import io.phonectl.server.auth.Auth;
import io.phonectl.server.auth.SessionService;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Exchange;
import io.phonectl.server.http.Hashing;
import io.phonectl.server.http.Principal;
import io.phonectl.server.http.Reply;
import io.phonectl.server.http.Role;
import io.phonectl.server.http.Route;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Sign in, sign out and the password change (forced after a one-time password). Signing in uses the same
 * {@code SessionService} as the API's login (same throttle, same session rows); the console additionally keeps the
 * session's CSRF token in a companion cookie so that it can put it into its forms.
 */
public final class SignIn {

    /** A sign-in form carries this field, equal to the {@link #LOGIN_COOKIE} the form's page set (login CSRF). */
    static final String LOGIN_FIELD = "_login";
    static final String LOGIN_COOKIE = "phonectl_login";

    /** The sign-in page. */
    public record LoginView(Frame frame, String name, String next, String loginToken) {
    }

    /** The password page; {@code forced} after a one-time password. */
    public record PasswordView(Frame frame, boolean forced) {
    }

    private SignIn() {
    }

    static List<Route> routes(Auth auth) {
        return List.of(
                Route.get("/login").open().page().doc("console", "Sign-in page").handler(ex -> {
                    if (signedIn(ex)) {
                        return Html.redirect("/");
                    }
                    return loginPage(ex, 200, "", next(ex.query("next")), Html.frame(ex, "Sign in", "login"));
                }),
                Route.post("/login").open().page().doc("console", "Sign in").handler(ex -> {
                    Map<String, List<String>> form = ex.form();
                    String name = first(form, "name");
                    String next = next(first(form, "next"));
                    ex.actor(name);
                    Frame frame = Html.frame(ex.request(), Principal.ANONYMOUS, "Sign in", "login");
                    String expected = ex.cookie(LOGIN_COOKIE);
                    String given = first(form, LOGIN_FIELD);
                    if (expected == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                            given.getBytes(StandardCharsets.US_ASCII))) {
                        return loginPage(ex, 403, name, next, frame.withError("The sign-in form had expired; "
                                + "it was renewed: please sign in again."));
                    }
                    SessionService.Login login;
                    try {
                        login = auth.sessions().login(name, first(form, "password"), ex.remoteAddress());
                    } catch (ApiException.Unauthenticated | ApiException.TooManyRequests e) {
                        Reply r = loginPage(ex, e.status(), name, next, frame.withError(e.getMessage()));
                        return e.headers().containsKey("Retry-After")
                                ? r.header("Retry-After", e.headers().get("Retry-After")) : r;
                    }
                    ex.target(login.user().id());
                    Duration life = Duration.between(Instant.now(), login.expiresAt());
                    ex.setCookie(SessionService.cookie(SessionService.COOKIE, login.sessionToken(), ex.secure(), life));
                    ex.setCookie(SessionService.cookie(Html.CSRF_COOKIE, login.csrfToken(), ex.secure(), life));
                    ex.setCookie(Html.expired(LOGIN_COOKIE, ex.secure()));
                    return Html.redirect(login.user().mustChangePassword() ? "/password" : next);
                }),
                Route.post("/logout").role(Role.VIEWER).beforePasswordChange().page().doc("console", "Sign out")
                        .handler(ex -> {
                            Principal p = ex.principal();
                            if (p.viaCookie()) {
                                auth.sessions().end(p.credentialId());
                            }
                            ex.target(p.userId());
                            ex.setCookie(Html.expired(SessionService.COOKIE, ex.secure()));
                            ex.setCookie(Html.expired(Html.CSRF_COOKIE, ex.secure()));
                            return Html.redirect("/login?ok=signed-out");
                        }),
                Route.get("/password").role(Role.VIEWER).beforePasswordChange().page()
                        .doc("console", "Password page").handler(ex -> Html.page("password.jte",
                                new PasswordView(Html.frame(ex, "Change password", "password"),
                                        ex.principal().mustChangePassword()))),
                Route.post("/password").role(Role.VIEWER).beforePasswordChange().page()
                        .doc("console", "Change one's own password").handler(ex -> {
                            Map<String, List<String>> form = ex.form();
                            Principal p = ex.principal();
                            ex.target(p.userId());
                            Frame frame = Html.frame(ex, "Change password", "password");
                            String next = first(form, "password");
                            if (!next.equals(first(form, "confirm"))) {
                                return Html.page(400, "password.jte", new PasswordView(frame.withError(
                                        "The new password and its confirmation differ."), p.mustChangePassword()));
                            }
                            try {
                                auth.users().changeOwnPassword(p.userId(), first(form, "current"), next,
                                        p.viaCookie() ? p.credentialId() : 0);
                            } catch (ApiException.Invalid e) {
                                return Html.page(400, "password.jte", new PasswordView(frame.withError(
                                        e.getMessage()), p.mustChangePassword()));
                            }
                            return Html.redirect("/?ok=password");
                        }));
    }

    private static boolean signedIn(Exchange ex) {
        try {
            return ex.principal().viaCookie() && !Html.csrf(ex.request(), ex.principal()).isEmpty();
        } catch (ApiException e) {
            return false;
        }
    }

    /** The sign-in page with a new login token, set as a cookie for its form to send back. */
    private static Reply loginPage(Exchange ex, int status, String name, String next, Frame frame) {
        String token = Hashing.newToken("");
        ex.setCookie(SessionService.cookie(LOGIN_COOKIE, token, ex.secure(), Duration.ofHours(1)));
        return Html.page(status, "login.jte", new LoginView(frame, name, next, token));
    }

    /** Where to go after signing in: a path of this site only (never another host). */
    static String next(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.chars().anyMatch(Character::isISOControl) || next.length() > 2000) {
            return "/";
        }
        return next;
    }

    static String first(Map<String, List<String>> form, String name) {
        List<String> v = form.get(name);
        return v == null || v.isEmpty() ? "" : v.get(0);
    }
}
