package io.phonectl.server.notify;

import io.phonectl.server.db.Database;
import io.phonectl.server.db.Sql;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Cursor;
import io.phonectl.server.http.Page;
import io.phonectl.server.http.Paging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Proof of delivery of a notification, per device: queued → sent → accepted → acknowledged with the time of each,
 * read from the job's items (their own timestamps and outcome) and the acknowledgements; and the summary of who
 * acknowledged and who never did.
 */
public final class Receipts {

    /**
     * One device's delivery.
     *
     * @param delivery       queued, sending (claimed by a run), accepted, acknowledged, or failed (see outcome)
     * @param sentAt         when the first exchange began (recorded with the outcome)
     * @param acceptedAt     when the device's answer (CiscoIPPhoneResponse, xAPI result) was recorded
     * @param acknowledgedAt null until someone acknowledged on the device
     */
    public record Receipt(long itemId, Long deviceId, String name, String model, String kind, String delivery,
                          String outcome, String detail, Instant queuedAt, Instant sentAt, Instant acceptedAt,
                          Instant acknowledgedAt, String via) {
    }

    /** Counts of a notification: items, accepted (success), acknowledged, and accepted but never acknowledged. */
    public record Summary(long jobId, String state, long total, long accepted, long failed, long acknowledged,
                          long notAcknowledged, Instant lastAcceptedAt, Instant lastAcknowledgedAt) {
    }

    private static final String SELECT = "SELECT i.id, i.device_id, i.name, i.model, i.kind, i.state, i.outcome, "
            + "i.success, i.detail, i.queued_at, i.started_at, i.finished_at, a.acked_at, a.via FROM job_items i "
            + "LEFT JOIN notification_acks a ON a.item_id = i.id WHERE i.job_id = ?";

    private final Database db;

    public Receipts(Database db) {
        this.db = db;
    }

    public Summary summary(long jobId) {
        String state = requireNotification(jobId);
        return db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) total, "
                        + "sum(CASE WHEN i.success THEN 1 ELSE 0 END) accepted, "
                        + "sum(CASE WHEN i.state = 'final' AND NOT i.success THEN 1 ELSE 0 END) failed, "
                        + "count(a.item_id) acked, "
                        + "sum(CASE WHEN i.success AND a.item_id IS NULL THEN 1 ELSE 0 END) unacked, "
                        + "max(CASE WHEN i.success THEN i.finished_at END) last_accepted, max(a.acked_at) last_acked "
                        + "FROM job_items i LEFT JOIN notification_acks a ON a.item_id = i.id WHERE i.job_id = ?")
                .bind(0, jobId).map((rs, ctx) -> new Summary(jobId, state, rs.getLong("total"), rs.getLong("accepted"),
                        rs.getLong("failed"), rs.getLong("acked"), rs.getLong("unacked"),
                        Sql.instant(rs, "last_accepted"), Sql.instant(rs, "last_acked"))).one());
    }

    /** @param acknowledged null = every item; true = those acknowledged; false = those not (yet) acknowledged */
    public Page<Receipt> list(long jobId, Boolean acknowledged, Paging paging) {
        requireNotification(jobId);
        String cond = acknowledged == null ? "" : acknowledged ? " AND a.item_id IS NOT NULL" : " AND a.item_id IS NULL";
        return db.jdbi().withHandle(h -> {
            List<Object> args = new ArrayList<>(List.of(jobId));
            String page = cond;
            if (paging.cursor() != null) {
                page += " AND i.id > ?";
                args.add(paging.cursor().id());
            }
            args.add(paging.limit() + 1);
            var q = h.createQuery(SELECT + page + " ORDER BY i.id LIMIT ?");
            for (int i = 0; i < args.size(); i++) {
                q.bind(i, args.get(i));
            }
            List<Receipt> rows = q.map((rs, ctx) -> receipt(rs)).list();
            long total = h.createQuery("SELECT count(*) FROM job_items i LEFT JOIN notification_acks a ON "
                    + "a.item_id = i.id WHERE i.job_id = ?" + cond).bind(0, jobId).mapTo(Long.class).one();
            return Page.of(rows, paging.limit(), total, r -> new Cursor("", r.itemId()));
        });
    }

    private String requireNotification(long jobId) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT state FROM jobs WHERE id = ? AND action = ?")
                .bind(0, jobId).bind(1, NotificationSpec.ACTION).mapTo(String.class).findOne())
                .orElseThrow(() -> new ApiException.NotFound("notification job", jobId));
    }

    private static Receipt receipt(ResultSet rs) throws SQLException {
        String state = rs.getString("state");
        Boolean success = Sql.bool(rs, "success");
        Instant acked = Sql.instant(rs, "acked_at");
        String delivery = acked != null ? "acknowledged" : switch (state) {
            case "pending" -> "queued";
            case "in_flight" -> "sending";
            default -> Boolean.TRUE.equals(success) ? "accepted" : "failed";
        };
        return new Receipt(rs.getLong("id"), Sql.longOrNull(rs, "device_id"), rs.getString("name"),
                rs.getString("model"), rs.getString("kind"), delivery, rs.getString("outcome"), rs.getString("detail"),
                Sql.instant(rs, "queued_at"), Sql.instant(rs, "started_at"),
                Boolean.TRUE.equals(success) ? Sql.instant(rs, "finished_at") : null, acked, rs.getString("via"));
    }
}
