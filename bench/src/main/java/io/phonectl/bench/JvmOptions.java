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
 * and {@code {aot}} by the options that map the ahead-of-time cache {@code bin/aot.sh} trained for this build of the
 * jar ({@code cli-<stamp>-<jdk>.aot} in the jar's folder), which must exist: {@code ./phonectl --version} trains it.
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
                out.addAll(List.of("-XX:AOTCache=" + aotCache(cache, stamp), "-Xlog:aot=off", "-Xlog:cds=off"));
            } else {
                out.add(o.replace("{cache}", cache.toString()).replace("{stamp}", stamp));
            }
        }
        return out;
    }

    /** The launcher's ahead-of-time cache of this build of the jar (one per JDK; the only one, here). */
    private static Path aotCache(Path cache, String stamp) throws IOException {
        List<Path> found;
        try (var files = Files.list(cache)) {
            found = files.filter(f -> f.getFileName().toString().matches("cli-" + stamp + "-[0-9]+\\.aot")).toList();
        }
        if (found.size() != 1) {
            throw new IllegalStateException(found.size() + " ahead-of-time caches of this jar in " + cache + " " + found
                    + ": run ./phonectl --version once after the build (it trains the one of its JDK), with no other "
                    + "JDK's beside it");
        }
        return found.getFirst();
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
