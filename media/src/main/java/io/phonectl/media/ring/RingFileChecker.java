package io.phonectl.media.ring;

import io.phonectl.media.RingFileException;
import io.phonectl.media.g711.G711;
import io.phonectl.xsi.Sources;
import io.phonectl.xsi.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rules for ring tones and {@code Play:} files: raw µ-law, 8 kHz, no header, 240–16080 samples, a multiple of
 * 240, starting and ending at a zero crossing (control spec, Play URI; reference notes §2.9).
 *
 * <p>"At a zero crossing" is read as: the sample lies in µ-law segment 0, |value| ≤ 120 of 32124 (−48 dBFS), the
 * quantiser's innermost segment around the zero line. A file whose first or last sample is louder than that starts
 * or stops with a step the phone plays as a click, which is what the rule exists to prevent.
 */
public final class RingFileChecker {
    public static final int MIN_SAMPLES = 240;
    public static final int MAX_SAMPLES = 16080;
    public static final int SAMPLE_MULTIPLE = 240;
    public static final int ZERO_CROSSING_LIMIT = 120;
    private static final long MAX_FILE_BYTES = 1 << 20;

    private RingFileChecker() {
    }

    /** Every rule the file breaks, in a stable order; empty when the file is valid. */
    public static List<Violation> check(byte[] raw) {
        List<Violation> violations = new ArrayList<>();
        int n = raw.length;
        if (n >= 4 && raw[0] == 'R' && raw[1] == 'I' && raw[2] == 'F' && raw[3] == 'F') {
            violations.add(Violation.of("header", "RIFF", "a ring file is raw µ-law without a header; this looks like a WAV file, convert it",
                    Sources.CONTROL_SPEC));
        }
        if (n < MIN_SAMPLES) {
            violations.add(Violation.of("samples", describe(n), "at least " + MIN_SAMPLES + " samples (30 ms)", Sources.CONTROL_SPEC));
        }
        if (n > MAX_SAMPLES) {
            violations.add(Violation.of("samples", describe(n), "at most " + MAX_SAMPLES + " samples (2.01 s)", Sources.CONTROL_SPEC));
        }
        if (n % SAMPLE_MULTIPLE != 0) {
            violations.add(Violation.of("samples", describe(n), "a multiple of " + SAMPLE_MULTIPLE, Sources.CONTROL_SPEC));
        }
        if (n > 0) {
            zeroCrossing(raw[0], "first sample", "start", violations);
            zeroCrossing(raw[n - 1], "last sample", "end", violations);
        }
        return List.copyOf(violations);
    }

    /** Reads and checks a .raw file; files over 1 MiB (65× the limit) are refused unread. */
    public static List<Violation> check(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                return List.of(Violation.of("samples", size, "at most " + MAX_SAMPLES + " samples (2.01 s); file not read",
                        Sources.CONTROL_SPEC));
            }
            return check(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Throws {@link RingFileException} with every broken rule listed. */
    public static void requireValid(byte[] raw) {
        List<Violation> violations = check(raw);
        if (!violations.isEmpty()) {
            throw new RingFileException(violations);
        }
    }

    public static boolean atZeroCrossing(byte code) {
        return Math.abs(G711.MU_LAW.decode(code)) <= ZERO_CROSSING_LIMIT;
    }

    private static void zeroCrossing(byte code, String field, String where, List<Violation> violations) {
        if (!atZeroCrossing(code)) {
            String value = String.format(Locale.ROOT, "0x%02X (%d)", code & 0xFF, G711.MU_LAW.decode(code));
            violations.add(Violation.of(field, value, "must " + where + " at a zero crossing (|value| ≤ " + ZERO_CROSSING_LIMIT
                    + ", µ-law segment 0)", Sources.CONTROL_SPEC));
        }
    }

    static String describe(int samples) {
        return String.format(Locale.ROOT, "%d (%.3f s)", samples, samples / 8000.0);
    }
}
