package io.phonectl.cli.sim;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 hardening: {@code phonectl sim} in its own process stops within seconds of SIGTERM while a phone is in
 * the middle of fetching a page that streams forever (the in-flight fetch is cancelled). A real process with a
 * 256 MB heap, a real signal ({@link Process#destroy()} is SIGTERM on Unix), a plain JDK client to push. Before the
 * fix the page was read whole: the heap filled, the phone's HTTP client died and the stop never completed.
 */
class SimStopTest {

    /** "Within a few seconds": the host stops its server with a 2 s grace after aborting fetches. */
    static final long STOP_SECONDS = 10;

    @TempDir
    Path dir;
    Process sim;
    ServerSocket trickle;

    @AfterEach
    void cleanUp() throws IOException {
        if (sim != null && sim.isAlive()) {
            sim.destroyForcibly();
        }
        if (trickle != null) {
            trickle.close();
        }
    }

    @Test
    void sigtermStopsTheSimulatorWithAFetchInFlight() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        sim = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), "io.phonectl.cli.Main", "sim",
                "--phones", "1", "--models", "CP-8845", "--password", "admin", "--inspect-port", "-1",
                "--state-dir", dir.toString()).redirectErrorStream(true).start();
        URI phone = phoneUri(sim);
        trickle = new ServerSocket();
        trickle.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        CompletableFuture<Void> peer = CompletableFuture.runAsync(this::streamForever);
        String xml = "<CiscoIPPhoneExecute><ExecuteItem URL=\"http://127.0.0.1:" + trickle.getLocalPort()
                + "/forever\"/></CiscoIPPhoneExecute>";
        HttpClient http = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<String>> push = http.sendAsync(HttpRequest.newBuilder(phone.resolve("/CGI/Execute"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("XML=" + URLEncoder.encode(xml, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> accepted > 0);

        sim.destroy(); // SIGTERM
        boolean exited = sim.waitFor(STOP_SECONDS, TimeUnit.SECONDS);
        assertThat(exited).as("the simulator still runs " + STOP_SECONDS + " s after SIGTERM").isTrue();
        push.handle((r, x) -> null).get(5, TimeUnit.SECONDS);
        peer.cancel(true);
    }

    private volatile int accepted;

    /** Answers 200 and then streams a body forever, as fast as it is read: the page the phone is fetching. */
    private void streamForever() {
        try (Socket s = trickle.accept(); OutputStream out = s.getOutputStream()) {
            accepted++;
            out.write("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) '<');
            while (true) {
                out.write(chunk);
            }
        } catch (IOException e) {
            // the phone hung up or the test ended
        }
    }

    /** The first phone's URI from the simulator's start-up lines ("  first: SEP… CP-8845 http://…/"). */
    private static URI phoneUri(Process p) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Pattern first = Pattern.compile("first: \\S+ \\S+ (http://\\S+)");
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            seen.append(line).append('\n');
            Matcher m = first.matcher(line);
            if (m.find()) {
                URI u = URI.create(m.group(1));
                Thread.ofVirtual().start(() -> out.lines().forEach(l -> { })); // keep draining
                return u;
            }
        }
        throw new AssertionError("no phone address in the output:\n" + seen);
    }
}
