package io.phonectl.server.relay;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The relay's meters: {@code phonectl_auth_requests_total{path,result}} (path onetime or relay; result authorized,
 * refused, relayed, error, rate_limited, malformed), {@code phonectl_auth_upstream_latency_seconds} (one relayed
 * exchange, whatever the answer) and {@code phonectl_auth_upstream_failures_total{reason}}.
 */
final class RelayMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> requests = new ConcurrentHashMap<>();
    private final Map<String, Counter> failures = new ConcurrentHashMap<>();
    private final Timer upstream;

    RelayMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.upstream = Timer.builder("phonectl_auth_upstream_latency").description("one exchange with the upstream "
                + "authentication URL").publishPercentileHistogram().register(registry);
    }

    void request(String path, String result) {
        requests.computeIfAbsent(path + " " + result, k -> Counter.builder("phonectl_auth_requests")
                .description("questions phones asked the authentication relay").tag("path", path)
                .tag("result", result).register(registry)).increment();
    }

    void failure(String reason) {
        failures.computeIfAbsent(reason, k -> Counter.builder("phonectl_auth_upstream_failures")
                .description("relayed questions the upstream did not answer").tag("reason", reason)
                .register(registry)).increment();
    }

    /** The counts so far; {@code upstream} as {@link RelayFigures#upstream()}. */
    RelayFigures figures(String upstreamUrl) {
        return new RelayFigures(counts(requests), counts(failures), upstream.count(),
                upstream.mean(TimeUnit.MILLISECONDS), upstream.max(TimeUnit.MILLISECONDS), upstreamUrl);
    }

    private static Map<String, Long> counts(Map<String, Counter> counters) {
        Map<String, Long> counts = new java.util.HashMap<>();
        counters.forEach((k, c) -> counts.put(k, (long) c.count()));
        return counts;
    }

    Timer upstream() {
        return upstream;
    }
}
