package io.phonectl.server.job;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Map;

/**
 * A job as the API shows it.
 *
 * @param state    queued, running, done or cancelled
 * @param counts   items by final outcome
 * @param pending  items not yet sent
 * @param inFlight items being sent
 * @param limit    the concurrency limit of the job's run on the replica that answers, now: the exchanges it may
 *                 have at once (adaptive, or the fixed {@code options.concurrency}); null when none runs there
 * @param target   the target as given (with {@code retryOf} for a retry)
 * @param timings  from the job's creation (the POST) to its first, median, 99th-percentile and last final outcome
 *                 (null in lists)
 */
public record Job(long id, String name, String state, String action, int total, Map<String, Long> counts,
                  long pending, long inFlight, Integer limit, JobOptions options, JsonNode target, String createdBy, Instant createdAt,
                  Instant startedAt, Instant finishedAt, Instant deadlineAt, boolean cancelRequested, Long retryOf,
                  int runs, Timings timings) {

    /** Milliseconds from creation to the first, median, p99 and last final outcome (null while there is none). */
    public record Timings(Long firstMillis, Long medianMillis, Long p99Millis, Long lastMillis) {
    }
}
