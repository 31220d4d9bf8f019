package io.phonectl.client.xsi;

/** The kind of a {@link PushOutcome}, for tables, summaries and exit codes. */
public enum OutcomeKind {
    /** CiscoIPPhoneResponse with every item Status 0. */
    EXECUTED(true, false),
    /** CiscoIPPhoneResponse with at least one item Status other than 0. */
    ITEM_FAILED(false, false),
    /** An empty 200 (Multiplatform phones answer nothing; some firmware answers stopMedia with nothing) or a 303. */
    ACCEPTED_NO_RESPONSE(true, false),
    /** startMedia answered with a stream id. */
    MEDIA_STARTED(true, false),
    /** The RTP Streaming API answered an errorResponse. */
    MEDIA_ERROR(false, false),
    /** CiscoIPPhoneError 1-3 (or an undocumented number). */
    PHONE_ERROR(false, false),
    /** CiscoIPPhoneError 4, a 401, or RomPager's HTML "Protected Object" page. */
    AUTH_FAILED(false, false),
    /** An answer that is none of the above (garbage, unexpected XML, HTTP 404/500). */
    MALFORMED(false, false),
    /** Nothing listens on the port (TCP reset). */
    REFUSED(false, true),
    /** No route, unknown host, network down. */
    UNREACHABLE(false, false),
    /** No answer in time; the outcome carries the phase. */
    TIMED_OUT(false, true),
    /** Not sent: the model catalog says the model does not support what would be sent. */
    UNSUPPORTED(false, false),
    /** Not sent: what would be sent breaks a rule (size, limits). */
    INVALID(false, false),
    /** Not sent: no usable credentials for the phone. */
    NO_CREDENTIALS(false, false),
    /** Not sent, or not retried, because the overall deadline passed. */
    DEADLINE_EXCEEDED(false, false),
    /** phonectl itself failed (a bug, a failing callback): neither the phone's fault nor the network's. */
    INTERNAL_ERROR(false, false);

    private final boolean success;
    private final boolean transientFailure;

    OutcomeKind(boolean success, boolean transientFailure) {
        this.success = success;
        this.transientFailure = transientFailure;
    }

    public boolean success() {
        return success;
    }

    /** Only these are retried: refused and timed out. Never auth, validation or phone errors. */
    public boolean transientFailure() {
        return transientFailure;
    }
}
