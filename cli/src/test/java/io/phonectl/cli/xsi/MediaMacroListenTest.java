package io.phonectl.cli.xsi;

import io.phonectl.cli.exit.ExitCode;
import io.phonectl.cli.Main;
import io.phonectl.sim.FleetHost;
import io.phonectl.sim.SimConfig;
import io.phonectl.sim.phone.SimPhone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code xsi media}, {@code xsi macro} and {@code xsi listen} against simulated phones and a plain JDK HTTP client. */
class MediaMacroListenTest {

    static final List<String> MODELS = List.of("CP-8845", "CP-8821", "CP-8875", "CP-7841");

    @TempDir
    static Path dir;
    static FleetHost fleet;
    static OpsFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fleet = FleetHost.start(SimConfig.ephemeral(MODELS.size(), MODELS)
                .withUsers(Map.of(OpsFixture.USER, OpsFixture.PASSWORD)));
        fx = new OpsFixture(dir);
    }

    @AfterAll
    static void stop() {
        fx.assertNoPasswordPrinted();
        fleet.close();
    }

    static SimPhone phone(String model) {
        return fleet.phones().stream().filter(x -> x.model().name().equals(model)).findFirst().orElseThrow();
    }

    static String address(String model) {
        return "127.0.0.1:" + phone(model).address().getPort();
    }

    CliRun xsi(String verb, String model, String... rest) {
        String[] head = {"xsi", verb, "--phone", address(model), "--credentials", "file:" + fx.properties};
        String[] args = new String[head.length + rest.length];
        System.arraycopy(head, 0, args, 0, head.length);
        System.arraycopy(rest, 0, args, head.length, rest.length);
        return fx.run(args);
    }

    @Test
    void mediaStartsAndStopsAStreamAndReportsRefusals() {
        CliRun started = fx.run("xsi", "media", "start", "--phone", address("CP-8845"), "--credentials",
                "file:" + fx.properties, "--ip", "239.255.77.77", "--port", "24680", "--json");
        assertThat(started.exit()).as(started.out() + started.err()).isEqualTo(ExitCode.OK);
        Matcher id = Pattern.compile("\"streamId\" : \"([^\"]+)\"").matcher(started.out());
        assertThat(id.find()).as(started.out()).isTrue();
        CliRun stopped = fx.run("xsi", "media", "stop", "--phone", address("CP-8845"), "--credentials",
                "file:" + fx.properties, "--stream", id.group(1));
        assertThat(stopped.exit()).as(stopped.out()).isEqualTo(ExitCode.OK);
        CliRun unknown = fx.run("xsi", "media", "stop", "--phone", address("CP-8845"), "--credentials",
                "file:" + fx.properties, "--stream", id.group(1));
        assertThat(unknown.exit()).isEqualTo(ExitCode.SOME_FAILED);
        assertThat(unknown.out()).contains("MEDIA_ERROR").contains("InvalidResourceID");
        CliRun legacy = fx.run("xsi", "media", "start", "--phone", address("CP-7841"), "--credentials",
                "file:" + fx.properties, "--ip", "239.255.77.77", "--port", "24680");
        assertThat(legacy.exit()).isEqualTo(ExitCode.SOME_FAILED);
        CliRun badPort = fx.run("xsi", "media", "start", "--phone", address("CP-8845"), "--credentials",
                "file:" + fx.properties, "--ip", "239.255.77.77", "--port", "20479");
        assertThat(badPort.exit()).isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void macrosRunToTheirEnd() {
        CliRun prt = xsi("macro", "CP-8821", "generate_problem_report", "--poll-interval", "1");
        assertThat(prt.exit()).as(prt.out() + prt.err()).isEqualTo(ExitCode.OK);
        assertThat(prt.out()).contains("Device:GeneratePRT").endsWith("done\n");
        CliRun tftp = xsi("macro", "CP-8875", "set_tftp_server_address_8875", "--poll-interval", "1");
        assertThat(tftp.exit()).as(tftp.out() + tftp.err()).isEqualTo(ExitCode.OK);
        assertThat(phone("CP-8875").device().settings()).containsEntry("TFTPServer1", "1.00.7.34.1");
        CliRun unknown = xsi("macro", "CP-8821", "no_such_macro");
        assertThat(unknown.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(unknown.err()).contains("generate_problem_report");
    }

    @Test
    void listenPrintsCallbacksAndRejectsWrongCredentials() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> Main.run(new PrintWriter(out),
                new PrintWriter(err), "xsi", "listen", "--port", "0", "--credentials", "file:" + fx.properties,
                "--count", "2", "--for", "30"));
        Pattern listening = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/");
        await().atMost(Duration.ofSeconds(20)).until(() -> listening.matcher(out.toString()).find() || run.isDone());
        Matcher m = listening.matcher(out.toString());
        assertThat(m.find()).as(out + " / " + err).isTrue();
        URI uri = URI.create("http://127.0.0.1:" + m.group(1) + "/notify");
        String event = "<notifyMediaEvent type=\"stopped\" origin=\"user\"><mediaStream id=\"s7\"/></notifyMediaEvent>";
        try (HttpClient http = HttpClient.newHttpClient()) {
            assertThat(post(http, uri, OpsFixture.PASSWORD, event)).isEqualTo(200);
            assertThat(post(http, uri, "wrong", "hello")).isBetween(400, 499);
        }
        assertThat(run.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("/notify media stopped origin=user stream=s7").contains("rejected HTTP 401");
        assertThat(out + err.toString()).doesNotContain(OpsFixture.PASSWORD);
    }

    private static int post(HttpClient http, URI uri, String password, String data) throws Exception {
        String basic = Base64.getEncoder().encodeToString((OpsFixture.USER + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=\"UTF-8\"")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString("DATA=" + URLEncoder.encode(data, StandardCharsets.UTF_8)))
                .build();
        return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
