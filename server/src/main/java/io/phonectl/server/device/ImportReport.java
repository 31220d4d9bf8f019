package io.phonectl.server.device;

import java.util.List;

/** What an import did: counts, and one line per row (added, updated or refused with the reason). */
public record ImportReport(int added, int updated, int refused, List<Row> rows) {

    /** One row's fate; {@code id} is the device's when added or updated. */
    public record Row(int line, String name, String outcome, Long id, String reason) {
    }

    public ImportReport {
        rows = List.copyOf(rows);
    }
}
