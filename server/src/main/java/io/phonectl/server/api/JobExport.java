package io.phonectl.server.api;

import io.phonectl.client.inventory.Csv;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Json;
import io.phonectl.server.http.Reply;
import io.phonectl.server.job.JobItem;
import io.phonectl.server.job.JobViews;
import tools.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A job's items as a download: JSON (an array of items in the API's item shape) or CSV (one row per item, the
 * same members). Written as read, a page at a time, so a 100,000-item export holds one page in memory.
 */
final class JobExport {

    static final String CSV_HEADER = "id,deviceId,name,address,model,kind,site,state,outcome,success,attempts,"
            + "elapsedMillis,resumed,queuedAt,startedAt,finishedAt,detail\n";

    private JobExport() {
    }

    static Reply reply(JobViews views, long id, String format) {
        String f = format == null ? "json" : format;
        views.get(id);
        return switch (f) {
            case "json" -> Reply.stream("application/json", out -> json(views, id, out))
                    .header("Content-Disposition", "attachment; filename=\"job-" + id + ".json\"");
            case "csv" -> Reply.stream("text/csv", out -> csv(views, id, out))
                    .header("Content-Disposition", "attachment; filename=\"job-" + id + ".csv\"");
            default -> throw new ApiException.Invalid("format", format, "csv or json");
        };
    }

    private static void json(JobViews views, long id, OutputStream out) throws IOException {
        try (JsonGenerator g = Json.mapper().createGenerator(out)) {
            g.writeStartArray();
            views.forEachItem(id, item -> Json.mapper().writeValue(g, item));
            g.writeEndArray();
        }
    }

    private static void csv(JobViews views, long id, OutputStream out) throws IOException {
        out.write(CSV_HEADER.getBytes(StandardCharsets.UTF_8));
        try {
            views.forEachItem(id, i -> {
                try {
                    out.write(row(i).getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static String row(JobItem i) {
        return String.join(",", Long.toString(i.id()), str(i.deviceId()), cell(i.name()), cell(i.address()),
                cell(i.model()), i.kind(), cell(i.site()), i.state(), str(i.outcome()), str(i.success()),
                Integer.toString(i.attempts()), str(i.elapsedMillis()), Boolean.toString(i.resumed()),
                time(i.queuedAt()), time(i.startedAt()), time(i.finishedAt()), cell(i.detail())) + "\n";
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    private static String time(Instant t) {
        return t == null ? "" : t.toString();
    }

    /** The inventory's CSV quoting (the device export uses it too). */
    private static String cell(String s) {
        return Csv.quote(s);
    }
}
