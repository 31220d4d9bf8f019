package io.phonectl.cli.media;

import io.phonectl.cli.console.Printable;
import io.phonectl.client.paging.PagingReport;
import io.phonectl.client.paging.PagingResult;
import io.phonectl.client.paging.PagingStatus;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** The per-phone report of a page as a text table or JSON. */
final class PageReportWriter {

    private PageReportWriter() {
    }

    static String table(PagingReport report) {
        StringBuilder sb = new StringBuilder();
        int nameWidth = report.results().stream().mapToInt(r -> r.phone().name().length()).max().orElse(0);
        String row = "%-" + Math.max(4, nameWidth) + "s %-21s %-13s %-6s %-19s %7s %-7s %s%n";
        sb.append(String.format(Locale.ROOT, row, "NAME", "ADDRESS", "MODEL", "API", "STATUS", "PACKETS", "STOPPED", "DETAIL"));
        for (PagingResult r : report.results()) {
            sb.append(String.format(Locale.ROOT, row,
                    r.phone().name(), r.phone().address(), r.phone().model().isEmpty() ? "-" : r.phone().model(),
                    r.api() == null ? "-" : r.api().option(), r.status().label(), r.packetsSent(),
                    r.stopDetail().isEmpty() ? "-" : r.stopped() ? "yes" : "NO", r.detail()));
        }
        long received = report.results().stream().filter(r -> r.status().success()).count();
        sb.append(String.format(Locale.ROOT, "%d of %d phones received %.1f s of audio%s", received, report.results().size(),
                report.secondsTotal(), report.cancelled() ? " (page cancelled)" : ""));
        for (Map.Entry<PagingStatus, Integer> e : report.counts().entrySet()) {
            if (!e.getKey().success()) {
                sb.append("; ").append(e.getValue()).append(' ').append(e.getKey().label());
            }
        }
        if (!report.leftReceiving().isEmpty()) {
            sb.append("; WARNING ").append(report.leftReceiving().size()).append(" phones could not be told to stop");
        }
        // names come from the fleet file and details from the phones: escaped, lines kept
        return Printable.lines(sb.append(System.lineSeparator()).toString());
    }

    static String json(Path file, PagingReport report) {
        JsonMapper mapper = JsonMapper.builder().build();
        ObjectNode root = mapper.createObjectNode();
        root.put("file", file.toString());
        root.put("secondsTotal", report.secondsTotal());
        root.put("cancelled", report.cancelled());
        root.put("allReceived", report.allReceived());
        root.put("wallMillis", report.wall().toMillis());
        ObjectNode counts = root.putObject("counts");
        report.counts().forEach((status, n) -> counts.put(status.label(), n));
        ArrayNode phones = root.putArray("phones");
        for (PagingResult r : report.results()) {
            ObjectNode o = phones.addObject();
            o.put("name", r.phone().name());
            o.put("address", r.phone().address().toString());
            o.put("model", r.phone().model());
            o.put("api", r.api() == null ? null : r.api().option());
            o.put("status", r.status().label());
            o.put("received", r.status().success());
            o.put("detail", r.detail());
            o.put("target", r.target());
            o.put("streamId", r.streamId());
            o.put("packetsSent", r.packetsSent());
            o.put("stopped", r.stopped());
            o.put("stopDetail", r.stopDetail());
        }
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + System.lineSeparator();
    }
}
