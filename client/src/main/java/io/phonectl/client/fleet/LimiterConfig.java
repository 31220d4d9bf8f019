package io.phonectl.client.fleet;

import java.lang.management.ManagementFactory;

/**
 * Settings of an adaptive {@link ConcurrencyLimiter}: each site's limit starts at {@code initial}, grows while the
 * median latency of its answers stays within {@code tolerance} times the lowest median seen (plus a few
 * milliseconds, below which latency is noise), shrinks in proportion when it does not, and stays within
 * {@code min..siteCeiling}; all sites together stay under {@code globalCeiling}.
 *
 * @param initial       a new site's limit (default 64)
 * @param min           a site's lowest limit (default 32: phones are servers of their own, and a few dozen small
 *                      requests at once are nothing to a link; lower, a machine busy with other work held a fleet
 *                      push to a crawl)
 * @param siteCeiling   a site's highest limit (default 2,000): what one link is ever asked to carry at once
 * @param globalCeiling exchanges at once over all sites (default: 80 % of the file descriptors this process has
 *                      left, at most 10,000): each is a connection, and the process must keep room for its own files
 * @param tolerance     how far the median latency may rise over the lowest seen before the limit shrinks (default 3)
 */
public record LimiterConfig(int initial, int min, int siteCeiling, int globalCeiling, double tolerance) {

    /** Exchanges at once that no default exceeds. */
    static final int MAX_CEILING = 10_000;

    public static final LimiterConfig DEFAULTS = new LimiterConfig(64, 32, 2_000, ceilingFromDescriptors(), 3.0);

    public LimiterConfig {
        if (min < 1) {
            throw new IllegalArgumentException("min = " + min + ": must be at least 1");
        }
        if (siteCeiling < min) {
            throw new IllegalArgumentException("siteCeiling = " + siteCeiling + ": must be at least min (" + min + ")");
        }
        if (initial < min || initial > siteCeiling) {
            throw new IllegalArgumentException("initial = " + initial + ": must be within min..siteCeiling ("
                    + min + ".." + siteCeiling + ")");
        }
        if (globalCeiling < 1) {
            throw new IllegalArgumentException("globalCeiling = " + globalCeiling + ": must be at least 1");
        }
        if (!(tolerance >= 1.0 && tolerance <= 100.0)) {
            throw new IllegalArgumentException("tolerance = " + tolerance + ": must be 1..100 (a factor of latency)");
        }
    }

    public LimiterConfig withSiteCeiling(int c) {
        return new LimiterConfig(Math.min(initial, c), Math.min(min, c), c, globalCeiling, tolerance);
    }

    public LimiterConfig withGlobalCeiling(int c) {
        return new LimiterConfig(initial, min, siteCeiling, c, tolerance);
    }

    public LimiterConfig withInitial(int i) {
        return new LimiterConfig(i, Math.min(min, i), siteCeiling, globalCeiling, tolerance);
    }

    public LimiterConfig withMin(int m) {
        return new LimiterConfig(initial, m, siteCeiling, globalCeiling, tolerance);
    }

    /** 80 % of the descriptors left to this process (each exchange is a socket), within 64..10,000. */
    static int ceilingFromDescriptors() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean os) {
            long left = os.getMaxFileDescriptorCount() - os.getOpenFileDescriptorCount();
            return (int) Math.max(64, Math.min(MAX_CEILING, left * 8 / 10));
        }
        return MAX_CEILING;
    }
}
