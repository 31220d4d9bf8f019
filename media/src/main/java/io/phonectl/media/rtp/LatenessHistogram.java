package io.phonectl.media.rtp;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Send lateness (actual − scheduled) in 10 µs buckets up to 20 ms, with an overflow bucket and the exact maximum.
 * One writer (the tick thread), any number of readers; a snapshot read during writes may be off by the packets
 * in flight, which is fine for monitoring.
 */
public final class LatenessHistogram {
    public static final long BUCKET_NANOS = 10_000;
    private static final int BUCKETS = 2000;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS + 1);
    private volatile long max;
    private volatile long count;
    private volatile long sum;

    /** Single writer only. */
    void clear() {
        for (int i = 0; i < counts.length(); i++) {
            counts.lazySet(i, 0);
        }
        max = 0;
        count = 0;
        sum = 0;
    }

    /** Single writer only. */
    void record(long latenessNanos) {
        long value = Math.max(0, latenessNanos);
        int bucket = (int) Math.min(BUCKETS, value / BUCKET_NANOS);
        counts.lazySet(bucket, counts.get(bucket) + 1);
        if (value > max) {
            max = value;
        }
        count = count + 1;
        sum = sum + value;
    }

    public Snapshot snapshot() {
        long[] copy = new long[BUCKETS + 1];
        long total = 0;
        for (int i = 0; i < copy.length; i++) {
            copy[i] = counts.get(i);
            total += copy[i];
        }
        return new Snapshot(total, percentile(copy, total, 0.50), percentile(copy, total, 0.99),
                percentile(copy, total, 0.999), max, count == 0 ? 0 : (double) sum / count);
    }

    /** Upper edge of the bucket holding the p-quantile; the overflow bucket reports the maximum. */
    private long percentile(long[] buckets, long total, double p) {
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(p * total);
        long seen = 0;
        for (int i = 0; i < buckets.length; i++) {
            seen += buckets[i];
            if (seen >= rank) {
                return i == BUCKETS ? max : Math.min((i + 1) * BUCKET_NANOS, max);
            }
        }
        return max;
    }

    /** All figures in nanoseconds; percentiles are resolved to {@link #BUCKET_NANOS}. */
    public record Snapshot(long count, long p50, long p99, long p999, long max, double mean) {
    }
}
