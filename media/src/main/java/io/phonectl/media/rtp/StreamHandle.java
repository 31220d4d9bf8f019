package io.phonectl.media.rtp;

import java.util.concurrent.CompletableFuture;

/**
 * A running stream of an {@link RtpSender}. Its sequence, timestamp and SSRC start random (RFC 3550 §5.1), the
 * first packet carries the marker bit, and every packet advances the timestamp by 160. The mutable fields belong
 * to the tick thread; other threads only read {@link #packetsSent()} and call {@link #stop()}.
 */
public final class StreamHandle {
    final StreamSpec spec;
    private final long ssrc;
    final int initialSequence;
    final long initialTimestamp;
    private final CompletableFuture<StreamResult> done = new CompletableFuture<>();
    private final RtpSender sender;

    int sequence;
    long timestamp;
    private volatile long packetsSent;

    StreamHandle(RtpSender sender, StreamSpec spec, long ssrc, int initialSequence, long initialTimestamp) {
        this.sender = sender;
        this.spec = spec;
        this.ssrc = ssrc;
        this.initialSequence = initialSequence;
        this.initialTimestamp = initialTimestamp;
        this.sequence = initialSequence;
        this.timestamp = initialTimestamp;
    }

    public long ssrc() {
        return ssrc;
    }

    public int initialSequence() {
        return initialSequence;
    }

    public long initialTimestamp() {
        return initialTimestamp;
    }

    public long packetsSent() {
        return packetsSent;
    }

    /** Completes when the stream ends, however it ends. */
    public CompletableFuture<StreamResult> done() {
        return done;
    }

    /** Asks the tick thread to end this stream before its next packet; idempotent. */
    public void stop() {
        sender.remove(this);
    }

    /** Tick thread only. */
    void sent() {
        packetsSent = packetsSent + 1;
        sequence = (sequence + 1) & 0xFFFF;
        timestamp = (timestamp + io.phonectl.media.g711.G711.SAMPLES_PER_FRAME) & 0xFFFF_FFFFL;
    }

    boolean isFirst() {
        return packetsSent == 0;
    }

    StreamResult finish(StreamResult.Outcome outcome, Throwable failure) {
        return new StreamResult(ssrc, packetsSent, outcome, failure);
    }

    boolean complete(StreamResult result) {
        return done.complete(result);
    }

    @Override
    public String toString() {
        return "StreamHandle[ssrc=" + Long.toHexString(ssrc) + " to " + spec.destination() + " sent=" + packetsSent + "]";
    }
}
