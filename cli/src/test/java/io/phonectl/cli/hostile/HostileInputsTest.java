package io.phonectl.cli.hostile;

import io.phonectl.client.testing.HostilePeer;
import io.phonectl.cli.Main;
import io.phonectl.cli.exit.ExitCode;
import io.phonectl.cli.xsi.CliRun;
import io.phonectl.media.wav.WavWriter;
import io.phonectl.sim.FleetHost;
import io.phonectl.sim.SimConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.FileOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The command line against hostile input and peers (issue 16): endless files, a password file where a fleet belongs,
 * a phone that sends headers forever, an HTML page instead of a device's document, a report path that cannot be
 * written, a full disk. Each costs a clear message and the right exit code, in bounded time, in a 64 MiB JVM (the
 * {@code small-heap} surefire execution), so an unbounded read fails with OutOfMemoryError instead of passing.
 */
@Tag("small-heap")
class HostileInputsTest {

    static final String USER = "ops";
    static final String PASSWORD = "Pw-hostile-9d2e-never-shown";
    static final Path ZERO = Path.of("/dev/zero");
    static final Path FULL = Path.of("/dev/full");
    static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    static FleetHost fleet;
    static Path passwordFile;
    static Path simFleet;

    @BeforeAll
    static void start() throws Exception {
        passwordFile = Files.writeString(dir.resolve("password.txt"), PASSWORD + "\n");
        simFleet = dir.resolve("sim.csv");
        fleet = FleetHost.start(SimConfig.ephemeral(3, List.of("CP-8845")).withUsers(Map.of(USER, PASSWORD))
                .withFleetFile(simFleet));
    }

    @AfterAll
    static void stop() {
        fleet.close();
    }

    static CliRun run(String... args) {
        CliRun r = assertTimeoutPreemptively(BOUND, () -> CliRun.of(args));
        assertThat(r.out() + r.err()).doesNotContain(PASSWORD);
        return r;
    }

    @Test
    void devZeroAsFleetXmlWavPasswordOrDocumentIsExit2WithAMessage() throws Exception {
        assumeTrue(Files.isReadable(ZERO), "no /dev/zero here");
        Path zeroXml = Files.createSymbolicLink(dir.resolve("zero.xml"), ZERO);
        CliRun fleetRun = run("xsi", "broadcast", "--fleet", ZERO.toString(), "Key:Services");
        assertThat(fleetRun.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(fleetRun.err()).contains("the cap for an inventory");
        CliRun xml = run("xsi", "push", "--phone", "127.0.0.1:9", zeroXml.toString());
        assertThat(xml.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(xml.err()).contains("zero.xml").contains("endless or device file");
        CliRun validate = run("xsi", "validate", ZERO.toString());
        assertThat(validate.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(validate.err()).contains("the cap for a document to validate");
        CliRun password = run("xsi", "push", "--phone", "127.0.0.1:9", "--user", USER, "--password-file",
                ZERO.toString(), "Key:Services");
        assertThat(password.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(password.err()).contains("--password-file /dev/zero").contains("the cap for a password file");
        CliRun wav = run("page", "--fleet", simFleet.toString(), "--file", ZERO.toString());
        assertThat(wav.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(wav.err()).contains("RIFF....WAVE");
        CliRun ring = run("ringtone", "convert", ZERO.toString(), dir.resolve("out.raw").toString());
        assertThat(ring.exit()).isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void aTruncatedWavIsExit2() throws Exception {
        byte[] wav = WavWriter.write(8000, 16, new float[][] {new float[8000]});
        Path cut = Files.write(dir.resolve("cut.wav"), java.util.Arrays.copyOf(wav, wav.length / 2));
        CliRun r = run("ringtone", "convert", cut.toString(), dir.resolve("cut.raw").toString());
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("truncated");
        CliRun page = run("page", "--fleet", simFleet.toString(), "--file", cut.toString());
        assertThat(page.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(page.err()).contains("truncated");
    }

    @Test
    void aPasswordFileGivenAsFleetIsRefusedAndNeverEchoed() {
        CliRun r = run("xsi", "broadcast", "--fleet", passwordFile.toString(), "--user", USER, "--password-file",
                passwordFile.toString(), "Key:Services");
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("must be a header").doesNotContain(PASSWORD);
    }

    @Test
    void aFleetWithAByteOrderMarkIsReadAndOneWithoutAnAddressColumnRefused() throws Exception {
        Path bom = Files.writeString(dir.resolve("bom.csv"), "\uFEFF" + Files.readString(simFleet));
        CliRun ok = run("xsi", "broadcast", "--fleet", bom.toString(), "--user", USER, "--password-file",
                passwordFile.toString(), "Key:Services");
        assertThat(ok.exit()).as(ok.out() + ok.err()).isEqualTo(ExitCode.OK);
        assertThat(ok.out()).contains("3 phones").contains("3 succeeded");
        Path noAddress = Files.writeString(dir.resolve("noaddr.csv"), "name,host,model\na,127.0.0.1,CP-8845\n");
        CliRun bad = run("xsi", "broadcast", "--fleet", noAddress.toString(), "Key:Services");
        assertThat(bad.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(bad.err()).contains("address column");
    }

    @Test
    void aBadReportPathFailsBeforeAnyPhoneIsPushed() throws Exception {
        try (HostilePeer phone = HostilePeer.answering(200, "text/xml", "<CiscoIPPhoneResponse/>")) {
            Path fleetFile = Files.writeString(dir.resolve("one.csv"), "name,address\np," + phone.hostPort() + "\n");
            CliRun r = run("xsi", "broadcast", "--fleet", fleetFile.toString(), "--user", USER, "--password-file",
                    passwordFile.toString(), "--report", dir.resolve("no/such/folder/report.json").toString(),
                    "Key:Services");
            assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(r.err()).contains("--report").contains("does not exist");
            assertThat(phone.connections()).isZero();
        }
    }

    @Test
    void aFullDiskIsAnErrorNotExit0() throws Exception {
        assumeTrue(Files.isWritable(FULL), "no /dev/full here");
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter out = new PrintWriter(new FileOutputStream(FULL.toFile()), false, StandardCharsets.UTF_8)) {
            code = Main.run(out, new PrintWriter(err), "xsi", "actions");
        }
        assertThat(code).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("the output could not be written");
        CliRun report = run("xsi", "broadcast", "--fleet", simFleet.toString(), "--user", USER, "--password-file",
                passwordFile.toString(), "--report", FULL.toString(), "Key:Services");
        assertThat(report.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(report.err()).contains("/dev/full");
    }

    @Test
    void phonesThatSendHeadersOrABodyForeverCostOneOutcomeEachAndTheReportIsWritten() throws Exception {
        try (HostilePeer headers = HostilePeer.start(HostilePeer.Behavior.HEADERS_FOREVER);
             HostilePeer body = HostilePeer.start(HostilePeer.Behavior.BODY_FOREVER)) {
            Path fleetFile = Files.writeString(dir.resolve("hostile.csv"), Files.readString(simFleet)
                    + "headers-forever," + headers.hostPort() + ",CP-8845,ops\n"
                    + "body-forever," + body.hostPort() + ",CP-8845,ops\n");
            Path reportFile = dir.resolve("hostile-report.json");
            CliRun r = run("xsi", "broadcast", "--fleet", fleetFile.toString(), "--password-file",
                    passwordFile.toString(), "--deadline", "30", "--report", reportFile.toString(), "Key:Services");
            assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.SOME_FAILED);
            JsonNode report = JsonMapper.builder().build().readTree(Files.readString(reportFile));
            assertThat(report.get("phones").asInt()).isEqualTo(5);
            assertThat(report.get("byOutcome").get("EXECUTED").asInt()).isEqualTo(3);
            assertThat(report.get("byOutcome").get("MALFORMED").asInt()).isEqualTo(2);
        }
    }

    @Test
    void anHtmlPageIsNotADevicePage() throws Exception {
        try (HostilePeer web = HostilePeer.answering(200, "text/html",
                "<html><head><title>Welcome</title></head><body>It works!</body></html>")) {
            CliRun info = run("xsi", "info", "--phone", web.hostPort(), "device");
            assertThat(info.exit()).isEqualTo(ExitCode.SOME_FAILED);
            assertThat(info.out()).contains("an HTML page, not the DeviceInformation document");
            CliRun line = run("xsi", "info", "--phone", web.hostPort(), "--user", USER, "--password-file",
                    passwordFile.toString(), "line");
            assertThat(line.exit()).isEqualTo(ExitCode.SOME_FAILED);
            CliRun xapi = run("xapi", "get", "--http", "--host", web.hostPort(), "--user", USER, "--password-file",
                    passwordFile.toString(), "Status", "SystemUnit", "ProductId");
            assertThat(xapi.exit()).isEqualTo(ExitCode.SOME_FAILED);
            assertThat(xapi.err()).contains("a <html> document, not <Status>");
        }
    }
}
