package io.phonectl.server.audit;

import io.phonectl.server.db.Database;
import io.phonectl.server.db.Sql;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.AuditSink;
import io.phonectl.server.http.Cursor;
import io.phonectl.server.http.Page;
import io.phonectl.server.http.Paging;
import io.phonectl.server.http.Principal;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit trail, append-only. The router writes one entry for every state-changing call (whatever the outcome);
 * the service itself writes {@code system} entries for what happens without a request (first admin, demo import).
 * Listed newest first.
 */
public final class AuditLog implements AuditSink {

    public static final String SYSTEM = "system";

    private static final RowMapper<AuditEntry> ENTRY = (rs, ctx) -> new AuditEntry(rs.getLong("id"),
            Sql.instant(rs, "occurred_at"), rs.getString("actor"), rs.getString("actor_kind"), rs.getString("method"),
            rs.getString("route"), rs.getString("target"), rs.getString("address"), rs.getInt("status"));

    /** What to list: each null means "any". */
    public record Filter(String actor, String method, Integer status, Instant since, Instant until) {
    }

    private final Database db;
    private final InstantSource clock;
    private final List<java.util.function.Consumer<AuditEntry>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public AuditLog(Database db, InstantSource clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Called with every entry once it is stored (the event stream carries the audit trail too). */
    public void onEntry(java.util.function.Consumer<AuditEntry> listener) {
        listeners.add(listener);
    }

    @Override
    public void record(Principal who, String actor, String method, String route, String target, String address,
                       int status) {
        insert(clip(actor, 140), who.kind().actorKind(), method, clip(route, 200), clip(target, 200), clip(address, 64),
                status);
    }

    /** Something the service did by itself ({@code what} is a short verb phrase such as "create first admin"). */
    public void system(String what, String target) {
        insert(SYSTEM, SYSTEM, "SYSTEM", clip(what, 200), clip(target, 200), "", 0);
    }

    private void insert(String actor, String kind, String method, String route, String target, String address,
                        int status) {
        Instant at = clock.instant();
        String who = actor == null ? "" : actor;
        String from = address == null ? "" : address;
        long id = db.jdbi().withHandle(h -> h.createUpdate("INSERT INTO audit_log (occurred_at, actor, actor_kind, "
                        + "method, route, target, address, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .bind(0, Sql.ts(at)).bind(1, who).bind(2, kind).bind(3, method).bind(4, route).bind(5, target)
                .bind(6, from).bind(7, status).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        AuditEntry entry = new AuditEntry(id, at, who, kind, method, route, target, from, status);
        for (var l : listeners) {
            l.accept(entry);
        }
    }

    public Page<AuditEntry> list(Filter filter, Paging paging) {
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (filter.actor() != null) {
            where.add("actor = ?");
            args.add(filter.actor());
        }
        if (filter.method() != null) {
            where.add("method = ?");
            args.add(filter.method());
        }
        if (filter.status() != null) {
            where.add("status = ?");
            args.add(filter.status());
        }
        if (filter.since() != null) {
            where.add("occurred_at >= ?");
            args.add(Sql.ts(filter.since()));
        }
        if (filter.until() != null) {
            where.add("occurred_at < ?");
            args.add(Sql.ts(filter.until()));
        }
        String cond = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        List<Object> pageArgs = new ArrayList<>(args);
        String pageCond = cond;
        if (paging.cursor() != null) {
            pageCond = (cond.isEmpty() ? " WHERE " : cond + " AND ") + "id < ?";
            pageArgs.add(paging.cursor().id());
        }
        String pc = pageCond;
        return db.jdbi().withHandle(h -> {
            Query q = h.createQuery("SELECT * FROM audit_log" + pc + " ORDER BY id DESC LIMIT ?");
            Sql.bind(q, pageArgs);
            q.bind(pageArgs.size(), paging.limit() + 1);
            List<AuditEntry> rows = q.map(ENTRY).list();
            Query c = h.createQuery("SELECT count(*) FROM audit_log" + cond);
            Sql.bind(c, args);
            return Page.of(rows, paging.limit(), c.mapTo(Long.class).one(), e -> new Cursor("", e.id()));
        });
    }

    /** Shortened to the column, control characters shown as '?' (a claimed login name can hold anything). */
    private static String clip(String s, int max) {
        if (s == null) {
            return null;
        }
        String p = s.replaceAll("\\p{Cntrl}", "?");
        return p.length() <= max ? p : p.substring(0, max);
    }

    /** Parses an ISO-8601 instant query parameter. */
    public static Instant instant(String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ApiException.Invalid(field, text, "an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }
}
