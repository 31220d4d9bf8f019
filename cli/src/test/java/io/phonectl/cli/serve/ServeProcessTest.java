package io.phonectl.cli.serve;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code phonectl serve --demo} as a real child process (this test's JDK and class path): it becomes ready, writes
 * the admin token file with mode 0600, answers /health and lists the imported devices to a JDK HttpClient with
 * that token, never prints the token, and stops on SIGTERM within a bounded time.
 */
class ServeProcessTest {

    private static final Pattern READY = Pattern.compile("ready at (http://127\\.0\\.0\\.1:\\d+)");

    private Process process;

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void demoServesImportedDevicesAndStopsOnSigterm(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Path tokenFile = dir.resolve("admin.token");
        String java = ProcessHandle.current().info().command().orElseThrow();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "io.phonectl.cli.Main", "serve", "--demo", "--port", "0", "--data", data.toString(),
                "--admin-token-file", tokenFile.toString());
        pb.environment().remove("PHONECTL_ADMIN_PASSWORD");
        pb.environment().remove("PHONECTL_MASTER_KEY");
        pb.redirectErrorStream(true);
        process = pb.start();
        List<String> output = new CopyOnWriteArrayList<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    output.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        String[] base = new String[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(process.isAlive()).as("serve is running; output so far: " + output).isTrue();
            for (String line : output) {
                Matcher m = READY.matcher(line);
                if (m.find()) {
                    base[0] = m.group(1);
                }
            }
            return base[0] != null;
        });
        assertThat(Files.getPosixFilePermissions(tokenFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String token = Files.readString(tokenFile).strip();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(base[0] + "/health"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"ready\":true");
        HttpResponse<String> devices = client.send(HttpRequest.newBuilder(URI.create(base[0] + "/api/v1/devices?limit=5"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(devices.statusCode()).isEqualTo(200);
        assertThat(devices.body()).contains("\"items\":[", "\"next\":\"", "\"total\":1005", "\"kind\":\"xsi\"");
        HttpResponse<String> xapi = client.send(HttpRequest.newBuilder(URI.create(base[0]
                        + "/api/v1/devices?where=kind%3Droomos,phoneos")).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(xapi.body()).contains("\"total\":5");
        assertThat(String.join("\n", output)).contains("one-time password").doesNotContain(token);

        long t0 = System.nanoTime();
        // SIGTERM through the handle: Process.destroy() would also close our end of the pipe and lose the last lines
        assertThat(process.toHandle().destroy()).isTrue();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stopped within 20 s of SIGTERM").isTrue();
        reader.join(Duration.ofSeconds(10));
        assertThat(String.join("\n", output)).as("exit value " + process.exitValue()).contains("phonectl: stopped")
                // the stop's own writes reach the database: H2's shutdown hook does not close it under them
                .doesNotContain("could not mark itself stopped").doesNotContain("Database is already closed");
        System.out.printf("serve --demo stopped %d ms after SIGTERM%n", (System.nanoTime() - t0) / 1_000_000);
    }
}
