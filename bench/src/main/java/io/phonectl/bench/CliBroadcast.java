package io.phonectl.bench;

import io.phonectl.client.inventory.PhoneEntry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code phonectl xsi broadcast} as {@code ./phonectl} runs it: a JVM of its own started from the distribution's
 * jar ({@code cli/target/phonectl.jar}) with the options {@code bin/jvm.options} gives the {@code xsi} command, so
 * what is measured is a user's cold command, JIT and all. Its time to N comes from its own report
 * ({@code --report FILE.json}); its CPU from the kernel's account of this process's reaped children.
 */
final class CliBroadcast {

    static final Path JAR = Path.of("cli/target/phonectl.jar");
    private static final long TIMEOUT_S = 300;

    /** What one command reported: per-phone times in inventory order, its wall, and its CPU (user, system, ms). */
    record Result(JsonNode report, long processMillis, double userMs, double systemMs) {

        long[] atMillis() {
            JsonNode results = report.get("results");
            long[] at = new long[results.size()];
            for (int i = 0; i < at.length; i++) {
                at[i] = results.get(i).get("atMillis").asLong();
            }
            return at;
        }

        long succeeded() {
            return report.get("succeeded").asLong();
        }

        long wallMillis() {
            return report.get("wallMillis").asLong();
        }
    }

    private CliBroadcast() {
    }

    /** Fails early, with what to do, when the distribution or the options file is not where the README builds it. */
    static void check() {
        if (!Files.isRegularFile(JAR) || !Files.isRegularFile(JvmOptions.FILE)) {
            throw new IllegalStateException("--cli needs " + JAR + " and " + JvmOptions.FILE + " under the working folder: "
                    + "run from the repository's root after ./build -o -q -Pbench -pl bench,cli -am package -DskipTests");
        }
    }

    /**
     * Broadcasts a text object to {@code phones} (user admin, password admin) through the CLI; {@code extra} JVM
     * options come after the file's, as {@code PHONECTL_JAVA_OPTS} does in the launcher (an A/B of JVM options).
     */
    static Result run(List<PhoneEntry> phones, List<String> extra) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("phonectl-bench-cli");
        try {
            Path fleet = dir.resolve("fleet.csv");
            StringBuilder csv = new StringBuilder("name,address,model\n");
            for (PhoneEntry p : phones) {
                csv.append(p.name()).append(',').append(p.address()).append(',').append(p.model()).append('\n');
            }
            Files.writeString(fleet, csv, StandardCharsets.UTF_8);
            Path password = Files.writeString(dir.resolve("password"), "admin", StandardCharsets.UTF_8);
            Path report = dir.resolve("report.json");
            List<String> cmd = new ArrayList<>();
            cmd.add(ProcessHandle.current().info().command().orElse("java"));
            cmd.addAll(JvmOptions.read(JvmOptions.FILE, "xsi", JAR.toAbsolutePath().getParent(),
                    Long.toString(Files.getLastModifiedTime(JAR).toMillis() / 1000)));
            cmd.addAll(extra);
            // the absolute path, as the launcher starts it: the ahead-of-time cache names the jar it was trained with
            cmd.addAll(List.of("-jar", JAR.toAbsolutePath().toString(), "xsi", "broadcast", "--fleet", fleet.toString(),
                    "--user", "admin", "--password-file", password.toString(), "--report", report.toString(),
                    "object_text", "title=Bench", "text=Broadcast"));
            long[] children0 = reapedChildrenCpu();
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("out").toFile())
                    .start();
            if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new IOException("phonectl xsi broadcast did not end within " + TIMEOUT_S + " s");
            }
            long processMillis = (System.nanoTime() - t0) / 1_000_000;
            long[] children1 = reapedChildrenCpu();
            if (!Files.isRegularFile(report)) {
                throw new IOException("phonectl xsi broadcast exited " + p.exitValue() + " without a report: "
                        + Files.readString(dir.resolve("out")).lines().limit(20).toList());
            }
            return new Result(JsonMapper.builder().build().readTree(report.toFile()), processMillis,
                    (children1[0] - children0[0]) / 1e6, (children1[1] - children0[1]) / 1e6);
        } finally {
            TempDirs.delete(dir);
        }
    }

    /**
     * User and system CPU, in nanoseconds, of this process's children that have ended and been waited for
     * ({@code cutime} and {@code cstime} of {@code /proc/self/stat}, 10 ms ticks): a child's whole CPU once it is
     * reaped, whatever threads it ran.
     */
    static long[] reapedChildrenCpu() throws IOException {
        return ProcessFigures.procStatCpu(13);
    }
}
