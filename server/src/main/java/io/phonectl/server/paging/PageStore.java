package io.phonectl.server.paging;

import io.phonectl.client.paging.PagingReport;
import io.phonectl.client.paging.PagingResult;
import io.phonectl.server.db.Database;
import io.phonectl.server.db.Sql;
import io.phonectl.server.http.ApiException;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Pages and their results in SQL (H2 and PostgreSQL alike). */
final class PageStore {

    private PageStore() {
    }

    static long create(Database db, PageService.PageRequest r, int total, int loops, String multicast, Integer ttl,
                       String actor, Instant now) {
        return db.jdbi().withHandle(h -> h.createUpdate("INSERT INTO pages (audio_id, state, total, loops, volume, "
                        + "multicast, ttl, created_by, created_at) VALUES (?, 'running', ?, ?, ?, ?, ?, ?, ?)")
                .bind(0, r.audio()).bind(1, total).bind(2, loops).bind(3, r.volume()).bind(4, multicast).bind(5, ttl)
                .bind(6, actor).bind(7, Sql.ts(now)).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    static void finish(Database db, long id, String state, PagingReport report, Map<String, Long> ids,
                       Map<String, Reception.Stats> heard, Instant now) {
        db.jdbi().useTransaction(h -> {
            if (report != null) {
                PreparedBatch b = h.prepareBatch("INSERT INTO page_results (page_id, device_id, name, status, success, "
                        + "api, detail, target, packets_sent, stopped, stop_detail, rx_packets, rx_missed, rx_lost, "
                        + "rx_jitter_ms, rx_max_jitter_ms, rx_source, rx_detail) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                for (PagingResult r : report.results()) {
                    Reception.Stats s = heard.getOrDefault(r.phone().name(), Reception.Stats.unknown(""));
                    b.bind(0, id).bind(1, ids.get(r.phone().name())).bind(2, r.phone().name())
                            .bind(3, r.status().name()).bind(4, r.status().success())
                            .bind(5, r.api() == null ? null : r.api().option()).bind(6, cut(r.detail(), 1000))
                            .bind(7, cut(r.target(), 300)).bind(8, r.packetsSent()).bind(9, r.stopped())
                            .bind(10, cut(r.stopDetail(), 1000)).bind(11, s.received()).bind(12, s.missed())
                            .bind(13, s.lost()).bind(14, s.jitterMs()).bind(15, s.maxJitterMs())
                            .bind(16, s.source()).bind(17, cut(s.detail(), 300)).add();
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
            List<PageService.Result> results = h.createQuery("SELECT * FROM page_results WHERE page_id = ? ORDER BY "
                    + "name").bind(0, id).map((rs, ctx) -> result(rs)).list();
            Map<String, Integer> counts = new TreeMap<>();
            Map<String, Integer> reception = new TreeMap<>();
            for (PageService.Result r : results) {
                counts.merge(r.status(), 1, Integer::sum);
                if (r.packetsSent() > 0) {
                    Long rx = r.reception().received();
                    reception.merge(rx == null ? "unknown" : rx > 0 ? "heard" : "silent", 1, Integer::sum);
                }
            }
            return h.createQuery("SELECT * FROM pages WHERE id = ?").bind(0, id)
                    .map((rs, ctx) -> new PageService.PageView(rs.getLong("id"), Sql.longOrNull(rs, "audio_id"),
                            rs.getString("state"), rs.getInt("total"), rs.getInt("loops"), integer(rs, "volume"),
                            rs.getString("multicast"), integer(rs, "ttl"), rs.getString("created_by"),
                            Sql.instant(rs, "created_at"), Sql.instant(rs, "finished_at"),
                            rs.getObject("seconds_sent") == null ? null : rs.getDouble("seconds_sent"), counts,
                            reception, results)).findOne();
        }).orElseThrow(() -> new ApiException.NotFound("page", id));
    }

    /** The latest pages, newest first, with their counts by status (not each phone's result). */
    static List<PageService.PageView> recent(Database db, int limit) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM pages ORDER BY id DESC LIMIT ?").bind(0, limit)
                .map((rs, ctx) -> new PageService.PageView(rs.getLong("id"), Sql.longOrNull(rs, "audio_id"),
                        rs.getString("state"), rs.getInt("total"), rs.getInt("loops"), integer(rs, "volume"),
                        rs.getString("multicast"), integer(rs, "ttl"), rs.getString("created_by"),
                        Sql.instant(rs, "created_at"), Sql.instant(rs, "finished_at"),
                        rs.getObject("seconds_sent") == null ? null : rs.getDouble("seconds_sent"), new TreeMap<>(),
                        new TreeMap<>(), List.of())).list()
                .stream().map(p -> {
                    Map<String, Integer> counts = new TreeMap<>();
                    h.createQuery("SELECT status, count(*) FROM page_results WHERE page_id = ? GROUP BY status")
                            .bind(0, p.id()).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
                            .forEach(e -> counts.put(e.getKey(), e.getValue()));
                    return new PageService.PageView(p.id(), p.audio(), p.state(), p.total(), p.loops(), p.volume(),
                            p.multicast(), p.ttl(), p.createdBy(), p.createdAt(), p.finishedAt(), p.secondsSent(),
                            counts, p.reception(), List.of());
                }).toList());
    }

    private static PageService.Result result(ResultSet rs) throws SQLException {
        Reception.Stats s = new Reception.Stats(Sql.longOrNull(rs, "rx_packets"), Sql.longOrNull(rs, "rx_missed"),
                Sql.longOrNull(rs, "rx_lost"), Sql.longOrNull(rs, "rx_jitter_ms"), Sql.longOrNull(rs, "rx_max_jitter_ms"),
                rs.getString("rx_source"), rs.getString("rx_detail"));
        return new PageService.Result(Sql.longOrNull(rs, "device_id"), rs.getString("name"), rs.getString("status"),
                rs.getBoolean("success"), rs.getString("api"), rs.getString("detail"), rs.getString("target"),
                rs.getLong("packets_sent"), rs.getBoolean("stopped"), rs.getString("stop_detail"), s);
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column) == null ? null : rs.getInt(column);
    }

    private static String cut(String s, int max) {
        return s == null ? "" : s.length() > max ? s.substring(0, max) : s;
    }
}
