package io.phonectl.server.audit;

import java.time.Instant;

/**
 * One state-changing call: who (a user, {@code user/token} for a token, the name claimed by an anonymous login,
 * or {@code system}), what (method and route template, the resource id), when, from where, and the HTTP status.
 */
public record AuditEntry(long id, Instant at, String actor, String actorKind, String method, String route,
                         String target, String address, int status) {
}
