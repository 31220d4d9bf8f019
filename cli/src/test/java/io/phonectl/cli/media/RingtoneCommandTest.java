package io.phonectl.cli.media;

import io.phonectl.media.ring.RingFileChecker;
import io.phonectl.media.wav.WavWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class RingtoneCommandTest {

    @TempDir
    Path dir;

    /** A 440 Hz stereo tone at 44.1 kHz. */
    private Path tone(double seconds) throws Exception {
        int n = (int) (44100 * seconds);
        float[] s = new float[n];
        for (int i = 0; i < n; i++) {
            s[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / 44100.0));
        }
        Path wav = dir.resolve("tone-" + seconds + ".wav");
        Files.write(wav, WavWriter.write(44100, 16, new float[][] {s, s.clone()}));
        return wav;
    }

    @Test
    void convertWritesAFileThatPassesTheCheck() throws Exception {
        Path out = dir.resolve("tone.raw");
        CliRun convert = CliRun.of("ringtone", "convert", tone(1.0).toString(), out.toString());
        assertThat(convert.exit()).as(convert.err()).isZero();
        byte[] raw = Files.readAllBytes(out);
        assertThat(convert.out()).contains("wrote").contains(raw.length + " samples (");
        assertThat(raw.length % 240).isZero();
        assertThat(RingFileChecker.check(raw)).isEmpty();
        CliRun check = CliRun.of("ringtone", "check", out.toString());
        assertThat(check.exit()).isZero();
        assertThat(check.out()).contains("OK, " + raw.length + " samples");
    }

    @Test
    void tooLongIsRefusedWithTheRuleUnlessTruncated() throws Exception {
        Path wav = tone(2.5);
        Path out = dir.resolve("long.raw");
        CliRun refused = CliRun.of("ringtone", "convert", wav.toString(), out.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("at most 16080 samples").contains("source:");
        assertThat(out).doesNotExist();
        CliRun cut = CliRun.of("ringtone", "convert", "--truncate", wav.toString(), out.toString());
        assertThat(cut.exit()).isZero();
        assertThat(Files.size(out)).isEqualTo(16080);
    }

    @ParameterizedTest(name = "{0} samples, first 0x{1}, last 0x{2} -> exit {3}, {4} broken")
    @CsvSource({
            "240, FF, FF, 0, 0", "16080, FF, FF, 0, 0", "239, FF, FF, 2, 2", "16320, FF, FF, 2, 1",
            "480, 80, FF, 2, 1", "480, FF, 00, 2, 1", "241, 00, 00, 2, 3"})
    void checkListsEveryBrokenRule(int samples, String first, String last, int exit, int broken) throws Exception {
        byte[] raw = new byte[samples];
        Arrays.fill(raw, (byte) 0xFF);
        raw[0] = (byte) Integer.parseInt(first, 16);
        raw[samples - 1] = (byte) Integer.parseInt(last, 16);
        Path file = dir.resolve("f.raw");
        Files.write(file, raw);
        CliRun run = CliRun.of("ringtone", "check", file.toString());
        assertThat(run.exit()).isEqualTo(exit);
        if (broken > 0) {
            assertThat(run.out()).contains(broken + (broken == 1 ? " rule" : " rules") + " broken");
            assertThat(run.out().lines().filter(l -> l.startsWith("  ")).count()).isEqualTo(broken);
        }
    }

    @Test
    void unreadableInputIsBadInput() {
        CliRun missing = CliRun.of("ringtone", "check", dir.resolve("nope.raw").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");
        CliRun notWav = CliRun.of("ringtone", "convert", dir.resolve("nope.wav").toString(), dir.resolve("x.raw").toString());
        assertThat(notWav.exit()).isEqualTo(2);
    }

    @Test
    void aWavFileGivenToCheckIsNamedAsSuch() throws Exception {
        CliRun run = CliRun.of("ringtone", "check", tone(0.1).toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("looks like a WAV file");
    }
}
