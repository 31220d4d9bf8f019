package io.phonectl.server.credential;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.server.db.Database;
import io.phonectl.server.db.Sql;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Names;
import io.phonectl.server.http.Cursor;
import io.phonectl.server.http.Page;
import io.phonectl.server.http.Paging;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * Named credential sets (a user and a secret) that devices refer to. Secrets are write-only: sealed on the way in,
 * opened only by {@link #resolve(long)} for the code that talks to devices, never returned, logged or exported.
 */
public final class CredentialService {

    public static final int MAX_USER = 128;
    public static final int MAX_SECRET_BYTES = 1024;

    private static final RowMapper<Credential> VIEW = (rs, ctx) -> new Credential(rs.getLong("id"),
            rs.getString("name"), rs.getString("username"), rs.getLong("devices"), Sql.instant(rs, "created_at"),
            Sql.instant(rs, "updated_at"));
    private static final String SELECT = "SELECT c.id, c.name, c.username, c.created_at, c.updated_at, "
            + "(SELECT count(*) FROM devices d WHERE d.credential_id = c.id) AS devices FROM credentials c ";

    private final Database db;
    private final MasterKey key;
    private final SecretBox box;
    private final InstantSource clock;

    public CredentialService(Database db, MasterKey key, InstantSource clock) {
        this.db = db;
        this.key = key;
        this.box = new SecretBox(key);
        this.clock = clock;
    }

    public Credential create(String name, String user, String secret) {
        Names.require("name", name);
        checkUser(user);
        checkSecret(secret);
        SecretBox.Sealed sealed = box.seal(secret, name);
        var now = Sql.ts(clock.instant());
        try {
            long id = db.jdbi().withHandle(h -> h.createUpdate("INSERT INTO credentials (name, username, key_id, nonce, "
                            + "sealed, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .bind(0, name).bind(1, user).bind(2, key.id()).bind(3, sealed.nonce()).bind(4, sealed.box())
                    .bind(5, now).bind(6, now).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
            return get(id);
        } catch (RuntimeException e) {
            if (Sql.uniqueViolation(e)) {
                throw new ApiException.Conflict("name", name, "a credential set name not in use");
            }
            throw e;
        }
    }

    public Credential get(long id) {
        return db.jdbi().withHandle(h -> h.createQuery(SELECT + "WHERE c.id = ?").bind(0, id).map(VIEW).findOne())
                .orElseThrow(() -> new ApiException.NotFound("credential set", id));
    }

    public Optional<Long> idByName(String name) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM credentials WHERE name = ?").bind(0, name)
                .mapTo(Long.class).findOne());
    }

    public Page<Credential> list(Paging paging) {
        long after = paging.cursor() == null ? 0 : paging.cursor().id();
        return db.jdbi().withHandle(h -> {
            List<Credential> rows = h.createQuery(SELECT + "WHERE c.id > ? ORDER BY c.id LIMIT ?").bind(0, after)
                    .bind(1, paging.limit() + 1).map(VIEW).list();
            long total = h.createQuery("SELECT count(*) FROM credentials").mapTo(Long.class).one();
            return Page.of(rows, paging.limit(), total, c -> new Cursor("", c.id()));
        });
    }

    /** Changes any of name, user and secret (null = unchanged); a rename re-seals the secret under the new name. */
    public Credential update(long id, String name, String user, String secret) {
        if (name != null) {
            Names.require("name", name);
        }
        if (user != null) {
            checkUser(user);
        }
        if (secret != null) {
            checkSecret(secret);
        }
        try {
            db.jdbi().useTransaction(h -> {
                Stored s = stored(h, id);
                String newName = name == null ? s.name() : name;
                String plain = secret != null ? secret : box.open(s.sealed(), s.name());
                SecretBox.Sealed sealed = box.seal(plain, newName);
                h.createUpdate("UPDATE credentials SET name = ?, username = ?, key_id = ?, nonce = ?, sealed = ?, "
                                + "updated_at = ? WHERE id = ?")
                        .bind(0, newName).bind(1, user == null ? s.user() : user).bind(2, key.id())
                        .bind(3, sealed.nonce()).bind(4, sealed.box()).bind(5, Sql.ts(clock.instant())).bind(6, id)
                        .execute();
            });
        } catch (RuntimeException e) {
            if (Sql.uniqueViolation(e)) {
                throw new ApiException.Conflict("name", name, "a credential set name not in use");
            }
            throw e;
        }
        return get(id);
    }

    public void delete(long id) {
        Credential c = get(id);
        if (c.devices() > 0) {
            throw new ApiException.Conflict("id", id, "a credential set no device uses (" + c.devices()
                    + " devices use \"" + c.name() + "\")");
        }
        try {
            db.jdbi().useHandle(h -> h.createUpdate("DELETE FROM credentials WHERE id = ?").bind(0, id).execute());
        } catch (RuntimeException e) {
            if (Sql.foreignKeyViolation(e)) {
                throw new ApiException.Conflict("id", id, "a credential set no device uses");
            }
            throw e;
        }
    }

    /** User and secret for talking to a device. Only for transports: never put the result in an answer or a log. */
    public Credentials resolve(long id) {
        Stored s = db.jdbi().withHandle(h -> stored(h, id));
        if (!s.keyId().equals(key.id())) {
            throw new IllegalStateException("credential set \"" + s.name() + "\" was sealed with master key "
                    + s.keyId() + ", but this server has " + key.id() + " (set the same PHONECTL_MASTER_KEY everywhere)");
        }
        return Credentials.of(s.user(), box.open(s.sealed(), s.name()));
    }

    private record Stored(String name, String user, String keyId, SecretBox.Sealed sealed) {
    }

    private static Stored stored(Handle h, long id) {
        return h.createQuery("SELECT name, username, key_id, nonce, sealed FROM credentials WHERE id = ?").bind(0, id)
                .map((rs, ctx) -> new Stored(rs.getString("name"), rs.getString("username"), rs.getString("key_id"),
                        new SecretBox.Sealed(rs.getBytes("nonce"), rs.getBytes("sealed"))))
                .findOne().orElseThrow(() -> new ApiException.NotFound("credential set", id));
    }

    private static void checkUser(String user) {
        if (user == null || user.isEmpty() || user.length() > MAX_USER) {
            throw new ApiException.Invalid("user", user, "1.." + MAX_USER + " characters");
        }
        if (user.indexOf(':') >= 0 || user.chars().anyMatch(Character::isISOControl)) {
            throw new ApiException.Invalid("user", user, "no ':' and no control characters (HTTP Basic, RFC 7617)");
        }
    }

    private static void checkSecret(String secret) {
        if (secret == null) {
            throw new ApiException.Invalid("secret", null, "a secret is required (it may be empty)");
        }
        int bytes = secret.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_SECRET_BYTES) {
            throw new ApiException.Invalid("secret", "(" + bytes + " bytes)", "at most " + MAX_SECRET_BYTES
                    + " bytes in UTF-8");
        }
    }
}
