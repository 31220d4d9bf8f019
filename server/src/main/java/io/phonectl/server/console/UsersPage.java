package io.phonectl.server.console;

import io.phonectl.server.auth.Auth;
import io.phonectl.server.auth.User;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Exchange;
import io.phonectl.server.http.Paging;
import io.phonectl.server.http.Reply;
import io.phonectl.server.http.Role;
import io.phonectl.server.http.Route;

import java.util.List;
import java.util.Map;

/** Users (admins): list, create, change the role, disable or enable, reset the password, delete. */
public final class UsersPage {

    public record View(Frame frame, List<User> users, long total, List<String> roles) {
    }

    private UsersPage() {
    }

    static List<Route> routes(Auth auth) {
        return List.of(
                Route.get("/users").role(Role.ADMIN).page().doc("console", "Users")
                        .handler(ex -> page(ex, auth, 200, null)),
                Route.post("/users").role(Role.ADMIN).page().doc("console", "Create a user").handler(ex -> {
                    Map<String, List<String>> form = ex.form();
                    try {
                        User u = auth.users().create(SignIn.first(form, "name").strip(),
                                Role.require("role", SignIn.first(form, "role")), SignIn.first(form, "password"),
                                !form.containsKey("mustChange") || SignIn.first(form, "mustChange").equals("on"));
                        ex.target(u.id());
                    } catch (ApiException.Invalid | ApiException.Conflict e) {
                        return page(ex, auth, e.status(), e.getMessage());
                    }
                    return Html.redirect("/users?ok=created");
                }),
                Route.post("/users/{id}").role(Role.ADMIN).page().doc("console", "Change a user's role or state")
                        .handler(ex -> {
                            long id = ex.id("id");
                            Map<String, List<String>> form = ex.form();
                            String role = SignIn.first(form, "role");
                            String disabled = SignIn.first(form, "disabled");
                            try {
                                auth.users().update(id, role.isEmpty() ? null : Role.require("role", role),
                                        disabled.isEmpty() ? null : Boolean.valueOf(disabled.equals("true")));
                            } catch (ApiException.Invalid | ApiException.Conflict e) {
                                return page(ex, auth, e.status(), e.getMessage());
                            }
                            return Html.redirect("/users?ok=saved");
                        }),
                Route.post("/users/{id}/password").role(Role.ADMIN).page().doc("console", "Reset a user's password")
                        .handler(ex -> {
                            long id = ex.id("id");
                            try {
                                auth.users().resetPassword(id, SignIn.first(ex.form(), "password"));
                            } catch (ApiException.Invalid e) {
                                return page(ex, auth, e.status(), e.getMessage());
                            }
                            return Html.redirect("/users?ok=saved");
                        }),
                Route.post("/users/{id}/delete").role(Role.ADMIN).page().doc("console", "Delete a user")
                        .handler(ex -> {
                            try {
                                auth.users().delete(ex.id("id"));
                            } catch (ApiException.Conflict e) {
                                return page(ex, auth, e.status(), e.getMessage());
                            }
                            return Html.redirect("/users?ok=saved");
                        }));
    }

    private static Reply page(Exchange ex, Auth auth, int status, String error) {
        var users = auth.users().list(Paging.first(Paging.MAX_LIMIT));
        Frame frame = Html.frame(ex, "Users", "users");
        return Html.page(status, "users.jte", new View(error == null ? frame : frame.withError(error), users.items(),
                users.total(), List.of("viewer", "operator", "admin")));
    }
}
