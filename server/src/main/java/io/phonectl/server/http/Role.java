package io.phonectl.server.http;

import java.util.Locale;
import java.util.Optional;

/**
 * What a user or token may do. Ordered: {@code admin} covers {@code operator} covers {@code viewer}. Admins do
 * everything (users, tokens of others, credentials); operators change devices, groups and jobs; viewers read.
 */
public enum Role {
    VIEWER, OPERATOR, ADMIN;

    /** Whether this role may do what {@code required} may. */
    public boolean covers(Role required) {
        return compareTo(required) >= 0;
    }

    /** The lower-case spelling used in the API and the database. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    static Role fromJson(String text) {
        return require("role", text);
    }

    public static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Role r : values()) {
            if (r.spelling().equals(text)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** Parses or refuses with a problem naming the field, value and rule. */
    public static Role require(String field, String text) {
        return parse(text).orElseThrow(() -> new ApiException.Invalid(field, text, "one of admin, operator, viewer"));
    }
}
