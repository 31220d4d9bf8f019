package io.phonectl.server.auth;

import io.phonectl.server.db.Database;
import io.phonectl.server.db.Sql;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Names;
import io.phonectl.server.http.Cursor;
import io.phonectl.server.http.Page;
import io.phonectl.server.http.Paging;
import io.phonectl.server.http.Role;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * Users: create, list, change role or disable, delete, passwords. The last enabled admin cannot be demoted,
 * disabled or deleted (the service would have nobody to manage it).
 */
public final class UserService {

    public static final String FIRST_ADMIN = "admin";

    static final RowMapper<User> USER = (rs, ctx) -> new User(rs.getLong("id"), rs.getString("name"),
            Role.require("role", rs.getString("role")), rs.getBoolean("must_change_password"),
            rs.getBoolean("disabled"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));

    private final Database db;
    private final Passwords passwords;
    private final InstantSource clock;

    UserService(Database db, Passwords passwords, InstantSource clock) {
        this.db = db;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * On first start (no users at all) creates {@code admin} with {@code preset} or a generated password; either
     * must be changed at first login. Returns the generated password (to print once), empty otherwise.
     */
    public Optional<String> ensureFirstAdmin(String preset) {
        long count = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM users").mapTo(Long.class).one());
        if (count > 0) {
            return Optional.empty();
        }
        String password = preset != null ? preset : Passwords.generate();
        try {
            create(FIRST_ADMIN, Role.ADMIN, password, true);
        } catch (ApiException.Conflict raced) {
            return Optional.empty(); // another replica created it first
        }
        return preset != null ? Optional.empty() : Optional.of(password);
    }

    public User create(String name, Role role, String password, boolean mustChange) {
        Names.require("name", name);
        String hash = passwords.hash("password", password);
        var now = Sql.ts(clock.instant());
        try {
            long id = db.jdbi().withHandle(h -> h.createUpdate("INSERT INTO users (name, role, password_hash, "
                            + "must_change_password, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")
                    .bind(0, name).bind(1, role.spelling()).bind(2, hash).bind(3, mustChange).bind(4, now).bind(5, now)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
            return get(id);
        } catch (RuntimeException e) {
            if (Sql.uniqueViolation(e)) {
                throw new ApiException.Conflict("name", name, "a user name not in use");
            }
            throw e;
        }
    }

    public User get(long id) {
        return db.jdbi().withHandle(h -> find(h, id)).orElseThrow(() -> new ApiException.NotFound("user", id));
    }

    public Optional<User> byName(String name) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM users WHERE name = ?").bind(0, name)
                .map(USER).findOne());
    }

    static Optional<User> find(Handle h, long id) {
        return h.createQuery("SELECT * FROM users WHERE id = ?").bind(0, id).map(USER).findOne();
    }

    public Page<User> list(Paging paging) {
        long after = paging.cursor() == null ? 0 : paging.cursor().id();
        return db.jdbi().withHandle(h -> {
            List<User> rows = h.createQuery("SELECT * FROM users WHERE id > ? ORDER BY id LIMIT ?")
                    .bind(0, after).bind(1, paging.limit() + 1).map(USER).list();
            long total = h.createQuery("SELECT count(*) FROM users").mapTo(Long.class).one();
            return Page.of(rows, paging.limit(), total, u -> new Cursor("", u.id()));
        });
    }

    /** Changes role and/or the disabled flag (null = unchanged). */
    public User update(long id, Role role, Boolean disabled) {
        return db.jdbi().inTransaction(h -> {
            User u = find(h, id).orElseThrow(() -> new ApiException.NotFound("user", id));
            Role newRole = role == null ? u.role() : role;
            boolean newDisabled = disabled == null ? u.disabled() : disabled;
            if (u.role() == Role.ADMIN && !u.disabled() && (newRole != Role.ADMIN || newDisabled)) {
                requireAnotherAdmin(h, id, role != null && role != Role.ADMIN ? "role" : "disabled",
                        role != null && role != Role.ADMIN ? newRole.spelling() : "true");
            }
            h.createUpdate("UPDATE users SET role = ?, disabled = ?, updated_at = ? WHERE id = ?")
                    .bind(0, newRole.spelling()).bind(1, newDisabled).bind(2, Sql.ts(clock.instant())).bind(3, id)
                    .execute();
            if (newDisabled) {
                h.createUpdate("DELETE FROM sessions WHERE user_id = ?").bind(0, id).execute();
            }
            return find(h, id).orElseThrow();
        });
    }

    public void delete(long id) {
        db.jdbi().useTransaction(h -> {
            User u = find(h, id).orElseThrow(() -> new ApiException.NotFound("user", id));
            if (u.role() == Role.ADMIN && !u.disabled()) {
                requireAnotherAdmin(h, id, "id", Long.toString(id));
            }
            h.createUpdate("DELETE FROM users WHERE id = ?").bind(0, id).execute();
        });
    }

    private static void requireAnotherAdmin(Handle h, long id, String field, String value) {
        long others = h.createQuery("SELECT count(*) FROM users WHERE role = 'admin' AND NOT disabled AND id <> ?")
                .bind(0, id).mapTo(Long.class).one();
        if (others == 0) {
            throw new ApiException.Conflict(field, value, "the last enabled admin must stay an enabled admin");
        }
    }

    /** The user's own change: the current password is required; clears the one-time flag. */
    public void changeOwnPassword(long id, String current, String next, long keepSession) {
        String hash = db.jdbi().withHandle(h -> h.createQuery("SELECT password_hash FROM users WHERE id = ?")
                .bind(0, id).mapTo(String.class).findOne()).orElseThrow(() -> new ApiException.NotFound("user", id));
        if (!passwords.matches(current, hash)) {
            throw new ApiException.Invalid("current", "***", "the user's current password");
        }
        if (next != null && next.equals(current)) {
            throw new ApiException.Invalid("new", "***", "a password other than the current one");
        }
        setPassword(id, next, false, keepSession);
    }

    /** An admin's reset: the user must change it at next login; every session of theirs ends. */
    public void resetPassword(long id, String next) {
        get(id);
        setPassword(id, next, true, 0);
    }

    private void setPassword(long id, String next, boolean mustChange, long keepSession) {
        String hash = passwords.hash("new", next);
        db.jdbi().useTransaction(h -> {
            h.createUpdate("UPDATE users SET password_hash = ?, must_change_password = ?, updated_at = ? WHERE id = ?")
                    .bind(0, hash).bind(1, mustChange).bind(2, Sql.ts(clock.instant())).bind(3, id).execute();
            h.createUpdate("DELETE FROM sessions WHERE user_id = ? AND id <> ?").bind(0, id).bind(1, keepSession)
                    .execute();
        });
    }

    /** The user if the name exists, is enabled and the password matches; the same time is spent either way. */
    Optional<User> verify(String name, String password) {
        record Row(User user, String hash) {
        }
        Optional<Row> row = db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM users WHERE name = ?")
                .bind(0, name).map((rs, ctx) -> new Row(USER.map(rs, ctx), rs.getString("password_hash"))).findOne());
        boolean ok = passwords.matches(password, row.map(Row::hash).orElse(null));
        return row.filter(r -> ok && !r.user().disabled()).map(Row::user);
    }
}
