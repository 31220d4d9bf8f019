package io.phonectl.cli.xsi;

import io.phonectl.cli.console.Printable;
import io.phonectl.client.fleet.FleetReport;
import io.phonectl.client.fleet.PhoneResult;
import io.phonectl.client.xsi.OutcomeKind;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A fleet push's report for people: totals, phones per outcome, outcomes per model, and for every model and
 * failing outcome one phone's explanation (for unsupported features: the model catalog's reason and source).
 */
public final class Summary {

    private Summary() {
    }

    public static void print(PrintWriter out, FleetReport r) {
        long ok = r.succeeded();
        out.printf(Locale.ROOT, "%s: %d phones in %.1f s (%.0f phones/s): %d succeeded, %d did not%n",
                Printable.of(r.action()), r.results().size(), r.wall().toMillis() / 1000.0, r.phonesPerSecond(), ok,
                r.results().size() - ok);
        out.println("Time to N (final outcomes): " + r.timeToN().line());
        out.println("By outcome:");
        r.countsByKind().forEach((k, n) -> out.printf(Locale.ROOT, "  %-22s %6d%n", k, n));
        out.println("By model:");
        int w = r.countsByModel().keySet().stream().mapToInt(String::length).max().orElse(5);
        r.countsByModel().forEach((model, counts) -> out.printf(Locale.ROOT, "  %-" + Math.max(w, 9) + "s %s%n",
                model.isEmpty() ? "(unknown)" : Printable.of(model), counts.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))));
        Map<String, PhoneResult> why = reasons(r);
        if (!why.isEmpty()) {
            out.println("Why (one phone per model and outcome):");
            // names and models come from the fleet file, details from the phones: printed escaped
            why.forEach((key, res) -> out.println("  " + Printable.of(key) + " e.g. " + Printable.of(res.phone().name())
                    + ": " + Printable.of(res.outcome().detail())));
        }
    }

    /** For each model and failing outcome kind, the first phone's result, keyed "MODEL KIND". */
    static Map<String, PhoneResult> reasons(FleetReport r) {
        Map<String, PhoneResult> m = new LinkedHashMap<>();
        r.results().stream()
                .filter(res -> !res.outcome().succeeded())
                .sorted((a, b) -> (a.phone().model() + a.outcome().kind()).compareTo(b.phone().model() + b.outcome().kind()))
                .forEach(res -> m.putIfAbsent(label(res.phone().model(), res.outcome().kind()), res));
        return m;
    }

    private static String label(String model, OutcomeKind kind) {
        return (model.isEmpty() ? "(unknown)" : model) + " " + kind;
    }
}
