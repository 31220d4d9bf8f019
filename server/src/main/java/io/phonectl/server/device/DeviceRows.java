package io.phonectl.server.device;

import io.phonectl.server.db.Sql;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a device is read: its row, then for the whole page at once the tags, the credential sets' names and, for the
 * phones a CUCM source found, their CUCM registration ({@code cucm_phones} holds at most one row per device: a unique
 * index). One query each per page rather than joins per row: the joins cost three index lookups for every row of
 * the page, and most devices have no credential set (that query is then skipped) and no CUCM phone.
 */
final class DeviceRows {

    /**
     * The device's own columns in the order {@link #ROW} reads them by position (a lookup by label upper-cases it on
     * every call in H2). Not {@code d.*}: the search text is never shown.
     */
    static final String SELECT = "SELECT d.id, d.name, d.address, d.model, d.kind, d.site, d.username, "
            + "d.credential_id, d.reachable, d.firmware, d.last_contact_at, d.last_outcome, d.last_detail, "
            + "d.last_job_id, d.created_at, d.updated_at FROM devices d ";

    /** A device without its tags, credential set's name and CUCM phone, and the credential set's id. */
    private record Row(Device device, Long credentialId) {
    }

    private static final RowMapper<Row> ROW = (rs, ctx) -> new Row(new Device(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), DeviceKind.parse(rs.getString(5)).orElseThrow(), rs.getString(6),
            List.of(), rs.getString(7), null,
            new Device.State(Sql.bool(rs, 9), rs.getString(10), Sql.instant(rs, 11), rs.getString(12),
                    rs.getString(13), Sql.longOrNull(rs, 14)),
            null, Sql.instant(rs, 15), Sql.instant(rs, 16)), Sql.longOrNull(rs, 8));

    private static final String CUCM = "SELECT cp.device_id, cp.source_id, cs.name, cp.status, cp.status_reason, "
            + "cp.node, cp.dn, cp.seen_at, cp.gone_at FROM cucm_phones cp JOIN cucm_sources cs ON cs.id = cp.source_id "
            + "WHERE ";

    private DeviceRows() {
    }

    /** The devices a query of {@link #SELECT} returns, complete, in its order. */
    static List<Device> read(Handle h, Query query) {
        List<Row> rows = query.map(ROW).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>(rows.size());
        Set<Long> credentialIds = new LinkedHashSet<>();
        for (Row r : rows) {
            ids.add(r.device().id());
            if (r.credentialId() != null) {
                credentialIds.add(r.credentialId());
            }
        }
        Map<Long, List<String>> tags = new HashMap<>();
        // in the primary key's order (device_id, tag): each device's tags sorted, and no sort in the query
        ofDevices(h, "SELECT device_id, tag FROM device_tags WHERE ", "device_id", " ORDER BY device_id, tag", ids)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> tags.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<Long, String> credentials = new HashMap<>();
        if (!credentialIds.isEmpty()) {
            h.createQuery("SELECT id, name FROM credentials WHERE id = ANY(:ids)")
                    .bind("ids", Sql.bigints(credentialIds))
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                    .forEach(e -> credentials.put(e.getKey(), e.getValue()));
        }
        Map<Long, Device.Cucm> cucm = new HashMap<>();
        ofDevices(h, CUCM, "cp.device_id", "", ids)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), cucm(rs)))
                .forEach(e -> cucm.put(e.getKey(), e.getValue()));
        List<Device> devices = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            Device d = r.device();
            Long id = ids.get(i); // boxed once, for the three maps
            devices.add(new Device(d.id(), d.name(), d.address(), d.model(), d.kind(), d.site(),
                    tags.getOrDefault(id, List.of()), d.user(),
                    r.credentialId() == null ? null : credentials.get(r.credentialId()), d.state(), cucm.get(id),
                    d.createdAt(), d.updatedAt()));
        }
        return devices;
    }

    /**
     * {@code head + condition + tail}, the condition selecting the rows of these devices: when their ids are dense (a
     * page in id order) the range from the least to the greatest, one index range read, with the rows of devices in
     * between that are not on the page left unused; otherwise {@code = ANY(ids)}, which H2 answers with one index
     * lookup per id.
     */
    private static Query ofDevices(Handle h, String head, String column, String tail, List<Long> ids) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long id : ids) {
            min = Math.min(min, id);
            max = Math.max(max, id);
        }
        if (max - min < 2L * ids.size()) {
            return h.createQuery(head + column + " BETWEEN :min AND :max" + tail).bind("min", min).bind("max", max);
        }
        return h.createQuery(head + column + " = ANY(:ids)" + tail).bind("ids", Sql.bigints(ids));
    }

    private static Device.Cucm cucm(ResultSet rs) throws SQLException {
        return new Device.Cucm(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), Sql.instant(rs, 8), Sql.instant(rs, 9));
    }
}
