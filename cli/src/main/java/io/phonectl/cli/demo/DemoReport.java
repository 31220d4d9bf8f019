package io.phonectl.cli.demo;

import io.phonectl.client.fleet.FleetReport;
import io.phonectl.client.fleet.PhoneResult;
import io.phonectl.client.xsi.OutcomeKind;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the demo's broadcasts did, per model: one column per broadcast with how many phones succeeded, and below the
 * table every model that refused or could not be sent something, with the reason (the model catalog's, for
 * unsupported features).
 */
final class DemoReport {

    private DemoReport() {
    }

    static void print(PrintWriter out, List<String> titles, List<FleetReport> reports) {
        Map<String, int[]> phones = new TreeMap<>();
        Map<String, int[][]> ok = new TreeMap<>();
        for (int c = 0; c < reports.size(); c++) {
            for (PhoneResult r : reports.get(c).results()) {
                String model = r.phone().model();
                if (c == 0) {
                    phones.computeIfAbsent(model, k -> new int[1])[0]++;
                }
                int[][] cells = ok.computeIfAbsent(model, k -> new int[reports.size()][1]);
                if (r.outcome().succeeded()) {
                    cells[c][0]++;
                }
            }
        }
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-16s %6s", "model", "phones"));
        titles.forEach(t -> head.append(String.format(Locale.ROOT, "  %-14s", t)));
        out.println(head);
        phones.forEach((model, n) -> {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-16s %6d", model, n[0]));
            int[][] cells = ok.get(model);
            for (int c = 0; c < reports.size(); c++) {
                int good = cells[c][0];
                row.append(String.format(Locale.ROOT, "  %-14s", good == n[0] ? "ok " + good
                        : good == 0 ? "none" : "ok " + good + "/" + n[0]));
            }
            out.println(row);
        });
        List<String> why = reasons(titles, reports);
        if (!why.isEmpty()) {
            out.println("Not everywhere, and why:");
            why.forEach(line -> out.println("  " + line));
        }
    }

    /** One line per broadcast, model and failing outcome: count and the first phone's explanation. */
    static List<String> reasons(List<String> titles, List<FleetReport> reports) {
        List<String> lines = new ArrayList<>();
        for (int c = 0; c < reports.size(); c++) {
            Map<String, List<PhoneResult>> byModelKind = new TreeMap<>();
            for (PhoneResult r : reports.get(c).results()) {
                if (!r.outcome().succeeded()) {
                    byModelKind.computeIfAbsent(r.phone().model() + " " + r.outcome().kind(), k -> new ArrayList<>()).add(r);
                }
            }
            for (Map.Entry<String, List<PhoneResult>> e : byModelKind.entrySet()) {
                PhoneResult first = e.getValue().getFirst();
                lines.add(titles.get(c) + " on " + first.phone().model() + " (" + e.getValue().size() + " "
                        + plural(e.getValue().size()) + "): " + word(first.outcome().kind()) + " - "
                        + first.outcome().detail());
            }
        }
        return lines;
    }

    private static String plural(int n) {
        return n == 1 ? "phone" : "phones";
    }

    private static String word(OutcomeKind k) {
        return switch (k) {
            case UNSUPPORTED -> "not sent, the model lacks it";
            case INVALID -> "not sent, invalid for the model";
            default -> k.name();
        };
    }
}
