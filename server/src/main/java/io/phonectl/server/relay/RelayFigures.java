package io.phonectl.server.relay;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What this process's authentication relay has answered since it started (the meters of {@code /metrics}, for the
 * console): questions by path and result, upstream failures by reason, and the upstream exchanges.
 *
 * @param requests   "path result" (e.g. {@code relay relayed}, {@code onetime authorized}) to how many, sorted
 * @param failures   reason to how many relayed questions the upstream did not answer, sorted
 * @param exchanges  exchanges with the upstream (answered or not)
 * @param meanMillis their mean time, 0 without any
 * @param maxMillis  the longest of them recently (the timer's decaying maximum)
 * @param upstream   the upstream URL as logs show it (no user information), or null when none is configured
 */
public record RelayFigures(Map<String, Long> requests, Map<String, Long> failures, long exchanges, double meanMillis,
                           double maxMillis, String upstream) {

    public RelayFigures {
        requests = Collections.unmodifiableMap(new TreeMap<>(requests));
        failures = Collections.unmodifiableMap(new TreeMap<>(failures));
    }

    /** Questions answered, whatever the result. */
    public long total() {
        return requests.values().stream().mapToLong(Long::longValue).sum();
    }
}
