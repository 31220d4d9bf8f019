package io.phonectl.media.ring;

import io.phonectl.xsi.Violation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class AudioClipCheckerTest {

    static byte[] silence(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 0xFF);
        return b;
    }

    @Test
    void fiveSecondsPassAndOneSampleMoreIsTooLong() {
        assertThat(AudioClipChecker.check(silence(40_000))).isEmpty();
        assertThat(AudioClipChecker.check(silence(1))).isEmpty();
        assertThat(AudioClipChecker.tooLong(silence(40_000))).isFalse();
        assertThat(AudioClipChecker.check(silence(40_001))).singleElement()
                .satisfies(v -> assertThat(v.toString()).contains("samples").contains("40001").contains("at most 40000")
                        .contains("seeds/001"));
        assertThat(AudioClipChecker.tooLong(silence(40_001))).isTrue();
    }

    @Test
    void emptyAndHeaderedFilesAreNotRawMuLaw() {
        assertThat(AudioClipChecker.check(new byte[0])).extracting(Violation::field).containsExactly("samples");
        byte[] wav = silence(800);
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, wav, 0, 4);
        assertThat(AudioClipChecker.check(wav)).extracting(Violation::field).containsExactly("header");
        byte[] au = silence(800);
        System.arraycopy(".snd".getBytes(StandardCharsets.US_ASCII), 0, au, 0, 4);
        assertThat(AudioClipChecker.check(au)).singleElement().satisfies(v -> assertThat(v.toString()).contains(".snd"));
    }
}
