package io.phonectl.server.auth;

import io.phonectl.server.db.Database;
import io.phonectl.server.db.ReadCache;
import io.phonectl.server.db.Sql;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Names;
import io.phonectl.server.http.Cursor;
import io.phonectl.server.http.Hashing;
import io.phonectl.server.http.Page;
import io.phonectl.server.http.Paging;
import io.phonectl.server.http.Principal;
import io.phonectl.server.http.Role;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * API tokens for programs: {@code phc_} + 32 random bytes (base64url), shown once, stored as SHA-256, with a role no
 * higher than their owner's (checked again at every use, so demoting a user demotes their tokens), an optional
 * expiry, revocable. A revoked or expired token is refused with 401 immediately, on every replica.
 */
public final class TokenService {

    public static final String PREFIX = "phc_";
    static final java.time.Duration TOUCH = java.time.Duration.ofMinutes(1);

    private static final RowMapper<ApiToken> TOKEN = (rs, ctx) -> new ApiToken(rs.getLong("id"), rs.getString("name"),
            rs.getString("user_name"), Role.require("role", rs.getString("role")), Sql.instant(rs, "created_at"),
            Sql.instant(rs, "expires_at"), Sql.instant(rs, "revoked_at"), Sql.instant(rs, "last_used_at"));
    private static final String SELECT = "SELECT t.*, u.name AS user_name FROM api_tokens t JOIN users u ON u.id = t.user_id ";

    private final Database db;
    private final InstantSource clock;

    /** A token and its owner as the database holds them. */
    private record Row(ApiToken token, User user) {
    }

    /**
     * Tokens as read, by their hash, while this process alone writes the database and wrote nothing since (H2): a
     * revocation, an owner disabled or a role changed is a write, and the next request reads the token again. Expiry
     * is checked on every request. At most 1,000 tokens kept; a token that does not exist is not kept (read every
     * time), so a flood of made-up bearers cannot push the real ones out.
     */
    private final ReadCache<String, Optional<Row>> rows;

    TokenService(Database db, InstantSource clock) {
        this.db = db;
        this.clock = clock;
        this.rows = new ReadCache<>(db, 1_000, r -> r.isPresent() ? 1 : 0);
    }

    /** A token for the caller's own user, with at most the caller's role. */
    public CreatedToken create(Principal owner, String name, Role role, Instant expiresAt) {
        if (!owner.role().covers(role)) {
            throw new ApiException.Invalid("role", role.spelling(), "at most the creator's own role ("
                    + owner.role().spelling() + ")");
        }
        return create(owner.userId(), name, role, expiresAt);
    }

    /** A token for a user by id (first start's admin token file); the role is checked against the user's. */
    public CreatedToken create(long userId, String name, Role role, Instant expiresAt) {
        Names.require("name", name);
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new ApiException.Invalid("expiresAt", expiresAt, "a time in the future");
        }
        String token = Hashing.newToken(PREFIX);
        try {
            long id = db.jdbi().inTransaction(h -> {
                User u = UserService.find(h, userId).orElseThrow(() -> new ApiException.NotFound("user", userId));
                if (!u.role().covers(role)) {
                    throw new ApiException.Invalid("role", role.spelling(), "at most the owner's role ("
                            + u.role().spelling() + ")");
                }
                return h.createUpdate("INSERT INTO api_tokens (name, token_hash, user_id, role, created_at, expires_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?)")
                        .bind(0, name).bind(1, Hashing.sha256(token)).bind(2, userId).bind(3, role.spelling())
                        .bind(4, Sql.ts(now)).bind(5, Sql.ts(expiresAt))
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            });
            ApiToken t = get(id);
            return new CreatedToken(id, name, t.user(), role, t.createdAt(), expiresAt, token);
        } catch (RuntimeException e) {
            if (Sql.uniqueViolation(e)) {
                throw new ApiException.Conflict("name", name, "a token name not yet used by this user");
            }
            throw e;
        }
    }

    ApiToken get(long id) {
        return db.jdbi().withHandle(h -> h.createQuery(SELECT + "WHERE t.id = ?").bind(0, id).map(TOKEN).findOne())
                .orElseThrow(() -> new ApiException.NotFound("token", id));
    }

    /** Admins see every token; others their own. Newest last. */
    public Page<ApiToken> list(Principal who, Paging paging) {
        long after = paging.cursor() == null ? 0 : paging.cursor().id();
        boolean all = who.role() == Role.ADMIN;
        String own = all ? "" : " AND t.user_id = " + who.userId();
        return db.jdbi().withHandle(h -> {
            List<ApiToken> rows = h.createQuery(SELECT + "WHERE t.id > ?" + own + " ORDER BY t.id LIMIT ?")
                    .bind(0, after).bind(1, paging.limit() + 1).map(TOKEN).list();
            long total = h.createQuery("SELECT count(*) FROM api_tokens t WHERE 1 = 1" + own).mapTo(Long.class).one();
            return Page.of(rows, paging.limit(), total, t -> new Cursor("", t.id()));
        });
    }

    /** Revokes the caller's own token (admins: any). Revoking twice is allowed and keeps the first time. */
    public ApiToken revoke(Principal who, long id) {
        ApiToken t = get(id);
        boolean own = db.jdbi().withHandle(h -> h.createQuery("SELECT user_id FROM api_tokens WHERE id = ?")
                .bind(0, id).mapTo(Long.class).one()) == who.userId();
        if (!own && who.role() != Role.ADMIN) {
            throw new ApiException.NotFound("token", id); // others' tokens are not even shown to exist
        }
        db.jdbi().useHandle(h -> h.createUpdate("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .bind(0, Sql.ts(clock.instant())).bind(1, id).execute());
        return get(t.id());
    }

    /** The principal of a bearer token; 401 for an unknown, revoked or expired one or a disabled owner. */
    public Principal authenticate(String bearer) {
        Instant now = clock.instant();
        Optional<Row> row = Optional.empty();
        if (bearer.startsWith(PREFIX)) {
            String hash = Hashing.sha256(bearer);
            row = rows.get(hash, () -> db.jdbi().withHandle(h -> h.createQuery("SELECT t.*, u.name AS user_name, "
                            + "u.id AS uid, u.role AS user_role, u.disabled FROM api_tokens t JOIN users u ON "
                            + "u.id = t.user_id WHERE t.token_hash = ?").bind(0, hash)
                    .map((rs, ctx) -> new Row(TOKEN.map(rs, ctx), new User(rs.getLong("uid"),
                            rs.getString("user_name"), Role.require("role", rs.getString("user_role")), false,
                            rs.getBoolean("disabled"), null, null)))
                    .findOne()));
        }
        if (row.isEmpty()) {
            throw new ApiException.Unauthenticated("the bearer token is not known");
        }
        ApiToken t = row.get().token();
        if (t.revokedAt() != null) {
            throw new ApiException.Unauthenticated("the bearer token \"" + t.name() + "\" was revoked at " + t.revokedAt());
        }
        if (t.expiresAt() != null && !now.isBefore(t.expiresAt())) {
            throw new ApiException.Unauthenticated("the bearer token \"" + t.name() + "\" expired at " + t.expiresAt());
        }
        if (row.get().user().disabled()) {
            throw new ApiException.Unauthenticated("the owner of the bearer token \"" + t.name() + "\" is disabled");
        }
        if (t.lastUsedAt() == null || !now.isBefore(t.lastUsedAt().plus(TOUCH))) {
            db.jdbi().useHandle(h -> h.createUpdate("UPDATE api_tokens SET last_used_at = ? WHERE id = ?")
                    .bind(0, Sql.ts(now)).bind(1, t.id()).execute());
        }
        Role userRole = row.get().user().role();
        Role role = userRole.covers(t.role()) ? t.role() : userRole;
        return new Principal(Principal.Kind.TOKEN, row.get().user().id(), t.user() + "/" + t.name(), role, null, false,
                t.id());
    }
}
