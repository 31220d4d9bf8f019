package io.phonectl.server.job;

import io.phonectl.client.fleet.ConcurrencyLimiter.Permit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's claimed items that wait for a slot of its {@link RunLimit}, one queue per site in claim order: an item
 * leaves only with a permit of its site, so a site at its limit holds back no other (one queue would wait on its
 * head). Used by the run's loop only.
 */
final class SiteQueue {

    private final RunLimit limit;
    private final Map<String, ArrayDeque<ClaimedItem>> bySite = new LinkedHashMap<>();
    private int size;

    SiteQueue(RunLimit limit) {
        this.limit = limit;
    }

    void addAll(List<ClaimedItem> items) {
        for (ClaimedItem i : items) {
            bySite.computeIfAbsent(limit.site(i), k -> new ArrayDeque<>()).addLast(i);
        }
        size += items.size();
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** What starts an item: with its site (the key of its limit, worked out once, as it was queued) and permit. */
    interface Start {
        void start(ClaimedItem item, String site, Permit permit);
    }

    /** Starts every item whose site has a free slot now, site by site; returns how many started. */
    int startReady(Start start) {
        int started = 0;
        Iterator<Map.Entry<String, ArrayDeque<ClaimedItem>>> sites = bySite.entrySet().iterator();
        while (sites.hasNext()) {
            Map.Entry<String, ArrayDeque<ClaimedItem>> e = sites.next();
            ArrayDeque<ClaimedItem> q = e.getValue();
            Permit p;
            while (!q.isEmpty() && (p = limit.limiter().tryAcquire(e.getKey())) != null) {
                start.start(q.pollFirst(), e.getKey(), p);
                size--;
                started++;
            }
            if (q.isEmpty()) {
                sites.remove();
            }
        }
        return started;
    }

    /** Takes every waiting item out (a cancel, a stop). */
    List<ClaimedItem> drain() {
        List<ClaimedItem> all = new ArrayList<>(size);
        bySite.values().forEach(all::addAll);
        bySite.clear();
        size = 0;
        return all;
    }
}
