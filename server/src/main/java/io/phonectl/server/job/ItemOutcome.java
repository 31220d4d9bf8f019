package io.phonectl.server.job;

import io.phonectl.client.xsi.OutcomeKind;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Objects;

/**
 * The final outcome of one item, as written: the client's outcome kind name (or one of {@link Outcomes}' own),
 * success, a one-line detail (never a credential), the kind's extra members (response items, stream id, result
 * description), attempts made in this run, timings, what it says about the device, and a kept result.
 *
 * @param reachable true/false when the device was contacted and answered or not; null when it was not contacted
 * @param result    bytes a collection job keeps (screenshot, page), or null
 */
public record ItemOutcome(String outcome, boolean success, String detail, ObjectNode data, int attempts,
                          long elapsedMillis, Instant startedAt, Instant finishedAt, Boolean reachable, Result result) {

    /** Bytes kept for an item, with their media type. */
    public record Result(String contentType, byte[] bytes) {
    }

    public ItemOutcome {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(finishedAt, "finishedAt");
        detail = detail == null ? "" : detail.length() > 1000 ? detail.substring(0, 1000) : detail;
    }

    /** Not sent because no time was left for an attempt before the job's deadline. */
    public static ItemOutcome deadlineExceeded(Instant at) {
        return notSent(OutcomeKind.DEADLINE_EXCEEDED.name(), "not sent: no time left before the job's deadline", at);
    }

    /** Not sent: nothing was contacted. */
    public static ItemOutcome notSent(String outcome, String detail, Instant at) {
        return new ItemOutcome(outcome, false, detail, null, 0, 0, null, at, null, null);
    }
}
