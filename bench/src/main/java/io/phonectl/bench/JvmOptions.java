package io.phonectl.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM options {@code ./phonectl} gives a command, read from {@code bin/jvm.options} by the launcher's rules: the
 * line whose first word is the command, else the {@code *} line; blank lines and {@code #} comments skipped;
 * {@code {cache}} and {@code {stamp}} replaced as the launcher replaces them (the jar's folder and modification time),
 * and {@code {aot}} by what {@code bin/aot.sh} gives for this build of the jar (the options that map its
 * ahead-of-time cache, trained first when there is none; nothing with an older JDK).
 */
final class JvmOptions {

    /** The launcher's file, from the repository's root. */
    static final Path FILE = Path.of("bin/jvm.options");

    private JvmOptions() {
    }

    static List<String> read(Path file, String command, Path cache, String stamp) throws IOException {
        List<String> out = new java.util.ArrayList<>();
        for (String o : read(file, command)) {
            if (o.equals("{aot}")) {
                out.addAll(aotOptions(file, cache.resolve(CliBroadcast.JAR.getFileName()), stamp));
            } else {
                out.add(o.replace("{cache}", cache.toString()).replace("{stamp}", stamp));
            }
        }
        return out;
    }

    /**
     * What the launcher puts for {@code {aot}}, asked of the launcher's own {@code bin/aot.sh} for this JVM's java
     * (it trains the cache first when this build of the jar has none, as a user's first command would).
     */
    private static List<String> aotOptions(Path file, Path jar, String stamp) throws IOException {
        Path root = file.toAbsolutePath().getParent().getParent();
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", ". bin/jdk.sh && . bin/aot.sh && phonectl_aot_cache "
                + "\"$1\" \"$2\" \"$3\"", "aot", root.toString(), jar.toAbsolutePath().toString(), stamp)
                .directory(root.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("PHONECTL_JAVA", ProcessHandle.current().info().command().orElse("java"));
        Process p = pb.start();
        String options = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) {
                throw new IOException("bin/aot.sh exited " + p.exitValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while bin/aot.sh ran", e);
        }
        return options.isBlank() ? List.of() : List.of(options.strip().split("\\s+"));
    }

    /** The options as written, placeholders and all. */
    static List<String> read(Path file, String command) throws IOException {
        List<String> fallback = List.of();
        for (String line : Files.readAllLines(file)) {
            String[] words = line.strip().split("\\s+");
            if (words[0].isEmpty() || words[0].startsWith("#")) {
                continue;
            }
            List<String> options = Arrays.asList(words).subList(1, words.length);
            if (words[0].equals(command)) {
                return options;
            }
            if (words[0].equals("*") && fallback.isEmpty()) {
                fallback = options;
            }
        }
        return fallback;
    }
}
