package io.phonectl.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phonectl.media.g711.G711;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrameSourceTest {

    private static int frames(FrameSource source) {
        byte[] frame = new byte[160];
        int n = 0;
        while (n < 10_000 && source.fill(frame)) {
            n++;
        }
        return n;
    }

    /** audio bytes × times → frames (the last one padded). */
    @ParameterizedTest
    @CsvSource({"160, 1, 1", "161, 1, 2", "159, 1, 1", "800, 2, 10", "250, 3, 5", "1, 160, 1", "1, 161, 2", "0, 5, 0"})
    void repeatCountsFrames(int bytes, int times, int expectedFrames) {
        assertThat(frames(FrameSource.repeat(new byte[bytes], times, G711.MU_LAW))).isEqualTo(expectedFrames);
    }

    @Test
    void framesStraddleLoopsAndPadWithSilence() {
        byte[] audio = new byte[100];
        for (int i = 0; i < audio.length; i++) {
            audio[i] = (byte) i;
        }
        FrameSource source = FrameSource.repeat(audio, 2, G711.MU_LAW);
        byte[] frame = new byte[160];
        assertThat(source.fill(frame)).isTrue();
        assertThat(frame[99]).isEqualTo((byte) 99);
        assertThat(frame[100]).isEqualTo((byte) 0);
        assertThat(frame[159]).isEqualTo((byte) 59);
        assertThat(source.fill(frame)).isTrue();
        assertThat(frame[39]).isEqualTo((byte) 99);
        assertThat(frame[40]).isEqualTo((byte) 0xFF);
        assertThat(source.fill(frame)).isFalse();
    }

    @Test
    void liveSourceSendsSilenceWhenStarvedAndEndsAfterDrainingOnClose() {
        LiveFrameSource live = new LiveFrameSource(G711.A_LAW, 2);
        byte[] frame = new byte[160];
        assertThat(live.fill(frame)).isTrue();
        assertThat(frame).containsOnly((byte) 0xD5);
        byte[] tone = new byte[160];
        tone[0] = 1;
        assertThat(live.offer(tone)).isTrue();
        assertThat(live.offer(tone)).isTrue();
        assertThat(live.offer(tone)).isFalse(); // capacity 2
        live.close();
        assertThat(live.offer(tone)).isFalse();
        assertThat(live.fill(frame)).isTrue();
        assertThat(frame[0]).isEqualTo((byte) 1);
        assertThat(live.fill(frame)).isTrue();
        assertThat(live.fill(frame)).isFalse();
        assertThatThrownBy(() -> live.offer(new byte[159])).hasMessageContaining("160 bytes");
    }

    @Test
    void foreverNeedsAudioAndRepeatNeedsOnePass() {
        assertThatThrownBy(() -> FrameSource.forever(new byte[0], G711.MU_LAW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FrameSource.repeat(new byte[1], 0, G711.MU_LAW)).hasMessageContaining("at least 1");
    }

    @Test
    void latenessPercentilesFromBuckets() {
        LatenessHistogram histogram = new LatenessHistogram();
        for (int i = 1; i <= 100; i++) {
            histogram.record(i * 1_000L); // 1 µs … 100 µs
        }
        histogram.record(-5); // early counts as on time
        LatenessHistogram.Snapshot s = histogram.snapshot();
        assertThat(s.count()).isEqualTo(101);
        assertThat(s.p50()).isEqualTo(60_000);  // 51st of 101 is 50 µs, bucket [50, 60) µs → its upper edge
        assertThat(s.p99()).isEqualTo(100_000);
        assertThat(s.max()).isEqualTo(100_000);
        histogram.record(5_000_000_000L);
        assertThat(histogram.snapshot().max()).isEqualTo(5_000_000_000L);
        assertThat(histogram.snapshot().p999()).isEqualTo(5_000_000_000L);
    }
}
