package io.phonectl.server.cucm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A trust file left by a killed process is deleted by the next one written; a live process's file is kept. */
class TrustFilesTest {

    @TempDir
    Path dir;

    @Test
    void theFilesOfProcessesThatAreGoneAreDeletedAndNoOthers() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertThat(gone.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Path left = Files.writeString(dir.resolve(TrustFiles.PREFIX + gone.pid() + "-123.pem"), "x");
        Path mine = Files.writeString(dir.resolve(TrustFiles.PREFIX + ProcessHandle.current().pid() + "-4.pem"), "x");
        Path other = Files.writeString(dir.resolve(TrustFiles.PREFIX + "notapid-5.pem"), "x");
        Path unrelated = Files.writeString(dir.resolve("something-else.pem"), "x");
        assertThat(TrustFiles.sweep(dir)).isEqualTo(1);
        assertThat(left).doesNotExist();
        assertThat(mine).exists();
        assertThat(other).exists();
        assertThat(unrelated).exists();
    }

    @Test
    void aNewFileIsOwnerOnlyAndNamedForThisProcess() throws Exception {
        Path f = TrustFiles.write("-----BEGIN CERTIFICATE-----\n");
        try {
            assertThat(f.getFileName().toString()).startsWith(TrustFiles.PREFIX + ProcessHandle.current().pid() + "-")
                    .endsWith(".pem");
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                    .isEqualTo("rw-------");
            assertThat(Files.readString(f)).startsWith("-----BEGIN CERTIFICATE-----");
        } finally {
            Files.deleteIfExists(f);
        }
    }
}
