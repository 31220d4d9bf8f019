package io.phonectl.client.paging;

/** What a page did on one phone. Only {@link #RECEIVED} counts as success. */
public enum PagingStatus {
    /** The phone accepted the receive command, the whole page was streamed to it and it was told to stop. */
    RECEIVED(true),
    /** Accepted and streamed, but the page was cancelled before its end (the phone was still told to stop). */
    INTERRUPTED(false),
    /** The phone refused because it is busy: a stream already active, no media resource (e.g. in a call). */
    REFUSED_BUSY(false),
    /** The model (catalog) or the phone (URI not found) does not support what would be sent. */
    REFUSED_UNSUPPORTED(false),
    /** The phone answered with another error (authentication, parse error, invalid address). */
    REFUSED(false),
    /** Not reached: refused connection, unknown host, no answer in time. */
    UNREACHABLE(false),
    /** The phone accepted but sending its stream failed. */
    STREAM_FAILED(false),
    /** The page was cancelled before this phone was contacted. */
    NOT_CONTACTED(false);

    private final boolean success;

    PagingStatus(boolean success) {
        this.success = success;
    }

    public boolean success() {
        return success;
    }

    /** Lower-case with dashes, as the CLI prints it: {@code refused-busy}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
