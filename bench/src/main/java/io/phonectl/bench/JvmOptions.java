package io.phonectl.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM options {@code ./phonectl} gives a command, read from {@code bin/jvm.options} by the launcher's rules: the
 * line whose first word is the command, else the {@code *} line; blank lines and {@code #} comments skipped;
 * {@code {cache}} and {@code {stamp}} replaced as the launcher replaces them (the jar's folder and modification time).
 */
final class JvmOptions {

    /** The launcher's file, from the repository's root. */
    static final Path FILE = Path.of("bin/jvm.options");

    private JvmOptions() {
    }

    static List<String> read(Path file, String command, Path cache, String stamp) throws IOException {
        return read(file, command).stream()
                .map(o -> o.replace("{cache}", cache.toString()).replace("{stamp}", stamp)).toList();
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
