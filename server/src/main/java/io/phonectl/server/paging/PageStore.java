package io.phonectl.server.paging;

import io.phonectl.client.paging.PagingReport;
import io.phonectl.client.paging.PagingResult;
import io.phonectl.server.db.Database;
import io.phonectl.server.db.Sql;
import io.phonectl.server.http.ApiException;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Pages and their results in SQL (H2 and PostgreSQL alike). */
final class PageStore {

    private PageStore() {
    }

    static void finish(Database db, long id, String state, PagingReport report, Map<String, Long> ids, Instant now) {
        db.jdbi().useTransaction(h -> {
            if (report != null) {
                PreparedBatch b = h.prepareBatch("INSERT INTO page_results (page_id, device_id, name, status, success, "
                        + "api, detail, target, packets_sent, stopped, stop_detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                for (PagingResult r : report.results()) {
                    b.bind(0, id).bind(1, ids.get(r.phone().name())).bind(2, r.phone().name())
                            .bind(3, r.status().name()).bind(4, r.status().success())
                            .bind(5, r.api() == null ? null : r.api().option()).bind(6, cut(r.detail()))
                            .bind(7, cut(r.target())).bind(8, r.packetsSent()).bind(9, r.stopped())
                            .bind(10, cut(r.stopDetail())).add();
                }
                if (!report.results().isEmpty()) {
                    b.execute();
                }
            }
            h.createUpdate("UPDATE pages SET state = ?, finished_at = ?, seconds_sent = ? WHERE id = ?").bind(0, state)
                    .bind(1, Sql.ts(now)).bind(2, report == null ? null : report.secondsTotal()).bind(3, id).execute();
        });
    }

    static PageService.PageView view(Database db, long id) {
        return db.jdbi().withHandle(h -> {
            List<PageService.Result> results = h.createQuery("SELECT device_id, name, status, success, api, detail, "
                            + "target, packets_sent, stopped, stop_detail FROM page_results WHERE page_id = ? ORDER BY name")
                    .bind(0, id).map((rs, ctx) -> new PageService.Result(rs.getObject(1) == null ? null : rs.getLong(1),
                            rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getLong(8), rs.getBoolean(9), rs.getString(10))).list();
            Map<String, Integer> counts = new TreeMap<>();
            results.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
            return h.createQuery("SELECT id, audio_id, state, total, loops, volume, created_by, created_at, finished_at, "
                            + "seconds_sent FROM pages WHERE id = ?").bind(0, id)
                    .map((rs, ctx) -> new PageService.PageView(rs.getLong(1),
                            rs.getObject(2) == null ? null : rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                            rs.getObject(6) == null ? null : rs.getInt(6), rs.getString(7), Sql.instant(rs, "created_at"),
                            Sql.instant(rs, "finished_at"), rs.getObject(10) == null ? null : rs.getDouble(10), counts,
                            results)).findOne();
        }).orElseThrow(() -> new ApiException.NotFound("page", id));
    }

    /** The latest pages, newest first, with their counts by status (not each phone's result). */
    static List<PageService.PageView> recent(Database db, int limit) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT id, audio_id, state, total, loops, volume, created_by, "
                        + "created_at, finished_at, seconds_sent FROM pages ORDER BY id DESC LIMIT ?").bind(0, limit)
                .map((rs, ctx) -> new PageService.PageView(rs.getLong(1),
                        rs.getObject(2) == null ? null : rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                        rs.getObject(6) == null ? null : rs.getInt(6), rs.getString(7), Sql.instant(rs, "created_at"),
                        Sql.instant(rs, "finished_at"), rs.getObject(10) == null ? null : rs.getDouble(10),
                        new TreeMap<>(), List.of())).list()
                .stream().map(p -> {
                    Map<String, Integer> counts = new TreeMap<>();
                    h.createQuery("SELECT status, count(*) FROM page_results WHERE page_id = ? GROUP BY status")
                            .bind(0, p.id()).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
                            .forEach(e -> counts.put(e.getKey(), e.getValue()));
                    return new PageService.PageView(p.id(), p.audio(), p.state(), p.total(), p.loops(), p.volume(),
                            p.createdBy(), p.createdAt(), p.finishedAt(), p.secondsSent(), counts, List.of());
                }).toList());
    }

    private static String cut(String s) {
        return s == null ? "" : s.length() > 1000 ? s.substring(0, 1000) : s;
    }
}
