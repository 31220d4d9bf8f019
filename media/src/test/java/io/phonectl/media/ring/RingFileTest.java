package io.phonectl.media.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phonectl.media.RingFileException;
import io.phonectl.media.WavFormatException;
import io.phonectl.media.g711.G711;
import io.phonectl.media.wav.PcmAudio;
import io.phonectl.media.wav.Tones;
import io.phonectl.media.wav.WavReader;
import io.phonectl.media.wav.WavWriter;
import io.phonectl.xsi.Violation;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RingFileTest {

    private static byte[] silence(int samples) {
        byte[] raw = new byte[samples];
        Arrays.fill(raw, (byte) 0xFF);
        return raw;
    }

    private static List<String> fields(byte[] raw) {
        return RingFileChecker.check(raw).stream().map(v -> v.field() + ": " + v.rule()).toList();
    }

    @ParameterizedTest
    @CsvSource({
        "0, 1", "239, 2", "240, 0", "241, 1", "480, 0", "16079, 1", "16080, 0", "16081, 2", "16320, 1"
    })
    void sampleCountBoundaries(int samples, int expectedViolations) {
        assertThat(RingFileChecker.check(silence(samples))).hasSize(expectedViolations);
        assertThat(RingFileChecker.check(silence(samples))).allSatisfy(v -> assertThat(v.field()).isEqualTo("samples"));
    }

    @Test
    void messagesNameFieldValueRuleAndSource() {
        assertThat(RingFileChecker.check(silence(16320)).get(0).message())
                .isEqualTo("samples = \"16320 (2.040 s)\": at most 16080 samples (2.01 s) (source: control spec (seeds/001))");
    }

    @ParameterizedTest
    @CsvSource({
        "0xFF, true", "0x7F, true", "0xF0, true", "0x70, true", "0xEF, false", "0x6F, false", "0x80, false", "0x00, false"
    })
    void zeroCrossingAtStartAndEnd(String hex, boolean accepted) {
        byte code = (byte) Integer.parseInt(hex.substring(2), 16);
        byte[] start = silence(240);
        start[0] = code;
        byte[] end = silence(240);
        end[239] = code;
        assertThat(RingFileChecker.check(start)).hasSize(accepted ? 0 : 1);
        assertThat(RingFileChecker.check(end)).hasSize(accepted ? 0 : 1);
        if (!accepted) {
            assertThat(RingFileChecker.check(start).get(0).field()).isEqualTo("first sample");
            assertThat(RingFileChecker.check(end).get(0).field()).isEqualTo("last sample");
        }
    }

    @Test
    void listsEveryRuleBrokenAtOnce() {
        byte[] wav = WavWriter.write(8000, 16, new float[][] {Tones.sine(1000, 8000, 16100, 0.5)});
        wav[wav.length - 1] = 0x40;
        assertThat(fields(wav)).hasSize(5).anyMatch(f -> f.startsWith("header"))
                .anyMatch(f -> f.startsWith("last sample"));
        assertThatThrownBy(() -> RingFileChecker.requireValid(wav)).isInstanceOf(RingFileException.class)
                .satisfies(e -> assertThat(((RingFileException) e).violations()).hasSize(5));
    }

    /** Sound length at 8 kHz → length of the ring file, or rejection. */
    @ParameterizedTest
    @CsvSource({"1, 240", "239, 240", "240, 240", "241, 480", "16000, 16080", "16080, 16080"})
    void convertsToValidLengths(int samples, int expectedLength) {
        PcmAudio audio = new PcmAudio(8000, new float[][] {Tones.sine(440, 8000, samples, 0.8)});
        byte[] raw = RingFileConverter.convert(audio, RingFileConverter.Options.DEFAULT);
        assertThat(raw).hasSize(expectedLength);
        assertThat(RingFileChecker.check(raw)).isEmpty();
        assertThat(raw[0]).isEqualTo((byte) 0xFF);
        assertThat(raw[raw.length - 1]).isEqualTo((byte) 0xFF);
    }

    @ParameterizedTest
    @CsvSource({"16081", "16320"})
    void refusesTooLongUnlessTruncationIsAllowed(int samples) {
        PcmAudio audio = new PcmAudio(8000, new float[][] {Tones.sine(440, 8000, samples, 0.8)});
        assertThatThrownBy(() -> RingFileConverter.convert(audio, RingFileConverter.Options.DEFAULT))
                .isInstanceOf(RingFileException.class)
                .hasMessageContaining("samples = \"" + samples).hasMessageContaining("allow truncation");
        byte[] raw = RingFileConverter.convert(audio, new RingFileConverter.Options(true));
        assertThat(raw).hasSize(16080);
        assertThat(RingFileChecker.check(raw)).isEmpty();
    }

    @Test
    void refusesEmptyAudioAndPassesWavErrorsThrough() {
        PcmAudio empty = new PcmAudio(44100, new float[][] {new float[3]});
        assertThatThrownBy(() -> RingFileConverter.convert(empty, RingFileConverter.Options.DEFAULT))
                .isInstanceOf(RingFileException.class).hasMessageStartingWith("samples = \"0 ");
        assertThatThrownBy(() -> WavReader.read(new byte[] {1, 2, 3})).isInstanceOf(WavFormatException.class);
    }

    @Test
    void convertsAStereoCdQualityToneKeepingItsPitch() {
        float[] tone = Tones.sine(1000, 44100, 44100, 0.5);
        byte[] wav = WavWriter.write(44100, 16, new float[][] {tone, tone});
        byte[] raw = RingFileConverter.convert(WavReader.read(wav), RingFileConverter.Options.DEFAULT);
        assertThat(raw).hasSize(8160);
        assertThat(RingFileChecker.check(raw)).isEmpty();
        short[] pcm = G711.MU_LAW.decode(raw);
        float[] decoded = new float[pcm.length];
        for (int i = 0; i < pcm.length; i++) {
            decoded[i] = pcm[i] / 32768f;
        }
        assertThat(Tones.peak(decoded, 8000)).isEqualTo(1000.0);
    }

    @Test
    void checksFilesOnDisk(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path good = java.nio.file.Files.write(dir.resolve("good.raw"), silence(480));
        java.nio.file.Path huge = java.nio.file.Files.write(dir.resolve("huge.raw"), silence((1 << 20) + 1));
        assertThat(RingFileChecker.check(good)).isEmpty();
        assertThat(RingFileChecker.check(huge)).singleElement().satisfies(v -> assertThat(v.rule()).contains("not read"));
    }

    @Test
    void violationValuesNeverAbsent() {
        for (Violation v : RingFileChecker.check(new byte[] {0x00})) {
            assertThat(v.value()).isNotEqualTo("(absent)");
        }
    }
}
