package io.phonectl.client.paging;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The per-phone table of one page, in inventory order.
 *
 * @param secondsTotal audio length × loops
 * @param cancelled    true when {@link PagingSession#cancel()} ended the page early
 */
public record PagingReport(List<PagingResult> results, double secondsTotal, boolean cancelled, Duration wall) {

    public PagingReport {
        results = List.copyOf(results);
    }

    public boolean allReceived() {
        return results.stream().allMatch(r -> r.status().success());
    }

    /** Phones per status, in the enum's order (only statuses that occur). */
    public Map<PagingStatus, Integer> counts() {
        Map<PagingStatus, Integer> m = new EnumMap<>(PagingStatus.class);
        results.forEach(r -> m.merge(r.status(), 1, Integer::sum));
        return m;
    }

    /** Phones that accepted a receive command but could not be confirmed stopped: should be empty. */
    public List<PagingResult> leftReceiving() {
        return results.stream().filter(r -> !r.stopDetail().isEmpty() && !r.stopped()).toList();
    }
}
