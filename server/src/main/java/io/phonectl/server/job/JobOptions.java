package io.phonectl.server.job;

import io.phonectl.server.http.ApiException;

/**
 * How one job runs; every member may be omitted (null) for its default.
 *
 * @param concurrency      devices talked to at once by each replica's run: absent (the default), an adaptive limit per
 *                         site learnt from the devices' answers, as the CLI's broadcast
 *                         ({@link io.phonectl.client.fleet.ConcurrencyLimiter}, within siteConcurrency when given);
 *                         1..10,000, exactly that many at most ({@code --concurrency N})
 * @param deadlineSeconds  every item has its outcome by then, counted from the job's start (default 600; 1..604,800)
 * @param attempts         sends per item including retries of transient failures (refused, timed out) only
 *                         (default 3; 1..10)
 * @param timeoutMillis    one exchange with a device (default: the service's, 10 s; 100..600,000)
 * @param preflight        ask the model catalog first and do not send what the model cannot do (default true)
 * @param siteConcurrency  at most this many devices of one site (or subnet, see paceBy) in flight at once, counted
 *                         across replicas (default none; 1..10,000)
 * @param callback         replace {@code $CALLBACK} in parameters and XML with a Notify URI of this service, so
 *                         what devices post back becomes events of this job and device (default false)
 * @param oneTimeCredentials push with credentials made for this job and each device instead of the device's
 *                         credential set; phones whose authentication URL is the service's relay accept them while
 *                         the job runs (default false)
 * @param paceBy           what siteConcurrency counts by: {@code site} (default) or {@code subnet} (the IPv4 /24
 *                         of the device's address)
 */
public record JobOptions(Integer concurrency, Integer deadlineSeconds, Integer attempts, Integer timeoutMillis,
                         Boolean preflight, Integer siteConcurrency, Boolean callback,
                         Boolean oneTimeCredentials, String paceBy) {

    public static final int MAX_CONCURRENCY = 10_000;
    public static final int DEFAULT_DEADLINE = 600;
    public static final int MAX_DEADLINE = 7 * 24 * 3600;
    public static final int DEFAULT_ATTEMPTS = 3;
    public static final int MAX_ATTEMPTS = 10;
    public static final JobOptions DEFAULTS = new JobOptions(null, null, null, null, null, null, null, null, null);

    /** The options with every default filled in, each member checked (a problem names {@code options.<member>}). */
    public JobOptions resolved(int defaultTimeoutMillis) {
        return new JobOptions(
                concurrency == null ? null : check("concurrency", concurrency, 0, 1, MAX_CONCURRENCY),
                check("deadlineSeconds", deadlineSeconds, DEFAULT_DEADLINE, 1, MAX_DEADLINE),
                check("attempts", attempts, DEFAULT_ATTEMPTS, 1, MAX_ATTEMPTS),
                check("timeoutMillis", timeoutMillis, defaultTimeoutMillis, 100, 600_000),
                preflight == null || preflight,
                siteConcurrency == null ? null : check("siteConcurrency", siteConcurrency, 0, 1, MAX_CONCURRENCY),
                callback != null && callback,
                oneTimeCredentials != null && oneTimeCredentials, PaceBy.parse(paceBy).id());
    }

    /** What the per-site limit counts by (resolved options always name it). */
    PaceBy pacing() {
        return PaceBy.parse(paceBy);
    }

    private static int check(String member, Integer v, int dflt, int min, int max) {
        int x = v == null ? dflt : v;
        if (x < min || x > max) {
            throw new ApiException.Invalid("options." + member, x, "an integer " + min + ".." + max);
        }
        return x;
    }
}
