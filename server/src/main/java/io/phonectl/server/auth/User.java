package io.phonectl.server.auth;

import io.phonectl.server.http.Role;

import java.time.Instant;

/** A user as the API shows it (never the password hash). */
public record User(long id, String name, Role role, boolean mustChangePassword, boolean disabled, Instant createdAt,
                   Instant updatedAt) {
}
