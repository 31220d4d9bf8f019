package io.phonectl.sim.play;

import io.phonectl.media.g711.G711;
import io.phonectl.media.ring.RingFileChecker;
import io.phonectl.xsi.Violation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The ring files a simulated phone can {@code Play:} — what a real phone finds on its TFTP server. A few built-in
 * clips are generated at start-up (so {@code Play:Chime.raw} works out of the box); a configured directory adds
 * or overrides {@code .raw} files. Every clip is held to the ring-file rules of {@link RingFileChecker}: a file that
 * breaks them is refused at start-up with the checker's violations. A clip's length (samples / 8000) is how long
 * {@code Play:} holds the HTTP answer.
 */
public final class ClipSource {

    /** Built-in names and their sample counts (multiples of 240, within 240..16080). */
    static final Map<String, Integer> BUILT_IN = Map.of("Chime.raw", 4_080, "Beep.raw", 240, "Classic2.raw", 16_080);

    private final Map<String, Integer> samples;

    private ClipSource(Map<String, Integer> samples) {
        this.samples = Map.copyOf(samples);
    }

    /** The built-in clips only. */
    public static ClipSource builtIn() {
        return of(null);
    }

    /**
     * The built-in clips plus every {@code *.raw} in {@code directory} (null = none).
     *
     * @throws IllegalArgumentException naming the file and its violations when a file breaks the ring rules
     */
    public static ClipSource of(Path directory) {
        Map<String, Integer> m = new TreeMap<>();
        BUILT_IN.forEach((name, n) -> m.put(name, checked(name, generate(n, name.hashCode())).length));
        if (directory != null) {
            try (var files = Files.list(directory)) {
                for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".raw")).sorted().toList()) {
                    List<Violation> v = RingFileChecker.check(f);
                    if (!v.isEmpty()) {
                        throw new IllegalArgumentException("clip " + f + ": " + v);
                    }
                    m.put(f.getFileName().toString(), (int) Files.size(f));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("clip directory " + directory + " cannot be listed", e);
            }
        }
        return new ClipSource(m);
    }

    /** How long {@code file} plays, or empty when the phone has no such file. */
    public Optional<Duration> length(String file) {
        Integer n = samples.get(file);
        return n == null ? Optional.empty() : Optional.of(Duration.ofNanos(n * 1_000_000_000L / G711.SAMPLE_RATE));
    }

    /** Every clip with its length in samples, by name. */
    public Map<String, Integer> clips() {
        return new LinkedHashMap<>(new TreeMap<>(samples));
    }

    /**
     * A deterministic tone of {@code n} µ-law samples: a sine (pitch from {@code seed}) under a half-sine envelope,
     * so the first and last samples are at the zero line as the ring rules require.
     */
    static byte[] generate(int n, int seed) {
        double hz = 400 + Math.floorMod(seed, 5) * 100;
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            double envelope = Math.sin(Math.PI * i / (n - 1));
            double v = 12_000 * envelope * Math.sin(2 * Math.PI * hz * i / G711.SAMPLE_RATE);
            out[i] = G711.MU_LAW.encode((short) Math.round(v));
        }
        return out;
    }

    private static byte[] checked(String name, byte[] raw) {
        List<Violation> v = RingFileChecker.check(raw);
        if (!v.isEmpty()) {
            throw new IllegalStateException("built-in clip " + name + " breaks the ring rules: " + v);
        }
        return raw;
    }
}
