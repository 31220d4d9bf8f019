package io.phonectl.server.job;

import io.phonectl.client.xsi.TransportConfig;
import io.phonectl.server.replica.ReplicaConfig;

import java.time.Duration;
import java.util.Objects;

/**
 * How jobs run in this process.
 *
 * @param threads            jobs this replica runs at once (default 4); more wait queued
 * @param pollInterval       how often the replica looks for jobs with work it was not told about (default 1 s)
 * @param replicas           this replica's heartbeat into the database and its lease, after which other replicas
 *                           take over its job items (default 1 s and 30 s: the lease outlasts a database outage the
 *                           replica should ride out without work redone; on H2, one process only, a restart takes
 *                           over at once)
 * @param claimBatch         items claimed ahead of sending by one statement, one commit (default 256; at most
 *                           twice the job's concurrency)
 * @param flushInterval      final outcomes are written at least this often (default 100 ms)
 * @param flushItems         …or as soon as this many are waiting (default 500)
 * @param maxItems           devices per job (default 100,000)
 * @param connectTimeout     TCP connect to a device (default 1 s, the CLI's fleet push's: a dead device holds its slot
 *                           of the concurrency limit that long per attempt, while a live one connects in milliseconds)
 * @param requestTimeout     one exchange with a device (default 10 s)
 * @param maxResultBytes     what a collection job keeps per item (default 4 MiB, a full-colour BMP screenshot)
 * @param progressInterval   at most one job.progress event per job this often (default 500 ms)
 */
public record JobsConfig(int threads, Duration pollInterval, ReplicaConfig replicas, int claimBatch,
                         Duration flushInterval, int flushItems, int maxItems, Duration connectTimeout,
                         Duration requestTimeout, int maxResultBytes, Duration progressInterval) {

    public static final int MAX_ITEMS = 1_000_000;

    public JobsConfig {
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(replicas, "replicas");
        Objects.requireNonNull(flushInterval, "flushInterval");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(progressInterval, "progressInterval");
        range("threads", threads, 1, 64);
        range("claimBatch", claimBatch, 1, 10_000);
        range("flushItems", flushItems, 1, 10_000);
        range("maxItems", maxItems, 1, MAX_ITEMS);
        range("maxResultBytes", maxResultBytes, 1024, 64 << 20);
        positive("pollInterval", pollInterval);
        positive("flushInterval", flushInterval);
        positive("connectTimeout", connectTimeout);
        positive("requestTimeout", requestTimeout);
    }

    public static JobsConfig defaults() {
        return new JobsConfig(4, Duration.ofSeconds(1), ReplicaConfig.defaults(), 256, Duration.ofMillis(100), 500,
                100_000, TransportConfig.FLEET.connectTimeout(), Duration.ofSeconds(10), 4 << 20, Duration.ofMillis(500));
    }

    public JobsConfig withMaxItems(int n) {
        return new JobsConfig(threads, pollInterval, replicas, claimBatch, flushInterval,
                flushItems, n, connectTimeout, requestTimeout, maxResultBytes, progressInterval);
    }

    public JobsConfig withConnectTimeout(Duration d) {
        return new JobsConfig(threads, pollInterval, replicas, claimBatch, flushInterval,
                flushItems, maxItems, d, requestTimeout, maxResultBytes, progressInterval);
    }

    public JobsConfig withRequestTimeout(Duration d) {
        return new JobsConfig(threads, pollInterval, replicas, claimBatch, flushInterval,
                flushItems, maxItems, connectTimeout, d, maxResultBytes, progressInterval);
    }

    /** The same with another heartbeat and lease (checked by {@link ReplicaConfig}). */
    public JobsConfig withLease(Duration beat, Duration lease) {
        return new JobsConfig(threads, pollInterval, new ReplicaConfig(beat, lease), claimBatch, flushInterval,
                flushItems, maxItems, connectTimeout, requestTimeout, maxResultBytes, progressInterval);
    }

    private static void range(String field, int v, int min, int max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(field + " = " + v + ": must be " + min + ".." + max);
        }
    }

    private static void positive(String field, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(field + " = " + d + ": must be positive");
        }
    }
}
