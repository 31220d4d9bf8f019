package io.phonectl.cli.hostile;

import io.phonectl.client.testing.HostilePeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * phonectl as a real process with a 64 MiB heap (issue 16): a phone that sends headers forever no longer runs it out
 * of memory, so SIGTERM mid-broadcast still ends it; output lost to a full disk is a non-zero exit. Every process
 * started here is stopped by its handle.
 */
class ProcessSignalsTest {

    static Process start(Path dir, File stdout, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), "io.phonectl.cli.Main"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(stdout)
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
    }

    @Test
    void sigtermEndsABroadcastStuckOnAHostileAndASilentPhone(@TempDir Path dir) throws Exception {
        try (HostilePeer headers = HostilePeer.start(HostilePeer.Behavior.HEADERS_FOREVER);
             HostilePeer silent = HostilePeer.start(HostilePeer.Behavior.SILENT)) {
            Path pw = Files.writeString(dir.resolve("pw"), "secret\n");
            Path fleet = Files.writeString(dir.resolve("fleet.csv"), "name,address,model\nheaders,"
                    + headers.hostPort() + ",CP-8845\nsilent," + silent.hostPort() + ",CP-8845\n");
            Process p = start(dir, dir.resolve("stdout.txt").toFile(), "xsi", "broadcast", "--fleet",
                    fleet.toString(), "--user", "u", "--password-file", pw.toString(), "--deadline", "300",
                    "--timeout", "250", "--attempts", "1", "Key:Services");
            try {
                // the hostile phone is decided (one failed outcome on the progress line) while the silent one is
                // still in flight: the run goes on, in 64 MiB (before the header cap it ran out of memory here)
                Path err = dir.resolve("stderr.txt");
                await().atMost(Duration.ofSeconds(60)).until(() -> !p.isAlive() || silent.connections() > 0
                        && Files.readString(err, StandardCharsets.UTF_8).contains("failed 1"));
                assertThat(p.isAlive()).as("still pushing to the silent phone").isTrue();
                assertThat(Files.readString(err, StandardCharsets.UTF_8)).doesNotContain("OutOfMemoryError");
                p.destroy(); // SIGTERM
                assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("ended after SIGTERM").isTrue();
                assertThat(p.exitValue()).isNotZero();
            } finally {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void outputToAFullDiskIsANonZeroExit(@TempDir Path dir) throws Exception {
        File full = new File("/dev/full");
        assumeTrue(full.canWrite(), "no /dev/full here");
        Process p = start(dir, full, "xsi", "actions");
        try {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(2);
            assertThat(Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8))
                    .contains("the output could not be written");
        } finally {
            p.destroyForcibly();
        }
    }
}
