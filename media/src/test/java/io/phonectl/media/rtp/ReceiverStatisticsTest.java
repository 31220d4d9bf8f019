package io.phonectl.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected values are worked out by hand from RFC 3550 A.1, A.3 and A.8. */
class ReceiverStatisticsTest {
    private static final long MS = 1_000_000;

    private static ReceiverStatistics feed(int[] sequences, int firstSequence) {
        ReceiverStatistics stats = ReceiverStatistics.g711(0);
        for (int seq : sequences) {
            long index = (seq - firstSequence) & 0xFFFF; // position in the original stream
            stats.onPacket(new RtpPacket(false, 0, seq, 1000 + index * 160, 7, new byte[160]), index * 20 * MS);
        }
        return stats;
    }

    /** sequences (space separated) → received, expected, lost, out of order, extended highest sequence. */
    @ParameterizedTest
    @CsvSource({
        "0 1 2 3 4 5 6 7 8 9,         10, 10, 0, 0, 9",
        "0 1 2 5 6,                    5,  7, 2, 0, 6",
        "0 1 3 2 4,                    5,  5, 0, 1, 4",
        "0 1 1 2,                      4,  3, -1, 1, 2",
        "65533 65534 65535 0 1,        5,  5, 0, 0, 65537",
        "65534 1,                      2,  4, 2, 0, 65537",
        "65535 1 0 2,                  4,  4, 0, 1, 65538",
        "10 9,                         2,  1, -1, 1, 10"
    })
    void lossAndOrdering(String sequences, long received, long expected, long lost, long outOfOrder, long highest) {
        int[] seqs = java.util.Arrays.stream(sequences.trim().split(" +")).mapToInt(Integer::parseInt).toArray();
        ReceiverReport report = feed(seqs, seqs[0]).report();
        assertThat(report.received()).isEqualTo(received);
        assertThat(report.expected()).isEqualTo(expected);
        assertThat(report.lost()).isEqualTo(lost);
        assertThat(report.outOfOrder()).isEqualTo(outOfOrder);
        assertThat(report.extendedHighestSequence()).isEqualTo(highest);
        assertThat(report.timestampStepErrors()).isZero();
        assertThat(report.jitter()).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void jitterFollowsA8() {
        ReceiverStatistics stats = ReceiverStatistics.g711(0);
        // arrivals at 0, 20, 45, 60 ms = 0, 160, 360, 480 timestamp units; timestamps 0, 160, 320, 480
        long[] arrivalsMs = {0, 20, 45, 60};
        for (int i = 0; i < 4; i++) {
            stats.onPacket(new RtpPacket(i == 0, 0, i, i * 160L, 1, new byte[160]), arrivalsMs[i] * MS);
        }
        // D: 0, then +40 → J = 40/16 = 2.5, then −40 → J = 2.5 + (40 − 2.5)/16 = 4.84375
        ReceiverReport report = stats.report();
        assertThat(report.jitter()).isCloseTo(4.84375, within(1e-9));
        assertThat(report.jitterMillis()).isCloseTo(4.84375 / 8, within(1e-9));
        assertThat(report.markers()).isEqualTo(1);
    }

    @Test
    void jitterAcrossTimestampWraparound() {
        ReceiverStatistics stats = ReceiverStatistics.g711(0);
        stats.onPacket(new RtpPacket(false, 0, 0, 0xFFFF_FFFFL - 100, 1, new byte[0]), 0);
        stats.onPacket(new RtpPacket(false, 0, 1, 59, 1, new byte[0]), 20 * MS); // ts advanced by 160 through 2^32
        assertThat(stats.report().jitter()).isCloseTo(0.0, within(1e-9));
        assertThat(stats.report().timestampStepErrors()).isZero();
    }

    @Test
    void fractionLostPerInterval() {
        ReceiverStatistics stats = feed(new int[] {0, 1, 2, 3}, 0);
        assertThat(stats.intervalReport().fractionLost()).isZero();
        for (int seq : new int[] {4, 6, 7}) {
            stats.onPacket(new RtpPacket(false, 0, seq, 1000 + seq * 160L, 7, new byte[0]), seq * 20 * MS);
        }
        // interval expected 4 (4..7), received 3: lost 1 → 256 × 1/4 = 64
        ReceiverReport report = stats.intervalReport();
        assertThat(report.fractionLost()).isEqualTo(64);
        assertThat(report.lost()).isEqualTo(1);
        assertThat(stats.intervalReport().fractionLost()).isZero();
    }

    @Test
    void largeJumpIsHeldThenResynchronised() {
        ReceiverStatistics stats = ReceiverStatistics.g711(0);
        assertThat(stats.onPacket(new RtpPacket(false, 0, 0, 0, 1, new byte[0]), 0)).isTrue();
        assertThat(stats.onPacket(new RtpPacket(false, 0, 1, 160, 1, new byte[0]), 20 * MS)).isTrue();
        assertThat(stats.onPacket(new RtpPacket(false, 0, 5000, 99_000, 1, new byte[0]), 40 * MS)).isFalse();
        assertThat(stats.report().received()).isEqualTo(2);
        assertThat(stats.onPacket(new RtpPacket(false, 0, 5001, 99_160, 1, new byte[0]), 60 * MS)).isTrue();
        ReceiverReport report = stats.report();
        assertThat(report.resyncs()).isEqualTo(1);
        assertThat(report.received()).isEqualTo(1);
        assertThat(report.expected()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({"2999, true", "3000, false"})
    void dropoutBoundary(int jump, boolean counted) {
        ReceiverStatistics stats = new ReceiverStatistics(8000, -1, 0);
        stats.onPacket(new RtpPacket(false, 0, 0, 0, 1, new byte[0]), 0);
        assertThat(stats.onPacket(new RtpPacket(false, 0, jump, 0, 1, new byte[0]), 0)).isEqualTo(counted);
    }

    @ParameterizedTest
    @CsvSource({"99, true", "100, false"}) // A.1: udelta <= 65536 - MAX_MISORDER is a jump
    void misorderBoundary(int back, boolean counted) {
        ReceiverStatistics stats = new ReceiverStatistics(8000, -1, 0);
        stats.onPacket(new RtpPacket(false, 0, 1000, 0, 1, new byte[0]), 0);
        assertThat(stats.onPacket(new RtpPacket(false, 0, 1000 - back, 0, 1, new byte[0]), 0)).isEqualTo(counted);
    }

    @Test
    void payloadTypeAndTimestampStepChecks() {
        ReceiverStatistics stats = ReceiverStatistics.g711(0);
        stats.onPacket(new RtpPacket(true, 0, 0, 0, 1, new byte[160]), 0);
        stats.onPacket(new RtpPacket(false, 9, 1, 160, 1, new byte[160]), 20 * MS);
        stats.onPacket(new RtpPacket(false, 0, 2, 400, 1, new byte[160]), 40 * MS);  // step 240, not 160
        stats.onPacket(new RtpPacket(false, 0, 5, 880, 1, new byte[160]), 100 * MS); // gap of 3 with 3 × 160: fine
        stats.onPacket(new RtpPacket(false, 0, 6, 1040, 1, new byte[159]), 120 * MS); // 159 bytes
        stats.onPacket(new RtpPacket(false, 8, 7, 1200, 1, new byte[161]), 140 * MS); // 161 bytes, and PT 8
        ReceiverReport report = stats.report();
        assertThat(report.payloadSizeErrors()).isEqualTo(2);
        assertThat(report.payloadTypeErrors()).isEqualTo(2);
        assertThat(report.timestampStepErrors()).isEqualTo(1);
        assertThat(report.lost()).isEqualTo(2);
    }
}
