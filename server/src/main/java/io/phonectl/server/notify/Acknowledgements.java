package io.phonectl.server.notify;

import io.phonectl.server.db.Database;
import io.phonectl.server.db.Sql;
import io.phonectl.server.event.EventService;
import io.phonectl.server.event.NewEvent;
import io.phonectl.server.http.Json;
import io.phonectl.server.job.JobSpec;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Records acknowledgements (the {@link AckSink} every carrier calls): the token must be this service's, of an item of
 * a notification that asked for acknowledgement and has not expired; the first acknowledgement of an item is kept
 * (with when, how and from where) and becomes a {@code notification.acknowledged} event of the job and device.
 */
public final class Acknowledgements implements AckSink {

    public static final String EVENT = "notification.acknowledged";

    private final Database db;
    private final EventService events;
    private final AckTokens tokens;
    private final InstantSource clock;

    public Acknowledgements(Database db, EventService events, AckTokens tokens, InstantSource clock) {
        this.db = db;
        this.events = events;
        this.tokens = tokens;
        this.clock = clock;
    }

    private record Target(long jobId, long itemId, Long deviceId, String spec, Instant startedAt) {
    }

    @Override
    public Result acknowledge(String token, String via, String from) {
        Optional<AckTokens.Parsed> parsed = tokens.parse(token);
        if (parsed.isEmpty()) {
            return Result.UNKNOWN;
        }
        long job = parsed.get().jobId();
        long item = parsed.get().itemId();
        Target t = db.jdbi().withHandle(h -> h.createQuery("SELECT i.device_id, j.spec, j.started_at FROM job_items i "
                        + "JOIN jobs j ON j.id = i.job_id WHERE i.id = ? AND i.job_id = ? AND j.action = ?")
                .bind(0, item).bind(1, job).bind(2, NotificationSpec.ACTION)
                .map((rs, ctx) -> new Target(job, item, Sql.longOrNull(rs, "device_id"), rs.getString("spec"),
                        Sql.instant(rs, "started_at"))).findOne().orElse(null));
        if (t == null) {
            return Result.UNKNOWN;
        }
        NotificationSpec n;
        try {
            n = NotificationSpec.of(Json.mapper().readValue(t.spec(), JobSpec.class));
        } catch (RuntimeException e) {
            return Result.UNKNOWN;
        }
        if (!n.acknowledge()) {
            return Result.UNKNOWN;
        }
        Instant now = clock.instant();
        if (n.expiresInSeconds() != null && t.startedAt() != null
                && !now.isBefore(t.startedAt().plusSeconds(n.expiresInSeconds()))) {
            return Result.EXPIRED;
        }
        String address = from == null ? "" : from.length() > 140 ? from.substring(0, 140) : from;
        try {
            db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO notification_acks (item_id, job_id, device_id, "
                            + "acked_at, via, from_address) VALUES (?, ?, ?, ?, ?, ?)")
                    .bind(0, item).bind(1, job).bind(2, t.deviceId()).bind(3, Sql.ts(now)).bind(4, via)
                    .bind(5, address).execute());
        } catch (RuntimeException e) {
            if (Sql.uniqueViolation(e)) {
                return Result.ALREADY;
            }
            throw e;
        }
        events.appendLater(new NewEvent(EVENT, job, t.deviceId(), address, Json.mapper().createObjectNode()
                .put("itemId", item).put("via", via)));
        return Result.ACKNOWLEDGED;
    }
}
