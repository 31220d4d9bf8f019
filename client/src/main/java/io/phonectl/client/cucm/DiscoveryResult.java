package io.phonectl.client.cucm;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of a discovery or a sync: every configured phone (those a filter kept) with its registration, where
 * the AXL change queue stood (for the next incremental sync), and what it cost.
 *
 * @param state         what an incremental sync starts from next time
 * @param axlRequests   AXL requests made
 * @param risRequests   RisPort requests made (those refused for the rate included)
 * @param risTruncated  RisPort answers cut at MaxReturnedDevices (their names were asked again)
 * @param waited        time spent waiting for RisPort's rate limit
 * @param elapsed       wall time of the whole run
 */
public record DiscoveryResult(List<DiscoveredPhone> phones, SyncState state, int axlRequests, int risRequests,
                              int risTruncated, Duration waited, Duration elapsed) {

    public DiscoveryResult {
        phones = List.copyOf(phones);
    }

    /** How many phones have each status, by status name. */
    public Map<String, Integer> byStatus() {
        Map<String, Integer> m = new TreeMap<>();
        phones.forEach(p -> m.merge(p.status(), 1, Integer::sum));
        return m;
    }
}
