package io.phonectl.server.console;

import io.phonectl.server.http.Role;

/**
 * What every page's frame shows and needs: the title, which section of the navigation is current, who is signed in
 * with which role (null on the sign-in pages), the session's CSRF token for the forms and for htmx's requests, and
 * a notice or an error to show above the content.
 */
public record Frame(String title, String section, String user, Role role, String csrf, String notice, String error) {

    public boolean signedIn() {
        return user != null;
    }

    /** May change devices, groups and send jobs: the forms and buttons that do so are shown only then. */
    public boolean operator() {
        return role != null && role.covers(Role.OPERATOR);
    }

    public boolean admin() {
        return role == Role.ADMIN;
    }

    public String roleName() {
        return role == null ? "" : role.spelling();
    }

    public Frame withError(String text) {
        return new Frame(title, section, user, role, csrf, notice, text);
    }

    public Frame withNotice(String text) {
        return new Frame(title, section, user, role, csrf, text, error);
    }
}
