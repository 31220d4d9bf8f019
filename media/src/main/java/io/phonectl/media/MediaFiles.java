package io.phonectl.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an audio file with a cap: a regular file over it is refused unread, anything else (a FIFO, {@code /dev/zero})
 * is read one byte past the cap at most, so that an endless file costs a clear error, not the process (issue 16).
 */
public final class MediaFiles {

    private MediaFiles() {
    }

    /** The file's bytes, or null when it holds more than {@code cap}. */
    public static byte[] readAtMost(Path file, int cap) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) > cap) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(cap + 1);
            return bytes.length > cap ? null : bytes;
        }
    }
}
