package io.phonectl.cli.repo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/aot.sh}, the launcher's ahead-of-time cache, with a stand-in JDK: a {@code release} file that names its
 * version and a {@code java} script that logs its arguments and, when told to write a cache, writes one (or fails).
 * Checked: what is trained, when, under which name, what is added to the command, and what is left behind.
 */
class LauncherAotCacheTest {

    @TempDir
    Path dir;

    @Test
    void trainsOnceThenMapsTheCache() throws Exception {
        Path java = jdk("25", 0);
        Path jar = jar();
        Result first = cache(java, jar, "100");
        assertThat(first.options()).matches("-XX:AOTCache=" + jar.getParent() + "/cli-100-[0-9]+\\.aot -Xlog:aot=off "
                + "-Xlog:cds=off");
        assertThat(first.err()).contains("training the start-up cache");
        assertThat(calls()).hasSize(1);
        assertThat(calls().getFirst()).contains("-XX:TieredStopAtLevel=1", "-XX:AOTCacheOutput=", "-jar " + jar,
                "aot-training");
        Result second = cache(java, jar, "100");
        assertThat(second.options()).isEqualTo(first.options());
        assertThat(second.err()).isEmpty();
        assertThat(calls()).as("trained once per build").hasSize(1);
        // no temporary file, no lock left
        assertThat(names(jar.getParent())).containsExactlyInAnyOrder("phonectl.jar",
                first.options().replaceAll("^-XX:AOTCache=.*/(cli-[^ ]+) .*$", "$1"));
    }

    @Test
    void aNewBuildTrainsAgainAndDeletesTheOldCache() throws Exception {
        Path java = jdk("25", 0);
        Path jar = jar();
        cache(java, jar, "100");
        Result rebuilt = cache(java, jar, "200");
        assertThat(rebuilt.options()).contains("/cli-200-");
        assertThat(calls()).hasSize(2);
        assertThat(names(jar.getParent())).noneMatch(n -> n.startsWith("cli-100-"));
    }

    @Test
    void aFailedTrainingIsSaidOnceAndNotRepeated() throws Exception {
        Path java = jdk("25", 1);
        Path jar = jar();
        Result failed = cache(java, jar, "100");
        assertThat(failed.options()).isEmpty();
        assertThat(failed.err()).contains("could not be trained", ".aot.log");
        Result again = cache(java, jar, "100");
        assertThat(again.options()).isEmpty();
        assertThat(again.err()).isEmpty();
        assertThat(calls()).hasSize(1);
        assertThat(names(jar.getParent())).noneMatch(n -> n.endsWith(".lock") || n.matches(".*\\.aot\\.[0-9]+"));
    }

    @Test
    void nothingWithAnOlderJdkOrWhenTurnedOff() throws Exception {
        Path jar = jar();
        assertThat(cache(jdk("21", 0), jar, "100").options()).isEmpty();
        assertThat(calls()).isEmpty();
        Path java = jdk("25", 0);
        assertThat(run(java, jar, "100", "PHONECTL_AOT=off").options()).isEmpty();
        assertThat(calls()).isEmpty();
    }

    @Test
    void aCommandThatFindsTheLockTakenStartsWithoutTheCache() throws Exception {
        Path java = jdk("25", 0);
        Path jar = jar();
        cache(java, jar, "100");
        Path trained;
        try (Stream<Path> s = Files.list(jar.getParent())) {
            trained = s.filter(p -> p.getFileName().toString().endsWith(".aot")).findFirst().orElseThrow();
        }
        Files.delete(trained);
        Path lock = Files.createDirectory(Path.of(trained + ".lock")); // another command is training it
        assertThat(cache(java, jar, "100").options()).isEmpty();
        assertThat(calls()).hasSize(1);
        // a lock that a killed training left behind is taken over after five minutes
        Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minus(Duration.ofMinutes(6))));
        assertThat(cache(java, jar, "100").options()).isEqualTo("-XX:AOTCache=" + trained + " -Xlog:aot=off "
                + "-Xlog:cds=off");
        assertThat(calls()).hasSize(2);
        assertThat(lock).doesNotExist();
    }

    record Result(String options, String err) {
    }

    private Result cache(Path java, Path jar, String stamp) throws Exception {
        return run(java, jar, stamp, "PHONECTL_AOT=on");
    }

    private Result run(Path java, Path jar, String stamp, String env) throws Exception {
        Path root = RepositoryStandsAloneTest.repositoryRoot();
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Process p = new ProcessBuilder("bash", "-c", ". \"$1/bin/jdk.sh\"; . \"$1/bin/aot.sh\"; "
                + "export PHONECTL_JAVA=\"$2\" " + env + "; phonectl_aot_cache \"$5\" \"$3\" \"$4\"", "test",
                root.toString(), java.toString(), jar.toString(), stamp, dir.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(err)).isZero();
        return new Result(Files.readString(out), Files.readString(err));
    }

    /** A stand-in JDK of this version whose java writes the cache it is asked for and exits {@code rc}. */
    private Path jdk(String version, int rc) throws IOException {
        Path home = Files.createDirectories(dir.resolve("jdk-" + version + "-" + rc + "/bin"));
        Files.writeString(home.getParent().resolve("release"), "JAVA_VERSION=\"" + version + ".0.1\"\n");
        Path java = home.resolve("java");
        Files.writeString(java, "#!/usr/bin/env bash\necho \"$*\" >> \"" + dir.resolve("calls") + "\"\n"
                + "for a in \"$@\"; do case \"$a\" in -XX:AOTCacheOutput=*) [ " + rc + " = 0 ] && echo cache > "
                + "\"${a#-XX:AOTCacheOutput=}\";; esac; done\nexit " + rc + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
        return java;
    }

    private Path jar() throws IOException {
        Path target = Files.createDirectories(dir.resolve("cli/target"));
        return Files.writeString(target.resolve("phonectl.jar"), "jar");
    }

    private List<String> calls() throws IOException {
        Path calls = dir.resolve("calls");
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }
}
