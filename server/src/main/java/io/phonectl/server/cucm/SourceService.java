package io.phonectl.server.cucm;

import io.phonectl.server.credential.CredentialService;
import io.phonectl.server.db.Database;
import io.phonectl.server.db.Sql;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Json;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import tools.jackson.core.type.TypeReference;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/** CUCM sources in SQL: create, read, change, delete. Runs are {@link DiscoveryRuns}'. */
public final class SourceService {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final String SELECT = "SELECT s.id, s.name, s.host, s.port, s.nodes, s.axl_version, c.name AS cred, "
            + "s.trust_pem, s.insecure, s.site, s.tags, dc.name AS dcred, s.enabled, s.queue_id, s.schedule_every_s, "
            + "s.schedule_cron, s.schedule_zone, s.schedule_enabled, s.next_run_at, s.lease_run_id, s.created_at, "
            + "s.updated_at FROM cucm_sources s JOIN credentials c ON c.id = s.credential_id "
            + "LEFT JOIN credentials dc ON dc.id = s.device_credential_id ";
    private static final RowMapper<CucmSource> SOURCE = (rs, ctx) -> new CucmSource(rs.getLong("id"),
            rs.getString("name"), publisher(rs.getString("host"), rs.getInt("port")), strings(rs.getString("nodes")),
            rs.getString("axl_version"), rs.getString("cred"), rs.getString("trust_pem"), rs.getBoolean("insecure"),
            rs.getString("site"), strings(rs.getString("tags")), rs.getString("dcred"), rs.getBoolean("enabled"),
            rs.getString("queue_id") != null, view(stored(rs)), Sql.instant(rs, "next_run_at"),
            Sql.longOrNull(rs, "lease_run_id"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));

    private final Database db;
    private final CredentialService credentials;
    private final InstantSource clock;

    public SourceService(Database db, CredentialService credentials, InstantSource clock) {
        this.db = db;
        this.credentials = credentials;
        this.clock = clock;
    }

    public CucmSource create(SourceInput in) {
        SourceRules.Valid v = SourceRules.check(in, credentials::idByName);
        Instant now = clock.instant();
        SyncSchedules.Stored schedule = SyncSchedules.check(in.schedule(), now);
        Instant next = schedule != null && schedule.enabled() && v.enabled() ? schedule.first(now) : null;
        long id = unique(v.name(), () -> db.jdbi().inTransaction(h -> h.createUpdate("INSERT INTO cucm_sources (name, "
                        + "host, port, nodes, axl_version, credential_id, trust_pem, insecure, site, tags, "
                        + "device_credential_id, enabled, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .bind(0, v.name()).bind(1, v.host()).bind(2, v.port()).bind(3, json(v.nodes()))
                .bind(4, v.axlVersion()).bind(5, v.credentialId()).bind(6, v.certificate()).bind(7, v.insecure())
                .bind(8, v.site()).bind(9, json(v.tags())).bind(10, v.deviceCredentialId()).bind(11, v.enabled())
                .bind(12, Sql.ts(now)).bind(13, Sql.ts(now)).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one()));
        schedule(id, schedule, next);
        return get(id);
    }

    public CucmSource get(long id) {
        return db.jdbi().withHandle(h -> find(h, id)).orElseThrow(() -> new ApiException.NotFound("CUCM source", id));
    }

    public List<CucmSource> list() {
        return db.jdbi().withHandle(h -> h.createQuery(SELECT + "ORDER BY s.id").map(SOURCE).list());
    }

    /**
     * Changes the members given. A new publisher forgets the sync position (another cluster's change queue means
     * nothing here); the phones already found stay, and the next full run says what is gone.
     */
    public CucmSource update(long id, SourceInput patch) {
        CucmSource old = get(id);
        String certificate = patch.certificate() != null ? patch.certificate() : old.certificate();
        boolean insecure = patch.insecure() != null ? patch.insecure()
                : old.insecure() && (patch.certificate() == null || patch.certificate().isBlank());
        SourceInput merged = new SourceInput(or(patch.name(), old.name()), or(patch.publisher(), old.publisher()),
                patch.nodes() != null ? patch.nodes() : old.nodes(), or(patch.axlVersion(), old.axlVersion()),
                or(patch.credentials(), old.credentials()), certificate, insecure, or(patch.site(), old.site()),
                patch.tags() != null ? patch.tags() : old.tags(), or(patch.deviceCredentials(), old.deviceCredentials()),
                patch.enabled() != null ? patch.enabled() : old.enabled(),
                patch.schedule() != null ? patch.schedule() : old.schedule());
        SourceRules.Valid v = SourceRules.check(merged, credentials::idByName);
        Instant now = clock.instant();
        SyncSchedules.Stored schedule = SyncSchedules.check(merged.schedule(), now);
        boolean active = schedule != null && schedule.enabled() && v.enabled();
        boolean same = java.util.Objects.equals(schedule == null ? null : schedule.view(), old.schedule())
                && old.enabled() == v.enabled();
        // an unchanged schedule keeps its slot (and its rhythm); a new or re-enabled one starts from now
        Instant next = !active ? null : same && old.nextRunAt() != null ? old.nextRunAt() : schedule.first(now);
        boolean moved = !publisher(v.host(), v.port()).equals(old.publisher());
        unique(v.name(), () -> (long) db.jdbi().inTransaction(h -> h.createUpdate("UPDATE cucm_sources SET name = ?, "
                        + "host = ?, port = ?, nodes = ?, axl_version = ?, credential_id = ?, trust_pem = ?, insecure = ?, "
                        + "site = ?, tags = ?, device_credential_id = ?, enabled = ?, updated_at = ?"
                        + (moved ? ", queue_id = NULL, next_change_id = NULL" : "") + " WHERE id = ?")
                .bind(0, v.name()).bind(1, v.host()).bind(2, v.port()).bind(3, json(v.nodes()))
                .bind(4, v.axlVersion()).bind(5, v.credentialId()).bind(6, v.certificate()).bind(7, v.insecure())
                .bind(8, v.site()).bind(9, json(v.tags())).bind(10, v.deviceCredentialId()).bind(11, v.enabled())
                .bind(12, Sql.ts(now)).bind(13, id).execute()));
        schedule(id, schedule, next);
        return get(id);
    }

    private void schedule(long id, SyncSchedules.Stored s, Instant next) {
        db.jdbi().useHandle(h -> h.createUpdate("UPDATE cucm_sources SET schedule_every_s = ?, schedule_cron = ?, "
                        + "schedule_zone = ?, schedule_enabled = ?, next_run_at = ? WHERE id = ?")
                .bind(0, s == null ? null : s.everySeconds()).bind(1, s == null ? null : s.cron())
                .bind(2, s == null ? null : s.zone()).bind(3, s != null && s.enabled())
                .bind(4, next == null ? null : Sql.ts(next)).bind(5, id).execute());
    }

    /** A slot that has come: the source, the slot, and its schedule (for the slot after it). */
    record Due(long source, Instant slot, SyncSchedules.Stored schedule) {
    }

    /** The slots that have come by {@code now} of enabled sources with an enabled schedule, oldest first. */
    List<Due> due(Instant now) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT id, next_run_at, schedule_every_s, schedule_cron, "
                        + "schedule_zone, schedule_enabled FROM cucm_sources WHERE enabled = TRUE "
                        + "AND schedule_enabled = TRUE AND next_run_at <= ? ORDER BY next_run_at LIMIT 100")
                .bind(0, Sql.ts(now)).map((rs, ctx) -> new Due(rs.getLong("id"), Sql.instant(rs, "next_run_at"),
                        stored(rs))).list());
    }

    private static SyncSchedules.Stored stored(ResultSet rs) throws SQLException {
        Long every = Sql.longOrNull(rs, "schedule_every_s");
        String cron = rs.getString("schedule_cron");
        return every == null && cron == null ? null
                : new SyncSchedules.Stored(every, cron, rs.getString("schedule_zone"), rs.getBoolean("schedule_enabled"));
    }

    private static SyncSchedule view(SyncSchedules.Stored s) {
        return s == null ? null : s.view();
    }

    /** Deletes the source with its runs and phone records; the devices it added stay (delete them by selector). */
    public void delete(long id) {
        int n = db.jdbi().withHandle(h -> h.createUpdate("DELETE FROM cucm_sources WHERE id = ?").bind(0, id).execute());
        if (n == 0) {
            throw new ApiException.NotFound("CUCM source", id);
        }
    }

    /** The stored trust and credential references a run needs (not part of the view). */
    record Connection(long credentialId, Long deviceCredentialId, String queueId, Long nextChangeId) {
    }

    Connection connection(long id) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT credential_id, device_credential_id, queue_id, "
                        + "next_change_id FROM cucm_sources WHERE id = ?").bind(0, id)
                .map((rs, ctx) -> new Connection(rs.getLong(1), Sql.longOrNull(rs, "device_credential_id"),
                        rs.getString(3), Sql.longOrNull(rs, "next_change_id"))).findOne())
                .orElseThrow(() -> new ApiException.NotFound("CUCM source", id));
    }

    private static Optional<CucmSource> find(Handle h, long id) {
        return h.createQuery(SELECT + "WHERE s.id = ?").bind(0, id).map(SOURCE).findOne();
    }

    static String publisher(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    private static long unique(String name, java.util.function.Supplier<Long> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            if (Sql.uniqueViolation(e)) {
                throw new ApiException.Conflict("name", name, "a CUCM source name not in use");
            }
            throw e;
        }
    }

    private static String json(List<String> list) {
        return Json.mapper().writeValueAsString(list);
    }

    private static List<String> strings(String json) {
        return Json.mapper().readValue(json, STRINGS);
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }
}
