package io.phonectl.cli.hostile;

import io.phonectl.client.testing.HostilePeer;
import io.phonectl.cli.console.Printable;
import io.phonectl.cli.exit.ExitCode;
import io.phonectl.cli.xsi.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Terminal escapes and fake lines through what phonectl prints (issue 16): a phone's reply text, a callback's data, a
 * fleet file's names and an error message carry ESC, BEL, CR/LF and bidi overrides; the output shows them escaped.
 */
class ControlCharactersTest {

    /** Clears the screen, sets the window title, then starts a fake line of our own output. */
    static final String EVIL = "\u001b[2J\u001b]0;owned\u0007\r\nphonectl: FAKE all phones succeeded\u202e";

    static void assertInert(String printed) {
        assertThat(printed).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\r")
                .doesNotContain("\u202e");
        assertThat(printed.lines()).noneMatch(l -> l.startsWith("phonectl: FAKE"));
    }

    @Test
    void printableEscapesEveryControlButKeepsText() {
        assertThat(Printable.of("plain café ✓")).isEqualTo("plain café ✓");
        assertThat(Printable.of("a\u001bb\nc\td\u0085e\u202ef")).isEqualTo("a\\x1bb\\nc\\td\\x85e\\u202ef");
        assertThat(Printable.lines("one\ntwo\u001b")).isEqualTo("one\ntwo\\x1b");
    }

    @Test
    void aPhonesReplyTextIsPrintedInert(@TempDir Path dir) throws Exception {
        Path pw = Files.writeString(dir.resolve("pw"), "secret\n");
        try (HostilePeer phone = HostilePeer.answering(200, "text/plain", EVIL)) {
            CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> CliRun.of("xsi", "push", "--phone",
                    phone.hostPort(), "--user", "u", "--password-file", pw.toString(), "Key:Services"));
            assertThat(r.exit()).isEqualTo(ExitCode.SOME_FAILED);
            assertThat(r.out()).contains("MALFORMED").contains("\\x1b[2J");
            assertInert(r.out() + r.err());
        }
        try (HostilePeer phone = HostilePeer.answering(200, "text/plain", EVIL)) {
            CliRun r = CliRun.of("xsi", "info", "--phone", phone.hostPort(), "device");
            assertThat(r.exit()).isEqualTo(ExitCode.SOME_FAILED);
            assertInert(r.out() + r.err());
        }
    }

    @Test
    void fleetNamesAndErrorMessagesArePrintedInert(@TempDir Path dir) throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Path pw = Files.writeString(dir.resolve("pw"), "secret\n");
        // a CSV line cannot hold CR/LF: the rest of the escapes, and a fake line after a space
        String name = EVIL.replace("\r\n", " ");
        Path fleet = Files.writeString(dir.resolve("f.csv"), "name,address,model\n\"" + name + "\",127.0.0.1:" + closed
                + ",CP-8845\n");
        CliRun r = CliRun.of("xsi", "broadcast", "--fleet", fleet.toString(), "--user", "u", "--password-file",
                pw.toString(), "--attempts", "1", "Key:Services");
        assertThat(r.exit()).isEqualTo(ExitCode.SOME_FAILED);
        assertThat(r.out()).contains("e.g. \\x1b[2J");
        assertInert(r.out());
        Path badAddress = Files.writeString(dir.resolve("g.csv"), "name,address\na,\"" + name + "\"\n");
        CliRun bad = CliRun.of("xsi", "broadcast", "--fleet", badAddress.toString(), "Key:Services");
        assertThat(bad.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertInert(bad.err());
    }

    @Test
    void aCallbacksDataIsPrintedInert() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CompletableFuture<CliRun> listening = CompletableFuture.supplyAsync(() -> CliRun.of("xsi", "listen", "--port",
                String.valueOf(port), "--count", "1", "--for", "30"));
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/notify"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("DATA=" + URLEncoder.encode(EVIL, StandardCharsets.UTF_8)))
                .build();
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> http.send(post, HttpResponse.BodyHandlers.discarding()).statusCode() < 500);
        CliRun r = listening.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(r.exit()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("data \\x1b[2J");
        assertInert(r.out());
    }
}
