package io.phonectl.client.fleet;

import io.phonectl.client.inventory.Csv;
import io.phonectl.client.xsi.OutcomeKind;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The per-phone result table of a fleet push, in inventory order, with summaries and exports.
 * Contains no credentials (outcome details never carry them).
 */
public record FleetReport(String action, List<PhoneResult> results, Duration wall) {

    /** CSV columns, in order. */
    public static final List<String> CSV_COLUMNS =
            List.of("name", "address", "model", "outcome", "success", "attempts", "elapsed_ms", "at_ms", "detail");

    public FleetReport {
        results = List.copyOf(results);
    }

    public boolean allSucceeded() {
        return results.stream().allMatch(r -> r.outcome().succeeded());
    }

    public long succeeded() {
        return results.stream().filter(r -> r.outcome().succeeded()).count();
    }

    /** Phones per outcome kind, in the enum's order. */
    public Map<OutcomeKind, Integer> countsByKind() {
        Map<OutcomeKind, Integer> m = new EnumMap<>(OutcomeKind.class);
        results.forEach(r -> m.merge(r.outcome().kind(), 1, Integer::sum));
        return m;
    }

    /** Per model (sorted, "" for unknown), phones per outcome kind. */
    public Map<String, Map<OutcomeKind, Integer>> countsByModel() {
        Map<String, Map<OutcomeKind, Integer>> m = new TreeMap<>();
        results.forEach(r -> m.computeIfAbsent(r.phone().model(), k -> new EnumMap<>(OutcomeKind.class))
                .merge(r.outcome().kind(), 1, Integer::sum));
        return m;
    }

    /** Time to the first, median, p99 and last final outcome, over every phone. */
    public TimeToN timeToN() {
        return timeToN(r -> true);
    }

    /** The same over the phones {@code which} selects (e.g. those that succeeded). */
    public TimeToN timeToN(Predicate<PhoneResult> which) {
        return TimeToN.of(results.stream().filter(which).mapToLong(PhoneResult::atMillis).toArray());
    }

    /** Sent phones per second of wall time. */
    public double phonesPerSecond() {
        return wall.isZero() ? 0 : results.size() / (wall.toNanos() / 1e9);
    }

    public String toCsv() {
        StringBuilder sb = new StringBuilder(String.join(",", CSV_COLUMNS)).append('\n');
        for (PhoneResult r : results) {
            sb.append(Csv.quote(r.phone().name())).append(',')
                    .append(Csv.quote(r.phone().address().toString())).append(',')
                    .append(Csv.quote(r.phone().model())).append(',')
                    .append(r.outcome().kind().name()).append(',')
                    .append(r.outcome().succeeded()).append(',')
                    .append(r.attempts()).append(',')
                    .append(r.elapsedMillis()).append(',')
                    .append(r.atMillis()).append(',')
                    .append(Csv.quote(r.outcome().detail())).append('\n');
        }
        return sb.toString();
    }

    public String toJson() {
        JsonMapper mapper = JsonMapper.builder().build();
        ObjectNode root = mapper.createObjectNode();
        root.put("action", action);
        root.put("phones", results.size());
        root.put("succeeded", succeeded());
        root.put("wallMillis", wall.toMillis());
        TimeToN t = timeToN();
        root.putObject("timeToN").put("firstMillis", t.first().toMillis()).put("medianMillis", t.median().toMillis())
                .put("p99Millis", t.p99().toMillis()).put("lastMillis", t.last().toMillis());
        ObjectNode byKind = root.putObject("byOutcome");
        countsByKind().forEach((k, v) -> byKind.put(k.name(), v));
        ObjectNode byModel = root.putObject("byModel");
        countsByModel().forEach((model, counts) -> {
            ObjectNode n = byModel.putObject(model.isEmpty() ? "(unknown)" : model);
            counts.forEach((k, v) -> n.put(k.name(), v));
        });
        ArrayNode arr = root.putArray("results");
        results.forEach(r -> arr.add(r.toJson()));
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }
}
