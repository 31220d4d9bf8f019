package io.phonectl.server.live;

import io.phonectl.server.db.Database;
import io.phonectl.server.db.Sql;
import io.phonectl.server.db.Writes;
import io.phonectl.server.http.Json;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Optional;

/** The {@code device_live} rows: written by the live connections and the poll, read by the API. */
final class LiveStore {

    /** What a row holds. */
    record Row(long deviceId, Boolean connected, JsonNode status, Instant since, Instant updatedAt) {
    }

    static final int MAX_STATUS = 16_000;

    private final Database db;

    LiveStore(Database db) {
        this.db = db;
    }

    /** Inserts or replaces a device's row (an UPDATE first: the row exists after the first write). */
    void put(long deviceId, Boolean connected, JsonNode status, Instant since, Instant now) {
        String json = Json.mapper().writeValueAsString(status);
        if (json.length() > MAX_STATUS) {
            json = Json.mapper().createObjectNode().put("truncated", json.length() + " characters").toString();
        }
        String s = json;
        // device_live alone, which no devices page reads: polls of a large fleet write it many times a second
        Writes.uncounted(() -> db.jdbi().withHandle(h -> {
            int n = h.createUpdate("UPDATE device_live SET connected = ?, status = ?, since = ?, updated_at = ? "
                            + "WHERE device_id = ?").bind(0, connected).bind(1, s).bind(2, Sql.ts(since))
                    .bind(3, Sql.ts(now)).bind(4, deviceId).execute();
            if (n == 0) {
                try {
                    h.createUpdate("INSERT INTO device_live (device_id, connected, status, since, updated_at) "
                                    + "VALUES (?, ?, ?, ?, ?)").bind(0, deviceId).bind(1, connected).bind(2, s)
                            .bind(3, Sql.ts(since)).bind(4, Sql.ts(now)).execute();
                } catch (RuntimeException e) {
                    // a deleted device (foreign key) or a concurrent first write: the next write settles it
                    if (!Sql.uniqueViolation(e) && !Sql.foreignKeyViolation(e)) {
                        throw e;
                    }
                }
            }
            return null;
        }));
    }

    Optional<Row> get(long deviceId) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT device_id, connected, status, since, updated_at FROM "
                        + "device_live WHERE device_id = ?").bind(0, deviceId)
                .map((rs, ctx) -> new Row(rs.getLong(1), Sql.bool(rs, "connected"),
                        Json.mapper().readTree(rs.getString(3)), Sql.instant(rs, "since"),
                        Sql.instant(rs, "updated_at"))).findOne());
    }
}
