package io.phonectl.server.api;

import io.phonectl.server.auth.ApiToken;
import io.phonectl.server.auth.Auth;
import io.phonectl.server.auth.CreatedToken;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Reply;
import io.phonectl.server.http.Role;
import io.phonectl.server.http.Route;

import java.time.Instant;
import java.util.List;

/** API tokens: create (the token is in this answer only), list (own; admins all), revoke. */
final class TokenResource {

    record NewToken(String name, Role role, Instant expiresAt) {
    }

    private TokenResource() {
    }

    static List<Route> routes(Auth auth) {
        String base = "/api/v1/tokens";
        return List.of(
                Route.get(base).role(Role.VIEWER).doc("tokens", "List tokens (never the token itself)").paged()
                        .responsePage(ApiToken.class).handler(ex -> Reply.ok(auth.tokens().list(ex.principal(), ex.paging()))),
                Route.post(base).role(Role.VIEWER)
                        .doc("tokens", "Create a token with at most the caller's role; the answer is the only time it is shown")
                        .request(NewToken.class).response(201, CreatedToken.class).handler(ex -> {
                            NewToken in = ex.json(NewToken.class);
                            Role role = in.role() == null ? ex.principal().role() : in.role();
                            if (in.name() == null) {
                                throw new ApiException.Invalid("name", null, "a token name is required");
                            }
                            CreatedToken t = auth.tokens().create(ex.principal(), in.name(), role, in.expiresAt());
                            ex.target(t.id());
                            return Reply.created(t);
                        }),
                Route.delete(base + "/{id}").role(Role.VIEWER).doc("tokens", "Revoke a token (own; admins any)")
                        .response(ApiToken.class).handler(ex -> Reply.ok(auth.tokens().revoke(ex.principal(), ex.id("id")))));
    }
}
