package io.phonectl.cli.demo;

import io.phonectl.client.fleet.FleetReport;
import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.client.paging.PagingReport;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the demo's steps did, per model: one column per step with how many phones succeeded, and below the table
 * every model that refused or could not be sent something, with the reason (the model catalog's, for unsupported
 * features).
 */
final class DemoReport {

    /** One phone's result in one step. */
    record Cell(PhoneEntry phone, boolean ok, String kind, String detail) {
    }

    /** One step (a broadcast or the page). */
    record Column(String title, List<Cell> cells) {
        static Column of(String title, FleetReport r) {
            return new Column(title, r.results().stream().map(p -> new Cell(p.phone(), p.outcome().succeeded(),
                    p.outcome().kind().name(), p.outcome().detail())).toList());
        }

        static Column of(String title, PagingReport r) {
            return new Column(title, r.results().stream().map(p -> new Cell(p.phone(), p.status().success(),
                    p.status().name(), p.detail())).toList());
        }
    }

    private DemoReport() {
    }

    static void print(PrintWriter out, List<Column> columns) {
        Map<String, int[]> phones = new TreeMap<>();
        columns.getFirst().cells().forEach(c -> phones.computeIfAbsent(c.phone().model(), k -> new int[1])[0]++);
        Map<String, int[]> ok = new TreeMap<>();
        for (int i = 0; i < columns.size(); i++) {
            for (Cell c : columns.get(i).cells()) {
                int[] counts = ok.computeIfAbsent(c.phone().model(), k -> new int[columns.size()]);
                if (c.ok()) {
                    counts[i]++;
                }
            }
        }
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-16s %6s", "model", "phones"));
        columns.forEach(c -> head.append(String.format(Locale.ROOT, "  %-12s", c.title())));
        out.println(head.toString().stripTrailing());
        phones.forEach((model, n) -> {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-16s %6d", model, n[0]));
            int[] counts = ok.get(model);
            for (int i = 0; i < columns.size(); i++) {
                int good = counts[i];
                row.append(String.format(Locale.ROOT, "  %-12s", good == n[0] ? "ok " + good
                        : good == 0 ? "none" : "ok " + good + "/" + n[0]));
            }
            out.println(row.toString().stripTrailing());
        });
        List<String> why = reasons(columns);
        if (!why.isEmpty()) {
            out.println("Not everywhere, and why:");
            why.forEach(line -> out.println("  " + line));
        }
    }

    /** One line per step, model and failing kind: how many phones, and the first phone's explanation. */
    static List<String> reasons(List<Column> columns) {
        List<String> lines = new ArrayList<>();
        for (Column col : columns) {
            Map<String, List<Cell>> byModelKind = new TreeMap<>();
            for (Cell c : col.cells()) {
                if (!c.ok()) {
                    byModelKind.computeIfAbsent(c.phone().model() + " " + c.kind(), k -> new ArrayList<>()).add(c);
                }
            }
            for (List<Cell> cells : byModelKind.values()) {
                Cell first = cells.getFirst();
                lines.add(col.title() + " on " + first.phone().model() + " (" + cells.size() + " "
                        + (cells.size() == 1 ? "phone" : "phones") + "): " + first.kind() + " - " + first.detail());
            }
        }
        return lines;
    }
}
