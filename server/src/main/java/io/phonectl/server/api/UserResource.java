package io.phonectl.server.api;

import io.phonectl.server.auth.Auth;
import io.phonectl.server.auth.User;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Reply;
import io.phonectl.server.http.Role;
import io.phonectl.server.http.Route;

import java.util.List;

/** Users (admins only): list, create, change role or disable, delete, reset a password. */
final class UserResource {

    record NewUser(String name, Role role, String password, Boolean mustChangePassword) {
        @Override
        public String toString() {
            return "NewUser[" + name + ", " + role + ", password=***]";
        }
    }

    record UserPatch(Role role, Boolean disabled) {
    }

    record PasswordReset(String password) {
        @Override
        public String toString() {
            return "PasswordReset[***]";
        }
    }

    private UserResource() {
    }

    static List<Route> routes(Auth auth) {
        String base = "/api/v1/users";
        return List.of(
                Route.get(base).role(Role.ADMIN).doc("users", "List users").paged().responsePage(User.class)
                        .handler(ex -> Reply.ok(auth.users().list(ex.paging()))),
                Route.post(base).role(Role.ADMIN).doc("users", "Create a user (must change the password unless told not to)")
                        .request(NewUser.class).response(201, User.class).handler(ex -> {
                            NewUser in = ex.json(NewUser.class);
                            if (in.role() == null) {
                                throw new ApiException.Invalid("role", null, "one of admin, operator, viewer");
                            }
                            User u = auth.users().create(in.name(), in.role(), in.password(),
                                    in.mustChangePassword() == null || in.mustChangePassword());
                            ex.target(u.id());
                            return Reply.created(u);
                        }),
                Route.get(base + "/{id}").role(Role.ADMIN).doc("users", "One user").response(User.class)
                        .handler(ex -> Reply.ok(auth.users().get(ex.id("id")))),
                Route.patch(base + "/{id}").role(Role.ADMIN).doc("users", "Change a user's role or disable them")
                        .request(UserPatch.class).response(User.class).handler(ex -> {
                            long id = ex.id("id");
                            UserPatch in = ex.json(UserPatch.class);
                            return Reply.ok(auth.users().update(id, in.role(), in.disabled()));
                        }),
                Route.delete(base + "/{id}").role(Role.ADMIN).doc("users", "Delete a user (their tokens and sessions end)")
                        .response(204, null).handler(ex -> {
                            auth.users().delete(ex.id("id"));
                            return Reply.noContent();
                        }),
                Route.put(base + "/{id}/password").role(Role.ADMIN)
                        .doc("users", "Reset a password: the user must change it at next login; their sessions end")
                        .request(PasswordReset.class).response(204, null).handler(ex -> {
                            long id = ex.id("id");
                            auth.users().resetPassword(id, ex.json(PasswordReset.class).password());
                            return Reply.noContent();
                        }));
    }
}
