package io.phonectl.server.auth;

import io.phonectl.server.http.Role;

import java.time.Instant;

/** An API token as listed: never the token itself, which is shown once at creation ({@link CreatedToken}). */
public record ApiToken(long id, String name, String user, Role role, Instant createdAt, Instant expiresAt,
                       Instant revokedAt, Instant lastUsedAt) {
}
