package io.phonectl.cli.xsi;

import io.phonectl.cli.exit.ExitCode;
import io.phonectl.cli.Main;
import io.phonectl.sim.FleetHost;
import io.phonectl.sim.SimConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Broadcast to a simulated fleet with phones down, {@code phonectl demo --no-wait} and {@code phonectl sim --no-wait}. */
class BroadcastDemoSimTest {

    static final int UP = 90;
    static final int DOWN = 10;

    @TempDir
    static Path dir;
    static FleetHost fleet;
    static OpsFixture fx;
    static Path fleetFile;

    @BeforeAll
    static void start() throws Exception {
        fx = new OpsFixture(dir);
        Path simFile = dir.resolve("sim-fleet.csv");
        fleet = FleetHost.start(SimConfig.ephemeral(UP, List.of())
                .withUsers(Map.of(OpsFixture.USER, OpsFixture.PASSWORD)).withFleetFile(simFile));
        StringBuilder csv = new StringBuilder(Files.readString(simFile));
        for (int i = 0; i < DOWN; i++) {
            csv.append("down-").append(i).append(",127.0.0.1:").append(OpsFixture.closedPort()).append(",CP-8845,ops\n");
        }
        fleetFile = Files.writeString(dir.resolve("fleet.csv"), csv, StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() {
        fx.assertNoPasswordPrinted();
        fleet.close();
    }

    @Test
    void broadcastWithPhonesDownExits1WithACorrectSummary() {
        CliRun r = fx.run("xsi", "broadcast", "--fleet", fleetFile.toString(), "--password-file",
                fx.passwordFile.toString(), "--attempts", "1", "--timeout", "5",
                "object_text", "title=Drill", "text=Leave now");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.SOME_FAILED);
        assertThat(r.out()).contains((UP + DOWN) + " phones").contains(UP + " succeeded, " + DOWN + " did not");
        assertThat(r.out()).containsPattern("REFUSED\\s+" + DOWN + "\\b");
        assertThat(r.out()).containsPattern("CP-8845\\s+.*REFUSED " + DOWN);
        assertThat(r.out()).contains("CP-8845 REFUSED e.g. down-");
        assertThat(r.out()).containsPattern("Time to N \\(final outcomes\\): first [\\d,]+ ms, median [\\d,]+ ms, "
                + "p99 [\\d,]+ ms, last [\\d,]+ ms");
        // not a terminal: progress as lines on stderr, the last one complete, with the adaptive limit
        assertThat(r.err()).contains("[" + "#".repeat(ProgressBar.WIDTH) + "] " + (UP + DOWN) + "/" + (UP + DOWN))
                .containsPattern("in flight \\d+ \\(limit \\d+\\)").doesNotContain("\r");
        CliRun fixed = fx.run("xsi", "broadcast", "--fleet", fleetFile.toString(), "--password-file",
                fx.passwordFile.toString(), "--attempts", "1", "--concurrency", "7", "--connect-timeout", "500",
                "--where", "name!=down-*", "Key:VolUp");
        assertThat(fixed.exit()).as(fixed.err()).isIn(ExitCode.OK, ExitCode.SOME_FAILED);
        assertThat(fixed.err()).contains("(limit 7)");
    }

    @Test
    void broadcastAsJsonWithASelectionAndUnsupportedModels() throws Exception {
        CliRun r = fx.run("xsi", "broadcast", "--fleet", fleetFile.toString(), "--password-file",
                fx.passwordFile.toString(), "--where", "model=CP-7841,CP-8845", "--where", "name!=down-*", "--json",
                "Display:Off:1");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.SOME_FAILED);
        JsonNode json = JsonMapper.builder().build().readTree(r.out());
        long n7841 = fleet.phones().stream().filter(p -> p.model().name().equals("CP-7841")).count();
        long n8845 = fleet.phones().stream().filter(p -> p.model().name().equals("CP-8845")).count();
        assertThat(json.get("phones").asInt()).isEqualTo(n7841 + n8845);
        assertThat(json.get("byModel").get("CP-7841").get("UNSUPPORTED").asInt()).isEqualTo((int) n7841);
        assertThat(json.get("byModel").get("CP-8845").get("EXECUTED").asInt()).isEqualTo((int) n8845);
        assertThat(json.get("results").get(0).get("detail").asString()).contains("does not support Display");
    }

    @Test
    void broadcastBadInputExits2() {
        CliRun none = fx.run("xsi", "broadcast", "--fleet", fleetFile.toString(), "--password-file",
                fx.passwordFile.toString(), "--where", "model=CP-0000", "Key:Services");
        assertThat(none.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(none.err()).contains("selects no phone");
        for (String bad : List.of("0", "10001")) {
            CliRun c = fx.run("xsi", "broadcast", "--fleet", fleetFile.toString(), "--password-file",
                    fx.passwordFile.toString(), "--concurrency", bad, "Key:Services");
            assertThat(c.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(c.err()).contains("--concurrency = " + bad);
        }
        CliRun missing = fx.run("xsi", "broadcast", "--fleet", dir.resolve("absent.csv").toString(), "Key:Services");
        assertThat(missing.exit()).isEqualTo(ExitCode.BAD_INPUT);
        CliRun noPassword = fx.run("xsi", "broadcast", "--fleet", fleetFile.toString(), "--credentials",
                "env:PHONECTL_TEST_ABSENT", "Key:Services");
        assertThat(noPassword.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(noPassword.err()).contains("PHONECTL_TEST_ABSENT_PASSWORD").doesNotContain("[#");
    }

    @Test
    void demoFinishesWithAReportAndAPng() throws Exception {
        Path demoDir = dir.resolve("demo");
        CliRun r = fx.run("demo", "--phones", "60", "--no-wait", "--dir", demoDir.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("Started 60 simulated phones").contains("What happened, per model:")
                .containsPattern("CP-8845\\s+\\d+\\s+ok")
                .contains("RTP page on CP-8851-3PCC").contains("does not support RTPRx")
                .containsPattern("CP-8845\\s+\\d+\\s+ok \\d+\\s+ok \\d+\\s+ok \\d+")
                .contains("Try (in another terminal").contains("Stopping (--no-wait).")
                .containsPattern("Time to N: first [\\d,]+ ms, median [\\d,]+ ms, p99 [\\d,]+ ms, last [\\d,]+ ms");
        Matcher m = Pattern.compile("Screenshot of \\S+ \\((CP-8845), (\\d+)x(\\d+) PNG\\): (\\S+)").matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        Path png = Path.of(m.group(4));
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(Integer.parseInt(m.group(2)));
        assertThat(img.getHeight()).isEqualTo(Integer.parseInt(m.group(3)));
        String password = Files.readAllLines(demoDir.resolve("credentials.properties")).stream()
                .filter(l -> l.startsWith("password=")).findFirst().orElseThrow().substring("password=".length());
        assertThat(r.out() + r.err()).doesNotContain(password);
        assertThat(Files.readAllLines(demoDir.resolve("fleet.csv"))).hasSize(61);
    }

    @Test
    void simStartsWritesTheFleetFileAndStops() throws Exception {
        Path file = dir.resolve("sim-cmd.csv");
        CliRun r = fx.run("sim", "--phones", "3", "--models", "CP-8845,CP-7942", "--user", "ops", "--password",
                OpsFixture.PASSWORD, "--fleet-file", file.toString(), "--no-wait");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("Simulated phones: 3 (CP-7942 x1, CP-8845 x2)").contains("Fleet file: " + file)
                .contains("Inspection API: http://127.0.0.1:").contains("password not shown");
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("name,address,model,user");
        assertThat(lines.get(1)).matches("SEP\\w+,127\\.0\\.0\\.1:\\d+,CP-8845,ops");
        assertThat(fx.run("sim", "--phones", "0").exit()).isEqualTo(ExitCode.BAD_INPUT);
        CliRun impaired = fx.run("sim", "--phones", "20", "--answer-delay", "5", "--slow", "0.1:300", "--dead", "0.1",
                "--fleet-file", file.toString(), "--no-wait");
        assertThat(impaired.exit()).as(impaired.err()).isEqualTo(ExitCode.OK);
        assertThat(impaired.out()).contains("answering after 5 ms; 2 slow (after 300 ms); 2 dead (connects time out)");
        CliRun badSlow = fx.run("sim", "--phones", "2", "--slow", "half", "--fleet-file", file.toString(), "--no-wait");
        assertThat(badSlow.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(badSlow.err()).contains("--slow = half");
        assertThat(fx.run("sim", "--models", "CP-0000", "--no-wait", "--fleet-file", file.toString()).exit())
                .isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void simTakesAClipDirectoryAndRefusesABadRingFile() throws Exception {
        Path clips = Files.createDirectories(dir.resolve("clips"));
        byte[] good = new byte[480];
        java.util.Arrays.fill(good, (byte) 0xFF); // µ-law silence: starts and ends at a zero crossing
        Files.write(clips.resolve("Mine.raw"), good);
        Path file = dir.resolve("sim-clips.csv");
        CliRun ok = fx.run("sim", "--phones", "1", "--clip-dir", clips.toString(), "--fleet-file", file.toString(), "--no-wait");
        assertThat(ok.exit()).as(ok.err()).isEqualTo(ExitCode.OK);
        Files.write(clips.resolve("Bad.raw"), new byte[241]);
        CliRun bad = fx.run("sim", "--phones", "1", "--clip-dir", clips.toString(), "--fleet-file", file.toString(), "--no-wait");
        assertThat(bad.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(bad.err()).contains("Bad.raw").contains("samples");
    }
}
