package io.phonectl.cli.demo;

import io.phonectl.cli.exit.ExitCode;
import io.phonectl.cli.xsi.CliRun;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code phonectl aot-training}: every step runs against its simulated phones, and it leaves nothing behind. */
class TrainingCommandTest {

    @Test
    void runsEveryCommandAndRemovesItsFolder() throws IOException {
        List<Path> before = trainingFolders();
        CliRun r = CliRun.of("aot-training");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).isEqualTo("aot-training: 6 commands against " + TrainingCommand.PHONES
                + " simulated phones" + System.lineSeparator());
        assertThat(trainingFolders()).isEqualTo(before);
    }

    @Test
    void isNotListedInTheHelp() {
        CliRun r = CliRun.of("--help");
        assertThat(r.out()).contains("demo").doesNotContain("aot-training");
    }

    private static List<Path> trainingFolders() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("phonectl-aot-training-")).sorted().toList();
        }
    }
}
