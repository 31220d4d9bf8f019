package io.phonectl.server.testing;

import io.phonectl.server.db.DatabaseConfig;
import io.phonectl.server.db.Dialect;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service replica in a process of its own ({@link ChildServer}), for tests that kill it: its process, an admin
 * client, and its log. Closing it stops it cleanly (its standard input closes), or kills it after 10 s.
 */
public record Replica(String name, Process process, URI uri, String token, Path log) implements AutoCloseable {

    /** An admin client of this replica. */
    public Http admin() {
        return Http.at(uri).bearer(token);
    }

    /** Headers that authenticate as admin (for an event stream reader). */
    public java.util.Map<String, String> auth() {
        return java.util.Map.of("Authorization", "Bearer " + token);
    }

    /**
     * Starts a replica on {@code db} (H2 in {@code dir/data} unless PostgreSQL), with this heartbeat and lease, and
     * waits until it serves.
     */
    public static Replica start(Path dir, String name, DatabaseConfig db, Duration heartbeat, Duration lease)
            throws Exception {
        Path ready = dir.resolve("ready-" + name);
        Path log = dir.resolve("child-" + name + ".log");
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-D" + ChildServer.LEASE_BEAT_MS + "=" + heartbeat.toMillis(),
                "-D" + ChildServer.LEASE_MS + "=" + lease.toMillis(), "-cp", System.getProperty("java.class.path"),
                ChildServer.class.getName(), dir.resolve("data").toString(), ready.toString()));
        if (db.dialect() == Dialect.POSTGRESQL) {
            cmd.addAll(List.of(db.jdbcUrl(), db.user()));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
                .until(() -> Files.exists(ready) || !p.isAlive());
        Replica r = new Replica(name, p, null, null, log);
        assertThat(p.isAlive()).as(r::logText).isTrue();
        String[] portToken = Files.readString(ready, StandardCharsets.US_ASCII).split(" ");
        return new Replica(name, p, URI.create("http://127.0.0.1:" + portToken[0]), portToken[1], log);
    }

    /** SIGKILL, and wait until the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    public String logText() {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws Exception {
        if (!process.isAlive()) {
            return;
        }
        process.getOutputStream().close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
