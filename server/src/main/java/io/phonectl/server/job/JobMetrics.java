package io.phonectl.server.job;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.phonectl.client.fleet.ConcurrencyLimiter;
import io.phonectl.server.db.Database;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The job meters: jobs by state (counted in the database, at most every two seconds, so every replica shows the
 * same), final item outcomes, the push latency histogram (one exchange with a phone), job runs started, and the
 * concurrency limit of the runs on this replica with their exchanges in flight.
 */
final class JobMetrics {

    private static final long REFRESH_NANOS = Duration.ofSeconds(2).toNanos();

    private final MeterRegistry registry;
    private final Database db;
    private final Timer latency;
    private final Counter runs;
    private final Map<String, Long> byState = new ConcurrentHashMap<>();
    /** The final outcomes' counters by outcome name (a few dozen names at most). */
    private final Map<String, Counter> items = new ConcurrentHashMap<>();
    private volatile long refreshed;

    /** @param limits the concurrency limits of the job runs on this replica now */
    JobMetrics(MeterRegistry registry, Database db, Map<Long, ConcurrencyLimiter> limits) {
        this.registry = registry;
        this.db = db;
        this.latency = Timer.builder("phonectl.push.latency").description("One exchange with a device")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30)).register(registry);
        this.runs = Counter.builder("phonectl.job.runs").description("Job runs started (a resumed job runs again)")
                .register(registry);
        Gauge.builder("phonectl.job.concurrency.limit", limits, JobMetrics::limitSum)
                .description("Exchanges the job runs on this replica may have at once now (their limits' sum)")
                .register(registry);
        Gauge.builder("phonectl.job.concurrency.inflight", limits,
                        m -> m.values().stream().mapToInt(ConcurrencyLimiter::inFlight).sum())
                .description("Exchanges the job runs on this replica have in flight now").register(registry);
        for (String s : List.of("queued", "running", "done", "cancelled")) {
            Gauge.builder("phonectl.jobs", () -> count(s)).tag("state", s).description("Jobs by state")
                    .register(registry);
        }
    }

    private static double limitSum(Map<Long, ConcurrencyLimiter> limits) {
        return limits.values().stream().mapToInt(ConcurrencyLimiter::limit).sum();
    }

    Timer latency() {
        return latency;
    }

    void runStarted() {
        runs.increment();
    }

    /**
     * Counts written outcomes. The counter of each outcome is registered once and kept, not registered again for every
     * item (a builder, its sorted tags and the registry's lookup per item, on the outcome writer's thread).
     */
    void finished(List<JobStore.Finished> written) {
        for (JobStore.Finished f : written) {
            items.computeIfAbsent(f.outcome().outcome(), outcome -> Counter.builder("phonectl.job.items")
                    .tag("outcome", outcome).description("Job items with a final outcome").register(registry))
                    .increment();
        }
    }

    private long count(String state) {
        long now = System.nanoTime();
        if (now - refreshed > REFRESH_NANOS) {
            refreshed = now;
            try {
                Map<String, Long> fresh = new ConcurrentHashMap<>();
                db.jdbi().useHandle(h -> h.createQuery("SELECT state, count(*) AS n FROM jobs GROUP BY state")
                        .map((rs, ctx) -> Map.entry(rs.getString("state"), rs.getLong("n")))
                        .forEach(e -> fresh.put(e.getKey(), e.getValue())));
                byState.clear();
                byState.putAll(fresh);
            } catch (RuntimeException e) {
                // the database is away: the scrape shows the last counts
            }
        }
        return byState.getOrDefault(state, 0L);
    }
}
