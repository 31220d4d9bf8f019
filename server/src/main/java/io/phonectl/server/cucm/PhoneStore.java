package io.phonectl.server.cucm;

import io.phonectl.client.cucm.DiscoveredPhone;
import io.phonectl.cucm.axl.AxlPhone;
import io.phonectl.server.db.Database;
import io.phonectl.server.db.Sql;
import io.phonectl.server.http.Cursor;
import io.phonectl.server.http.Page;
import io.phonectl.server.http.Paging;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.List;

/**
 * {@code cucm_phones}: each source's phones as CUCM last described them. Also what an incremental sync starts from
 * (the configured phones, not gone), so the sync state is not kept twice.
 */
final class PhoneStore {

    private static final String COLUMNS = "name, device_id, uuid, description, model, protocol, device_pool, dn, status, "
            + "status_reason, ip, node, httpd, gone_at, seen_at";
    private static final RowMapper<CucmPhone> PHONE = (rs, ctx) -> new CucmPhone(rs.getString("name"),
            Sql.longOrNull(rs, "device_id"), rs.getString("uuid"), rs.getString("description"), rs.getString("model"),
            rs.getString("protocol"), rs.getString("device_pool"), rs.getString("dn"), rs.getString("status"),
            rs.getString("status_reason"), rs.getString("ip"), rs.getString("node"), rs.getString("httpd"),
            Sql.instant(rs, "gone_at"), Sql.instant(rs, "seen_at"));

    private final Database db;

    PhoneStore(Database db) {
        this.db = db;
    }

    List<CucmPhone> all(long source) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM cucm_phones WHERE source_id = ?")
                .bind(0, source).map(PHONE).list());
    }

    /** A page of a source's phones in name order (the cursor's key is the name). */
    Page<CucmPhone> page(long source, Paging paging) {
        String after = paging.cursor() == null ? "" : paging.cursor().key();
        return db.jdbi().withHandle(h -> {
            List<CucmPhone> rows = h.createQuery("SELECT " + COLUMNS + " FROM cucm_phones WHERE source_id = ? "
                            + "AND name > ? ORDER BY name LIMIT ?").bind(0, source).bind(1, after)
                    .bind(2, paging.limit() + 1).map(PHONE).list();
            long total = h.createQuery("SELECT count(*) FROM cucm_phones WHERE source_id = ?").bind(0, source)
                    .mapTo(Long.class).one();
            return Page.of(rows, paging.limit(), total, p -> new Cursor(p.name(), 0));
        });
    }

    void save(long source, DiscoveredPhone p, Long device, Instant now) {
        db.jdbi().useTransaction(h -> {
            int n = h.createUpdate("UPDATE cucm_phones SET device_id = ?, uuid = ?, description = ?, model = ?, "
                            + "protocol = ?, device_pool = ?, dn = ?, status = ?, status_reason = ?, ip = ?, node = ?, "
                            + "httpd = ?, gone_at = NULL, seen_at = ? WHERE source_id = ? AND name = ?")
                    .bind(0, device).bind(1, cut(p.uuid(), 64)).bind(2, cut(p.description(), 512))
                    .bind(3, cut(p.model(), 128)).bind(4, cut(p.protocol(), 16)).bind(5, cut(p.devicePool(), 128))
                    .bind(6, cut(p.dn(), 64)).bind(7, cut(p.status(), 24)).bind(8, cut(p.reason(), 128))
                    .bind(9, cut(p.ip(), 64)).bind(10, cut(p.node(), 128)).bind(11, cut(p.httpd(), 8))
                    .bind(12, Sql.ts(now)).bind(13, source).bind(14, p.name()).execute();
            if (n == 0) {
                h.createUpdate("INSERT INTO cucm_phones (source_id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                + "?, ?, ?, ?, ?, NULL, ?)")
                        .bind(0, source).bind(1, p.name()).bind(2, device).bind(3, cut(p.uuid(), 64))
                        .bind(4, cut(p.description(), 512)).bind(5, cut(p.model(), 128)).bind(6, cut(p.protocol(), 16))
                        .bind(7, cut(p.devicePool(), 128)).bind(8, cut(p.dn(), 64)).bind(9, cut(p.status(), 24))
                        .bind(10, cut(p.reason(), 128)).bind(11, cut(p.ip(), 64)).bind(12, cut(p.node(), 128))
                        .bind(13, cut(p.httpd(), 8)).bind(14, Sql.ts(now)).execute();
            }
        });
    }

    void markGone(long source, String name, Instant now) {
        db.jdbi().useHandle(h -> h.createUpdate("UPDATE cucm_phones SET gone_at = ? WHERE source_id = ? AND name = ?")
                .bind(0, Sql.ts(now)).bind(1, source).bind(2, name).execute());
    }

    /** The configured phones as AXL described them, for {@code SyncState}. */
    List<AxlPhone> configured(long source) {
        return all(source).stream().filter(p -> p.goneAt() == null).map(p -> new AxlPhone(p.uuid(), p.name(),
                p.description(), p.model(), p.model(), "Phone", p.protocol(), p.devicePool(),
                p.dn().isEmpty() ? List.of() : List.of(new AxlPhone.Line(1, p.dn(), "")))).toList();
    }

    private static String cut(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }
}
