package io.phonectl.client.fleet;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * How long a run took to reach N phones: the time from its start to the first, the median, the 99th-percentile and
 * the last final outcome (percentiles by nearest rank: the outcome at or after which that share of phones had theirs).
 * Every final outcome counts, failures and phones not sent too: it is when each phone's fate was known.
 *
 * @param phones how many outcomes these times are of
 */
public record TimeToN(int phones, Duration first, Duration median, Duration p99, Duration last) {

    public static final TimeToN NONE = new TimeToN(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    /** From each outcome's milliseconds since the start of the run. */
    public static TimeToN of(long[] atMillis) {
        if (atMillis.length == 0) {
            return NONE;
        }
        long[] sorted = atMillis.clone();
        Arrays.sort(sorted);
        return new TimeToN(sorted.length, Duration.ofMillis(sorted[0]), Duration.ofMillis(rank(sorted, 0.50)),
                Duration.ofMillis(rank(sorted, 0.99)), Duration.ofMillis(sorted[sorted.length - 1]));
    }

    private static long rank(long[] sorted, double share) {
        int index = (int) Math.ceil(share * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** {@code first 12 ms, median 640 ms, p99 1,310 ms, last 1,402 ms}. */
    public String line() {
        return String.format(Locale.ROOT, "first %,d ms, median %,d ms, p99 %,d ms, last %,d ms", first.toMillis(),
                median.toMillis(), p99.toMillis(), last.toMillis());
    }
}
