package io.phonectl.server.device;

import io.phonectl.server.db.Sql;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a device is read: its row, its credential set's name, and, for a phone a CUCM source found, that phone's CUCM
 * registration ({@code cucm_phones} holds at most one row per device: a unique index); the tags in one more query per
 * page.
 */
final class DeviceRows {

    static final String SELECT = "SELECT d.*, c.name AS credential_name, cp.source_id AS cucm_source_id, "
            + "cs.name AS cucm_source, cp.status AS cucm_status, cp.status_reason AS cucm_reason, cp.node AS cucm_node, "
            + "cp.dn AS cucm_dn, cp.seen_at AS cucm_seen_at, cp.gone_at AS cucm_gone_at FROM devices d "
            + "LEFT JOIN credentials c ON c.id = d.credential_id "
            + "LEFT JOIN cucm_phones cp ON cp.device_id = d.id LEFT JOIN cucm_sources cs ON cs.id = cp.source_id ";

    static final RowMapper<Device> DEVICE = (rs, ctx) -> new Device(rs.getLong("id"), rs.getString("name"),
            rs.getString("address"), rs.getString("model"), DeviceKind.parse(rs.getString("kind")).orElseThrow(),
            rs.getString("site"), List.of(), rs.getString("username"), rs.getString("credential_name"),
            new Device.State(Sql.bool(rs, "reachable"), rs.getString("firmware"), Sql.instant(rs, "last_contact_at"),
                    rs.getString("last_outcome"), rs.getString("last_detail"), Sql.longOrNull(rs, "last_job_id")),
            rs.getString("cucm_source") == null ? null : new Device.Cucm(rs.getLong("cucm_source_id"),
                    rs.getString("cucm_source"), rs.getString("cucm_status"), rs.getString("cucm_reason"),
                    rs.getString("cucm_node"), rs.getString("cucm_dn"), Sql.instant(rs, "cucm_seen_at"),
                    Sql.instant(rs, "cucm_gone_at")),
            Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));

    private DeviceRows() {
    }

    /** Fills in the tags of a page of devices with one query. */
    static List<Device> withTags(Handle h, List<Device> devices) {
        if (devices.isEmpty()) {
            return devices;
        }
        Map<Long, List<String>> tags = new HashMap<>();
        // one array parameter, not a placeholder per device: binding 100 values one by one cost as much as the query
        h.createQuery("SELECT device_id, tag FROM device_tags WHERE device_id = ANY(:ids) ORDER BY tag")
                .bindArray("ids", Long.class, devices.stream().map(Device::id).toList())
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> tags.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return devices.stream().map(d -> new Device(d.id(), d.name(), d.address(), d.model(), d.kind(), d.site(),
                tags.getOrDefault(d.id(), List.of()), d.user(), d.credentials(), d.state(), d.cucm(), d.createdAt(),
                d.updatedAt())).toList();
    }
}
