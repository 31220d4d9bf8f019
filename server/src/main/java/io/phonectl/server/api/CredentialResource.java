package io.phonectl.server.api;

import io.phonectl.server.credential.Credential;
import io.phonectl.server.credential.CredentialService;
import io.phonectl.server.http.Reply;
import io.phonectl.server.http.Role;
import io.phonectl.server.http.Route;

import java.util.List;

/** Credential sets: the secret is write-only (never in an answer); admins change them, viewers see names and users. */
final class CredentialResource {

    record CredentialInput(String name, String user, String secret) {
        @Override
        public String toString() {
            return "CredentialInput[" + name + ", " + user + ", secret=***]";
        }
    }

    private CredentialResource() {
    }

    static List<Route> routes(CredentialService credentials) {
        String base = "/api/v1/credentials";
        return List.of(
                Route.get(base).role(Role.VIEWER).doc("credentials", "List credential sets (never a secret)").paged()
                        .responsePage(Credential.class).handler(ex -> Reply.ok(credentials.list(ex.paging()))),
                Route.post(base).role(Role.ADMIN).doc("credentials", "Create a credential set; the secret is write-only")
                        .request(CredentialInput.class).response(201, Credential.class).handler(ex -> {
                            CredentialInput in = ex.json(CredentialInput.class);
                            Credential c = credentials.create(in.name(), in.user(), in.secret());
                            ex.target(c.id());
                            return Reply.created(c);
                        }),
                Route.get(base + "/{id}").role(Role.VIEWER).doc("credentials", "One credential set (never its secret)")
                        .response(Credential.class).handler(ex -> Reply.ok(credentials.get(ex.id("id")))),
                Route.patch(base + "/{id}").role(Role.ADMIN).doc("credentials", "Change name, user or secret")
                        .request(CredentialInput.class).response(Credential.class).handler(ex -> {
                            long id = ex.id("id");
                            CredentialInput in = ex.json(CredentialInput.class);
                            return Reply.ok(credentials.update(id, in.name(), in.user(), in.secret()));
                        }),
                Route.delete(base + "/{id}").role(Role.ADMIN).doc("credentials", "Delete a credential set no device uses")
                        .response(204, null).handler(ex -> {
                            credentials.delete(ex.id("id"));
                            return Reply.noContent();
                        }));
    }
}
