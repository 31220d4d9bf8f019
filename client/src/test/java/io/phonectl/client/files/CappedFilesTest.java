package io.phonectl.client.files;

import io.phonectl.client.credentials.CredentialResolver;
import io.phonectl.client.credentials.CredentialsException;
import io.phonectl.client.inventory.Inventory;
import io.phonectl.client.inventory.InventoryException;
import io.phonectl.client.tls.TlsPolicy;
import io.phonectl.client.tls.TlsSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Endless and oversized files where the client reads what a user names (issue 16: {@code /dev/zero} as a fleet ran
 * out of memory). Runs in the 64 MiB {@code small-heap} JVM: an unbounded read fails it at once.
 */
@Tag("small-heap")
class CappedFilesTest {

    static final Path ZERO = Path.of("/dev/zero");
    static final Duration BOUND = Duration.ofSeconds(30);

    @Test
    void readsUpToTheCapAndNotOneBytePast(@TempDir Path dir) throws IOException {
        Path f = Files.write(dir.resolve("f"), new byte[1000]);
        assertThat(CappedFiles.read(f, 1000, "a test file")).hasSize(1000);
        assertThatThrownBy(() -> CappedFiles.read(f, 999, "a test file"))
                .isInstanceOf(CappedFiles.TooLargeException.class)
                .hasMessageContaining("more than 999 bytes, the cap for a test file");
        assertThat(CappedFiles.read(new ByteArrayInputStream(new byte[10]), 10, "stdin")).hasSize(10);
        assertThatThrownBy(() -> CappedFiles.read(new ByteArrayInputStream(new byte[11]), 10, "stdin"))
                .hasMessageContaining("stdin: more than 10 bytes");
    }

    @Test
    void firstLineIsCappedAndNeverEchoed(@TempDir Path dir) throws IOException {
        Path ok = Files.writeString(dir.resolve("pw"), "s3cret\r\nsecond line\n");
        assertThat(CappedFiles.firstLine(ok, 4096, "a password file")).isEqualTo("s3cret");
        Path longLine = Files.writeString(dir.resolve("long"), "x".repeat(5000));
        assertThatThrownBy(() -> CappedFiles.firstLine(longLine, 4096, "a password file"))
                .hasMessageContaining("longer than 4096 bytes").hasMessageNotContaining("xxxx");
    }

    @Test
    void devZeroAsEveryKindOfFileIsAClearErrorInBoundedMemory() {
        assumeTrue(Files.isReadable(ZERO), "no /dev/zero on this machine");
        assertTimeoutPreemptively(BOUND, () -> {
            assertThatThrownBy(() -> Inventory.read(ZERO)).isInstanceOf(InventoryException.class)
                    .hasMessageContaining("the cap for an inventory");
            assertThatThrownBy(() -> CappedFiles.firstLine(ZERO, CappedFiles.PASSWORD_LINE, "a password file"))
                    .hasMessageContaining("longer than " + CappedFiles.PASSWORD_LINE);
            assertThatThrownBy(() -> new CredentialResolver(Map.of()).resolve("file:" + ZERO, null))
                    .isInstanceOf(CredentialsException.class).hasMessageContaining("the cap for a credentials file");
            assertThatThrownBy(() -> TlsSupport.factory(TlsPolicy.verify(ZERO, null)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the cap for a trust file");
        });
    }

    @Test
    void aRegularFileOverTheCapIsRefusedUnread(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.csv");
        try (var ch = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap("x".getBytes(StandardCharsets.US_ASCII)), CappedFiles.INVENTORY + 10L);
        }
        // sparse: a regular file of 16 MiB that costs no disk; refused from its size alone
        assertThatThrownBy(() -> Inventory.read(big)).isInstanceOf(InventoryException.class)
                .hasMessageContaining("the cap for an inventory");
    }
}
