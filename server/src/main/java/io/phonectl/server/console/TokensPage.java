package io.phonectl.server.console;

import io.phonectl.server.auth.ApiToken;
import io.phonectl.server.auth.Auth;
import io.phonectl.server.auth.CreatedToken;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Exchange;
import io.phonectl.server.http.Paging;
import io.phonectl.server.http.Reply;
import io.phonectl.server.http.Role;
import io.phonectl.server.http.Route;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * API tokens: one's own (admins see everyone's), create one with at most one's own role (shown on this one page,
 * once), revoke.
 */
public final class TokensPage {

    /** {@code created} is the token just made, shown once; null otherwise. */
    public record View(Frame frame, List<ApiToken> tokens, long total, List<String> roles, CreatedToken created) {
    }

    private TokensPage() {
    }

    static List<Route> routes(Auth auth) {
        return List.of(
                Route.get("/tokens").role(Role.VIEWER).page().doc("console", "API tokens")
                        .handler(ex -> page(ex, auth, 200, null, null)),
                Route.post("/tokens").role(Role.VIEWER).page().doc("console", "Create an API token").handler(ex -> {
                    Map<String, List<String>> form = ex.form();
                    CreatedToken t;
                    try {
                        String role = SignIn.first(form, "role");
                        t = auth.tokens().create(ex.principal(), SignIn.first(form, "name").strip(),
                                role.isEmpty() ? ex.principal().role() : Role.require("role", role),
                                expiry(SignIn.first(form, "expires")));
                    } catch (ApiException.Invalid | ApiException.Conflict e) {
                        return page(ex, auth, e.status(), e.getMessage(), null);
                    }
                    ex.target(t.id());
                    return page(ex, auth, 201, null, t);
                }),
                Route.post("/tokens/{id}/revoke").role(Role.VIEWER).page().doc("console", "Revoke an API token")
                        .handler(ex -> {
                            auth.tokens().revoke(ex.principal(), ex.id("id"));
                            return Html.redirect("/tokens?ok=saved");
                        }));
    }

    /** A date (the end of that day, UTC) or nothing. */
    private static Instant expiry(String date) {
        if (date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date.strip()).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new ApiException.Invalid("expires", date, "a date such as 2027-01-31, or empty for no expiry");
        }
    }

    private static Reply page(Exchange ex, Auth auth, int status, String error, CreatedToken created) {
        var tokens = auth.tokens().list(ex.principal(), Paging.first(Paging.MAX_LIMIT));
        Frame frame = Html.frame(ex, "API tokens", "tokens");
        List<String> roles = List.of(Role.values()).stream().filter(r -> ex.principal().role().covers(r))
                .map(Role::spelling).toList();
        return Html.page(status, "tokens.jte", new View(error == null ? frame : frame.withError(error), tokens.items(),
                tokens.total(), roles, created));
    }
}
