package io.phonectl.media.rtp;

import io.phonectl.media.g711.G711;

/**
 * Per-source receive statistics fed with (packet, arrival time): sequence tracking and loss after RFC 3550
 * Appendix A.1/A.3, interarrival jitter after A.8, plus the checks a simulated phone makes on a G.711 stream
 * (payload type, timestamp step, G.711 payload size). Pure and single-threaded: callers synchronise if they share an instance.
 *
 * <p>Unlike A.1 there is no probation: the first packet is trusted, because a phone listens to the one stream it
 * was told to expect. A jump of more than {@value #MAX_DROPOUT} (or a step back of {@value #MAX_MISORDER} or more)
 * is held as suspect; a second, consecutive packet confirms it and the source is re-synchronised.
 */
public final class ReceiverStatistics {
    public static final int MAX_DROPOUT = 3000;
    public static final int MAX_MISORDER = 100;
    private static final int SEQ_MOD = 1 << 16;

    private final int clockRate;
    private final int expectedPayloadType;
    private final int timestampStep;

    private boolean started;
    private long ssrc;
    private int maxSeq;
    private long cycles;
    private int baseSeq;
    private int badSeq = SEQ_MOD + 1; // never a valid sequence number
    private long received;
    private long expectedPrior;
    private long receivedPrior;
    private long outOfOrder;
    private long payloadTypeErrors;
    private long timestampStepErrors;
    private long payloadSizeErrors;
    private long resyncs;
    private long markers;
    private long lastTimestamp;
    private boolean haveTransit;
    private double lastArrival;
    private long lastTransitTimestamp;
    private double jitter;

    /**
     * @param expectedPayloadType checked on every packet; −1 accepts any
     * @param timestampStep       expected timestamp increase per sequence number; 0 skips the check
     */
    public ReceiverStatistics(int clockRate, int expectedPayloadType, int timestampStep) {
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clockRate must be positive: " + clockRate);
        }
        this.clockRate = clockRate;
        this.expectedPayloadType = expectedPayloadType;
        this.timestampStep = timestampStep;
    }

    /** G.711 at 8 kHz with 20 ms packets: payload type {@code pt}, timestamp step 160. */
    public static ReceiverStatistics g711(int payloadType) {
        return new ReceiverStatistics(8000, payloadType, 160);
    }

    /** @return false when the packet was held as a suspect jump and not counted (see class comment) */
    public boolean onPacket(RtpPacket packet, long arrivalNanos) {
        if (expectedPayloadType >= 0 && packet.payloadType() != expectedPayloadType) {
            payloadTypeErrors++;
        }
        if (packet.marker()) {
            markers++;
        }
        // G.711 carries one byte per sample, so a packet's payload must span exactly one timestamp step
        if (timestampStep != 0 && G711.forPayloadType(packet.payloadType()) != null && packet.payloadLength() != timestampStep) {
            payloadSizeErrors++;
        }
        int seq = packet.sequence();
        if (!started) {
            started = true;
            ssrc = packet.ssrc();
            initSequence(seq, packet.timestamp());
        } else {
            int delta = (seq - maxSeq) & 0xFFFF;
            if (delta == 0) {
                outOfOrder++; // duplicate of the highest packet
            } else if (delta < MAX_DROPOUT) {
                if (seq < maxSeq) {
                    cycles += SEQ_MOD;
                }
                // across a gap the timestamp must still advance by step × sequence advance
                if (timestampStep != 0 && (int) (packet.timestamp() - lastTimestamp) != delta * timestampStep) {
                    timestampStepErrors++;
                }
                maxSeq = seq;
                lastTimestamp = packet.timestamp();
            } else if (delta <= SEQ_MOD - MAX_MISORDER) {
                if (seq != badSeq) {
                    badSeq = (seq + 1) & 0xFFFF;
                    return false;
                }
                resyncs++;
                initSequence(seq, packet.timestamp());
                haveTransit = false;
            } else {
                outOfOrder++;
            }
        }
        received++;
        updateJitter(packet.timestamp(), arrivalNanos);
        return true;
    }

    private void initSequence(int seq, long timestamp) {
        baseSeq = seq;
        maxSeq = seq;
        cycles = 0;
        badSeq = SEQ_MOD + 1;
        received = 0;
        expectedPrior = 0;
        receivedPrior = 0;
        lastTimestamp = timestamp;
    }

    /** RFC 3550 A.8, computed in floating point so small jitter is not lost to integer truncation. */
    private void updateJitter(long timestamp, long arrivalNanos) {
        double arrival = arrivalNanos * (clockRate / 1e9);
        if (haveTransit) {
            double d = (arrival - lastArrival) - (int) (timestamp - lastTransitTimestamp);
            jitter += (Math.abs(d) - jitter) / 16;
        }
        haveTransit = true;
        lastArrival = arrival;
        lastTransitTimestamp = timestamp;
    }

    public long extendedHighestSequence() {
        return cycles + maxSeq;
    }

    public long expected() {
        return started ? extendedHighestSequence() - baseSeq + 1 : 0;
    }

    /** The cumulative view; does not start a new interval. */
    public ReceiverReport report() {
        return build(0);
    }

    /** Like {@link #report()} but with the fraction lost since the previous interval report (RFC 3550 A.3). */
    public ReceiverReport intervalReport() {
        long expected = expected();
        long expectedInterval = expected - expectedPrior;
        long lostInterval = expectedInterval - (received - receivedPrior);
        expectedPrior = expected;
        receivedPrior = received;
        int fraction = expectedInterval == 0 || lostInterval <= 0 ? 0 : (int) ((lostInterval << 8) / expectedInterval);
        return build(fraction);
    }

    private ReceiverReport build(int fractionLost) {
        long expected = expected();
        return new ReceiverReport(ssrc, received, expected, expected - received, fractionLost, extendedHighestSequence(),
                jitter, jitter * 1000.0 / clockRate, outOfOrder, payloadTypeErrors, timestampStepErrors, payloadSizeErrors, resyncs, markers);
    }
}
