package io.phonectl.server.group;

import io.phonectl.server.db.Database;
import io.phonectl.server.db.Sql;
import io.phonectl.server.device.Device;
import io.phonectl.server.device.DeviceSelector;
import io.phonectl.server.device.DeviceService;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Names;
import io.phonectl.server.http.Cursor;
import io.phonectl.server.http.Page;
import io.phonectl.server.http.Paging;
import org.jdbi.v3.core.Handle;

import java.time.InstantSource;
import java.util.List;
import java.util.Locale;

/**
 * Groups of devices. Static groups hold members (adding an unknown device id is refused; a deleted device leaves
 * its groups); dynamic groups hold a selector. Both resolve to device ids the same way, which is what a job's
 * target uses.
 */
public final class GroupService {

    public static final int MAX_DESCRIPTION = 500;
    public static final int MAX_MEMBERS_PER_CALL = 10_000;

    private record Row(long id, String name, Group.Kind kind, String selector, String description,
                       java.time.Instant created, java.time.Instant updated) {
    }

    private final Database db;
    private final DeviceService devices;
    private final InstantSource clock;

    public GroupService(Database db, DeviceService devices, InstantSource clock) {
        this.db = db;
        this.devices = devices;
        this.clock = clock;
    }

    public Group create(String name, String kind, String selector, String description, List<Long> members) {
        Names.require("name", name);
        Group.Kind k = kind(kind);
        String sel = checkSelector(k, selector);
        String desc = description(description);
        if (k == Group.Kind.DYNAMIC && members != null && !members.isEmpty()) {
            throw new ApiException.Invalid("devices", members.size() + " ids", "none: a dynamic group's members are "
                    + "the devices its selector picks");
        }
        var now = Sql.ts(clock.instant());
        long id;
        try {
            id = db.jdbi().inTransaction(h -> {
                long gid = h.createUpdate("INSERT INTO device_groups (name, kind, selector, description, created_at, "
                                + "updated_at) VALUES (?, ?, ?, ?, ?, ?)")
                        .bind(0, name).bind(1, k.spelling()).bind(2, sel).bind(3, desc).bind(4, now).bind(5, now)
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                if (members != null) {
                    add(h, gid, members);
                }
                return gid;
            });
        } catch (RuntimeException e) {
            if (Sql.uniqueViolation(e)) {
                throw new ApiException.Conflict("name", name, "a group name not in use");
            }
            throw e;
        }
        return get(id);
    }

    public Group get(long id) {
        return view(row(id));
    }

    public Page<Group> list(Paging paging) {
        long after = paging.cursor() == null ? 0 : paging.cursor().id();
        List<Row> rows = db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM device_groups WHERE id > ? "
                + "ORDER BY id LIMIT ?").bind(0, after).bind(1, paging.limit() + 1).map((rs, ctx) -> map(rs)).list());
        long total = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM device_groups").mapTo(Long.class).one());
        return Page.of(rows.stream().map(this::view).toList(), paging.limit(), total, g -> new Cursor("", g.id()));
    }

    /** Changes name, selector (dynamic groups) or description; null = unchanged. */
    public Group update(long id, String name, String selector, String description) {
        Row r = row(id);
        if (name != null) {
            Names.require("name", name);
        }
        if (selector != null && r.kind() == Group.Kind.STATIC) {
            throw new ApiException.Invalid("selector", selector, "absent: a static group lists its members");
        }
        String sel = selector == null ? r.selector() : checkSelector(r.kind(), selector);
        try {
            db.jdbi().useHandle(h -> h.createUpdate("UPDATE device_groups SET name = ?, selector = ?, description = ?, "
                            + "updated_at = ? WHERE id = ?").bind(0, name == null ? r.name() : name).bind(1, sel)
                    .bind(2, description == null ? r.description() : description(description))
                    .bind(3, Sql.ts(clock.instant())).bind(4, id).execute());
        } catch (RuntimeException e) {
            if (Sql.uniqueViolation(e)) {
                throw new ApiException.Conflict("name", name, "a group name not in use");
            }
            throw e;
        }
        return get(id);
    }

    public void delete(long id) {
        int n = db.jdbi().withHandle(h -> h.createUpdate("DELETE FROM device_groups WHERE id = ?").bind(0, id).execute());
        if (n == 0) {
            throw new ApiException.NotFound("group", id);
        }
    }

    /** Adds devices to a static group (already members are left as they are). */
    public Group addMembers(long id, List<Long> deviceIds) {
        Row r = row(id);
        if (r.kind() != Group.Kind.STATIC) {
            throw new ApiException.Invalid("devices", deviceIds.size() + " ids", "members are added to static groups "
                    + "only; \"" + r.name() + "\" is dynamic");
        }
        db.jdbi().useTransaction(h -> add(h, id, deviceIds));
        return get(id);
    }

    public Group removeMember(long id, long deviceId) {
        row(id);
        int n = db.jdbi().withHandle(h -> h.createUpdate("DELETE FROM group_members WHERE group_id = ? AND device_id = ?")
                .bind(0, id).bind(1, deviceId).execute());
        if (n == 0) {
            throw new ApiException.NotFound("member of group " + id + ": device", deviceId);
        }
        return get(id);
    }

    /** The group's devices now, paged like the device list. */
    public Page<Device> members(long id, Paging paging) {
        return devices.list(selector(row(id)), paging, DeviceService.Sort.ID);
    }

    /** The ids of the group's devices now (a job's target). */
    public List<Long> deviceIds(long id) {
        return devices.ids(selector(row(id)));
    }

    private static DeviceSelector selector(Row r) {
        return r.kind() == Group.Kind.DYNAMIC ? DeviceSelector.parse("selector", r.selector())
                : DeviceSelector.memberOf(r.name());
    }

    private void add(Handle h, long groupId, List<Long> deviceIds) {
        if (deviceIds.size() > MAX_MEMBERS_PER_CALL) {
            throw new ApiException.Invalid("devices", deviceIds.size() + " ids", "at most " + MAX_MEMBERS_PER_CALL
                    + " per call");
        }
        if (deviceIds.isEmpty()) {
            return;
        }
        List<Long> distinct = deviceIds.stream().distinct().toList();
        List<Long> known = h.createQuery("SELECT id FROM devices WHERE id IN (<ids>)").bindList("ids", distinct)
                .mapTo(Long.class).list();
        for (Long d : distinct) {
            if (!known.contains(d)) {
                throw new ApiException.Invalid("devices", d, "ids of existing devices");
            }
        }
        List<Long> present = h.createQuery("SELECT device_id FROM group_members WHERE group_id = ?").bind(0, groupId)
                .mapTo(Long.class).list();
        var batch = h.prepareBatch("INSERT INTO group_members (group_id, device_id) VALUES (?, ?)");
        int n = 0;
        for (Long d : distinct) {
            if (!present.contains(d)) {
                batch.bind(0, groupId).bind(1, d).add();
                n++;
            }
        }
        if (n > 0) {
            batch.execute();
        }
    }

    private Row row(long id) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM device_groups WHERE id = ?").bind(0, id)
                .map((rs, ctx) -> map(rs)).findOne()).orElseThrow(() -> new ApiException.NotFound("group", id));
    }

    private static Row map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getLong("id"), rs.getString("name"),
                Group.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)), rs.getString("selector"),
                rs.getString("description"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }

    private Group view(Row r) {
        return new Group(r.id(), r.name(), r.kind(), r.selector(), r.description(), devices.count(selector(r)),
                r.created(), r.updated());
    }

    private static Group.Kind kind(String kind) {
        if (kind == null || kind.equals("static")) {
            return Group.Kind.STATIC;
        }
        if (kind.equals("dynamic")) {
            return Group.Kind.DYNAMIC;
        }
        throw new ApiException.Invalid("kind", kind, "static or dynamic");
    }

    private static String checkSelector(Group.Kind kind, String selector) {
        if (kind == Group.Kind.STATIC) {
            if (selector != null) {
                throw new ApiException.Invalid("selector", selector, "absent for a static group (give devices instead)");
            }
            return null;
        }
        if (selector == null || selector.isBlank()) {
            throw new ApiException.Invalid("selector", selector, "a selector such as model=CP-8845;site=lab");
        }
        return DeviceSelector.parse("selector", selector).text();
    }

    private static String description(String d) {
        if (d == null) {
            return "";
        }
        if (d.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw new ApiException.Invalid("description", d.replaceAll("\\p{Cntrl}", "?"),
                    "no control characters but line breaks and tabs");
        }
        if (d.length() > MAX_DESCRIPTION) {
            throw new ApiException.Invalid("description", d.length() + " characters", "at most " + MAX_DESCRIPTION
                    + " characters");
        }
        return d;
    }
}
