package io.phonectl.sim;

import io.phonectl.media.ring.RingFileChecker;
import io.phonectl.sim.phone.SimPhone;
import io.phonectl.sim.play.ClipSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Play: resolves the file against the clip source and holds the answer for the clip's length. */
class PlayClipTest {

    @TempDir
    Path dir;

    /** A valid ring file of {@code n} samples: µ-law silence (0xFF decodes to 0, a zero crossing). */
    static byte[] silence(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 0xFF);
        return b;
    }

    @Test
    void builtInClipsPassTheRingRulesAndHaveTheirLength() {
        ClipSource c = ClipSource.builtIn();
        assertThat(c.clips()).containsKeys("Chime.raw", "Beep.raw", "Classic2.raw");
        assertThat(c.length("Chime.raw")).contains(Duration.ofMillis(510));
        assertThat(c.length("Beep.raw")).contains(Duration.ofMillis(30));
        assertThat(c.length("Classic2.raw")).contains(Duration.ofMillis(2010));
        assertThat(c.length("Nope.raw")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"240,true", "16080,true", "16320,false", "241,false", "0,false"})
    void directoryFilesAreHeldToTheRingRules(int samples, boolean ok) throws Exception {
        Files.write(dir.resolve("Mine.raw"), silence(samples));
        if (ok) {
            assertThat(ClipSource.of(dir).length("Mine.raw")).contains(Duration.ofNanos(samples * 125_000L));
            assertThat(RingFileChecker.check(silence(samples))).isEmpty();
        } else {
            assertThatThrownBy(() -> ClipSource.of(dir)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Mine.raw").hasMessageContaining("samples");
        }
    }

    @Test
    void aNonDirectoryIsRefusedByTheConfig() {
        assertThatThrownBy(() -> SimConfig.ephemeral(1, List.of()).withClipDirectory(dir.resolve("absent")))
                .hasMessageContaining("clipDirectory");
    }

    @Test
    void playOverHttpUsesTheClipLengthAndUnknownFilesAreNotFound() throws Exception {
        Files.write(dir.resolve("Short.raw"), silence(480));
        try (FleetHost host = FleetHost.start(SimConfig.ephemeral(1, List.of("CP-8845")).withClipDirectory(dir))) {
            SimPhone p = host.phones().getFirst();
            assertThat(Http.text(ExecuteTest.push(p, ExecuteTest.execute("Play:Short.raw"))))
                    .contains(ExecuteTest.item(0, "Success", "Play:Short.raw"));
            assertThat(Http.text(ExecuteTest.push(p, ExecuteTest.execute("Play:Chime.raw"))))
                    .contains(ExecuteTest.item(0, "Success", "Play:Chime.raw"));
            assertThat(Http.text(ExecuteTest.push(p, ExecuteTest.execute("Play:Missing.raw"))))
                    .contains("URL=\"Play:Missing.raw\"").contains("Status=\"6\"");
            assertThat(p.history().deviceLog()).anySatisfy(l -> assertThat(l).contains("playing Short.raw (60 ms)"))
                    .anySatisfy(l -> assertThat(l).contains("playing Chime.raw (510 ms)"))
                    .anySatisfy(l -> assertThat(l).contains("play Missing.raw: no such file"));
        }
    }
}
