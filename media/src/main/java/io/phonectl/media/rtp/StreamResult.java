package io.phonectl.media.rtp;

/** How a sent stream ended. {@code failure} is set only for {@link Outcome#FAILED}. */
public record StreamResult(long ssrc, long packetsSent, Outcome outcome, Throwable failure) {

    public enum Outcome {
        /** The frame source ran out. */
        COMPLETED,
        /** {@link StreamHandle#stop()} was called. */
        STOPPED,
        /** Sending or the frame source threw; the other streams continue. */
        FAILED,
        /** The sender was closed while the stream was running. */
        SENDER_CLOSED
    }
}
