package io.phonectl.cli.repo;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clone of the repository builds and tests on its own: no test, test resource or build file names a path outside
 * it (the specification beside a working copy, a machine's home or work folder). The seed cross-checks get their
 * folder only from {@code -Dphonectl.shared} on the command line (.ci/run), never from a file in the repository.
 */
class RepositoryStandsAloneTest {

    /** Paths that only exist on a developer's or CI's machine, never in a clone. */
    private static final Pattern MACHINE_PATH = Pattern.compile("\\.\\./shared\\b|(?<![\\w.])/(work|root)/");
    /** A Maven property followed by a step out of the folder it names: {@code ${…}/..}. */
    private static final Pattern PROPERTY_ESCAPE = Pattern.compile("\\$\\{[^}]+}/\\.\\.");
    /** A relative path literal in test code that climbs: resolved against the module, it must stay inside. */
    private static final Pattern CLIMBING_LITERAL = Pattern.compile("\"((?:\\.\\./)+[^\"]*)\"");

    private static final String SELF = "RepositoryStandsAloneTest.java";

    @Test
    void noTestOrBuildFileReadsOutsideTheRepository() throws IOException {
        Path root = repositoryRoot();
        List<String> findings = new ArrayList<>();
        for (Path file : checkedFiles(root)) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (MalformedInputException binary) {
                continue; // images, audio: no paths to check
            }
            findings.addAll(findingsIn(root, file, text));
        }
        assertThat(findings).as("paths outside the repository in tests or build files").isEmpty();
    }

    @Test
    void theCheckFindsEachKindOfEscape() {
        Path root = Path.of("/repo");
        Path test = root.resolve("xsi/src/test/java/A.java");
        assertThat(findingsIn(root, test, "Path.of(\"../shared/seeds\")")).hasSize(1);
        assertThat(findingsIn(root, test, "System.getProperty(\"p\", \"/work/shared\")")).hasSize(1);
        assertThat(findingsIn(root, root.resolve("pom.xml"), "<p>${maven.multiModuleProjectDirectory}/../x</p>"))
                .hasSize(1);
        assertThat(findingsIn(root, test, "Path.of(\"../../../etc/passwd\")")).hasSize(1);
        // inside the repository: a module's test reading the docs folder beside it
        assertThat(findingsIn(root, root.resolve("cli/src/test/java/B.java"), "Path.of(\"../docs/cli.md\")")).isEmpty();
        assertThat(findingsIn(root, test, "Path.of(\"/home/u\") // a value, not a read")).isEmpty();
    }

    static List<String> findingsIn(Path root, Path file, String text) {
        List<String> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        Path module = moduleOf(root, file);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String where = root.relativize(file) + ":" + (i + 1) + ": ";
            if (MACHINE_PATH.matcher(line).find() || PROPERTY_ESCAPE.matcher(line).find()) {
                out.add(where + line.strip());
                continue;
            }
            Matcher m = CLIMBING_LITERAL.matcher(line);
            while (m.find()) {
                if (!module.resolve(m.group(1)).normalize().startsWith(root)) {
                    out.add(where + line.strip());
                }
            }
        }
        return out;
    }

    /** Tests run with the module folder as working directory; a build file's own folder otherwise. */
    private static Path moduleOf(Path root, Path file) {
        Path rel = root.relativize(file);
        int src = -1;
        for (int i = 0; i < rel.getNameCount(); i++) {
            if (rel.getName(i).toString().equals("src")) {
                src = i;
                break;
            }
        }
        return src > 0 ? root.resolve(rel.subpath(0, src)) : file.getParent();
    }

    private static List<Path> checkedFiles(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(root)) {
            all.filter(Files::isRegularFile).filter(p -> isChecked(root.relativize(p))).forEach(files::add);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        assertThat(files).as("files checked under " + root).hasSizeGreaterThan(50);
        return files;
    }

    private static boolean isChecked(Path rel) {
        String s = rel.toString().replace('\\', '/');
        if (s.startsWith(".git/") || s.contains("/target/") || s.startsWith("target/")
                || s.contains("/node_modules/") || rel.endsWith(SELF)) {
            // this file holds the escapes as samples for its own self-test
            return false;
        }
        return s.contains("/src/test/") || s.endsWith("pom.xml") || s.equals("build") || s.equals("phonectl")
                || s.startsWith("bin/") || s.startsWith(".ci/") || s.startsWith(".mvn/");
    }

    /** The folder holding the parent POM, found upwards from the module the test runs in. */
    static Path repositoryRoot() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path pom = d.resolve("pom.xml");
            if (Files.isRegularFile(pom) && Files.readString(pom).contains("<artifactId>phonectl-parent</artifactId>")
                    && Files.isDirectory(d.resolve("xsi"))) {
                return d;
            }
        }
        throw new AssertionError("no phonectl-parent pom.xml above " + dir);
    }
}
