package io.phonectl.server.auth;

import io.phonectl.server.http.Role;

import java.time.Instant;

/** A token just created: the only time {@code token} is ever shown. */
public record CreatedToken(long id, String name, String user, Role role, Instant createdAt, Instant expiresAt,
                           String token) {
    @Override
    public String toString() {
        return "CreatedToken[" + id + ", " + name + ", " + user + ", " + role + ", token=***]";
    }
}
