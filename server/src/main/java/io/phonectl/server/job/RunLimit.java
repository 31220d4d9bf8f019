package io.phonectl.server.job;

import io.phonectl.client.fleet.ConcurrencyLimiter;
import io.phonectl.client.fleet.LimiterConfig;
import io.phonectl.client.fleet.Sites;
import io.phonectl.client.xsi.PhoneAddress;

/**
 * A job run's concurrency limit on this replica: the client's {@link ConcurrencyLimiter}, adaptive per site unless
 * the job fixes {@code concurrency}. The cross-replica {@code siteConcurrency} (counted in the database when items
 * are claimed) is also each site's ceiling here. A site is what the job paces by: the device's site (or, for a
 * device without one, the client's guess from its address, {@link Sites}), or the /24 of its address.
 *
 * @param limiter the permits of this run's exchanges
 * @param pace    what a site is
 */
record RunLimit(ConcurrencyLimiter limiter, PaceBy pace) {

    /**
     * The limit of one run of a job with these (resolved) options, on a replica that runs up to {@code runsAtOnce}
     * jobs: the runs share the process's descriptors, so each may hold at most its share of the client's default
     * global ceiling.
     */
    static RunLimit of(JobOptions options, int runsAtOnce) {
        if (options.concurrency() != null) {
            return new RunLimit(ConcurrencyLimiter.fixed(options.concurrency()), options.pacing());
        }
        LimiterConfig c = LimiterConfig.DEFAULTS;
        c = c.withGlobalCeiling(Math.max(c.min(), c.globalCeiling() / runsAtOnce));
        if (options.siteConcurrency() != null) {
            c = c.withSiteCeiling(options.siteConcurrency());
        }
        return new RunLimit(ConcurrencyLimiter.adaptive(c), options.pacing());
    }

    /** The site of an item, for its limit. */
    String site(ClaimedItem item) {
        if (pace == PaceBy.SITE && item.site() != null && !item.site().isBlank()) {
            return "site " + item.site();
        }
        try {
            return Sites.of(PhoneAddress.parse(item.address()).host());
        } catch (IllegalArgumentException e) {
            return item.address(); // not sent anyway: the dispatch says why
        }
    }
}
