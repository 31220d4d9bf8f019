package io.phonectl.client.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the files a user names (inventories, XML payloads, password, credential and trust files) with a cap, so that
 * {@code /dev/zero}, a FIFO that never ends or a file far too large for what it claims to be costs a clear message, not
 * the process (issue 16: OutOfMemoryError, a stack trace, 4–5 GB). A regular file over the cap is refused before it is
 * read; anything else is read in chunks and given up on one byte past the cap, so memory stays at the cap.
 */
public final class CappedFiles {

    private static final int CHUNK = 64 * 1024;

    /** Largest inventory (fleet CSV or JSON): a discovered 100,000-phone fleet is about 8 MB. */
    public static final int INVENTORY = 16 * 1024 * 1024;
    /** Largest XML payload or document to validate: a push is at most 40 KB; device pages stay far below 1 MiB. */
    public static final int XML = 1024 * 1024;
    /** Largest password, credentials or trust file: a few certificates at most. */
    public static final int SECRETS = 1024 * 1024;
    /** Largest CUCM sync state (every configured phone as AXL described it). */
    public static final int SYNC_STATE = 64 * 1024 * 1024;
    /** Longest password line read from a password file. */
    public static final int PASSWORD_LINE = 4096;

    private CappedFiles() {
    }

    /** A file larger than its cap; the message names the file, the cap and what it was read as. */
    public static final class TooLargeException extends IOException {
        public TooLargeException(Path file, long cap, String what) {
            super(file + ": more than " + cap + " bytes, the cap for " + what
                    + " (an endless or device file, or the wrong file?)");
        }
    }

    /** The whole file, at most {@code cap} bytes; {@code what} names what it is read as, for the message. */
    public static byte[] read(Path file, int cap, String what) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) > cap) {
            throw new TooLargeException(file, cap, what);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, cap, () -> new TooLargeException(file, cap, what));
        }
    }

    /** The file as UTF-8 text, at most {@code cap} bytes. */
    public static String readString(Path file, int cap, String what) throws IOException {
        return new String(read(file, cap, what), StandardCharsets.UTF_8);
    }

    /** A stream (standard input) read to its end, at most {@code cap} bytes. */
    public static byte[] read(InputStream in, int cap, String what) throws IOException {
        return read(in, cap, () -> new IOException(what + ": more than " + cap + " bytes, the cap for it"));
    }

    /**
     * The first line of a file (without its CR/LF), at most {@code maxLine} bytes: a password file. A longer first line
     * is refused without echoing any of it (it may be the password, or a file given by mistake).
     */
    public static String firstLine(Path file, int maxLine, String what) throws IOException {
        byte[] line = new byte[maxLine];
        int n = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                if (n == maxLine) {
                    throw new IOException(file + ": the first line is longer than " + maxLine
                            + " bytes, the cap for " + what + " (an endless or device file, or the wrong file?)");
                }
                line[n++] = (byte) b;
            }
        }
        if (n > 0 && line[n - 1] == '\r') {
            n--;
        }
        return new String(line, 0, n, StandardCharsets.UTF_8);
    }

    private static byte[] read(InputStream in, int cap, java.util.function.Supplier<IOException> tooLarge)
            throws IOException {
        List<byte[]> chunks = new ArrayList<>();
        long total = 0;
        while (true) {
            byte[] chunk = in.readNBytes(CHUNK);
            if (chunk.length == 0) {
                break;
            }
            total += chunk.length;
            if (total > cap) {
                throw tooLarge.get();
            }
            chunks.add(chunk);
        }
        byte[] out = new byte[(int) total];
        int at = 0;
        for (byte[] c : chunks) {
            System.arraycopy(c, 0, out, at, c.length);
            at += c.length;
        }
        return out;
    }
}
