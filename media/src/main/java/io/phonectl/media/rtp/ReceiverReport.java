package io.phonectl.media.rtp;

/**
 * What a receiver knows about one source (RFC 3550 §6.4.1 terms). {@code lost} may be negative when duplicates
 * arrive, exactly as the RFC defines it. {@code jitter} is in timestamp units; {@code fractionLost} is the
 * 8-bit fixed-point fraction of the interval since the previous {@code intervalReport}. {@code payloadSizeErrors}
 * counts G.711 packets (payload type 0 or 8) whose payload is not one timestamp step long (160 bytes for 20 ms).
 */
public record ReceiverReport(
        long ssrc,
        long received,
        long expected,
        long lost,
        int fractionLost,
        long extendedHighestSequence,
        double jitter,
        double jitterMillis,
        long outOfOrder,
        long payloadTypeErrors,
        long timestampStepErrors,
        long payloadSizeErrors,
        long resyncs,
        long markers) {
}
