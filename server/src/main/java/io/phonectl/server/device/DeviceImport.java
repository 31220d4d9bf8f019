package io.phonectl.server.device;

import io.phonectl.server.http.ApiException;
import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One import inside one transaction: each row is checked by the same rules as the API, then added or updated by
 * name; a refused row does not stop the others. A name seen earlier in the same file is refused.
 */
final class DeviceImport {

    private final Handle h;
    private final Function<String, Optional<Long>> credentialIds;
    private final DeviceService devices;
    private final Map<String, Optional<Long>> credentialCache = new HashMap<>();

    DeviceImport(Handle h, Function<String, Optional<Long>> credentialIds, DeviceService devices) {
        this.h = h;
        this.credentialIds = credentialIds;
        this.devices = devices;
    }

    ImportReport run(List<ImportRow> rows) {
        Map<String, Long> existing = new HashMap<>();
        h.createQuery("SELECT name, id FROM devices").map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> existing.put(e.getKey(), e.getValue()));
        Map<String, Integer> seen = new HashMap<>();
        List<ImportReport.Row> out = new ArrayList<>();
        int added = 0;
        int updated = 0;
        int refused = 0;
        for (ImportRow row : rows) {
            String name = row.input() == null ? null : row.input().name();
            if (row.error() != null) {
                out.add(new ImportReport.Row(row.line(), name, "refused", null, row.error()));
                refused++;
                continue;
            }
            DeviceRules.Valid v;
            try {
                v = DeviceRules.check(row.input(), c -> credentialCache.computeIfAbsent(c, credentialIds));
            } catch (ApiException e) {
                out.add(new ImportReport.Row(row.line(), name, "refused", null, e.getMessage()));
                refused++;
                continue;
            }
            Integer earlier = seen.putIfAbsent(v.name(), row.line());
            if (earlier != null) {
                out.add(new ImportReport.Row(row.line(), v.name(), "refused", null, "name = \"" + v.name()
                        + "\": appears earlier in the file (line " + earlier + "); names are unique"));
                refused++;
                continue;
            }
            Long id = existing.get(v.name());
            if (id == null) {
                id = devices.insert(h, v);
                existing.put(v.name(), id);
                out.add(new ImportReport.Row(row.line(), v.name(), "added", id, null));
                added++;
            } else {
                devices.update(h, id, v);
                out.add(new ImportReport.Row(row.line(), v.name(), "updated", id, null));
                updated++;
            }
        }
        return new ImportReport(added, updated, refused, out);
    }
}
