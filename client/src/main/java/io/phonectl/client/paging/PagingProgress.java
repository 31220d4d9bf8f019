package io.phonectl.client.paging;

/**
 * A snapshot of a running page, for progress bars and logs.
 *
 * @param phase         where the page is
 * @param phones        phones selected
 * @param answered      phones whose receive command has an outcome
 * @param receiving     phones that accepted and are being streamed to (until they are told to stop)
 * @param secondsSent   audio sent so far (of the longest stream)
 * @param secondsTotal  audio to send: file length × loops
 * @param stopped       phones told to stop so far
 */
public record PagingProgress(Phase phase, int phones, int answered, int receiving, double secondsSent,
                             double secondsTotal, int stopped) {

    public enum Phase {
        /** Telling phones to receive. */
        STARTING,
        /** Streaming audio in real time. */
        STREAMING,
        /** Telling phones to stop. */
        STOPPING,
        /** Finished; the report is ready. */
        DONE
    }
}
