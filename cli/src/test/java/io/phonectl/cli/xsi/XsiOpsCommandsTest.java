package io.phonectl.cli.xsi;

import io.phonectl.cli.exit.ExitCode;
import io.phonectl.cli.Main;
import io.phonectl.sim.FleetHost;
import io.phonectl.sim.SimConfig;
import io.phonectl.sim.phone.SimPhone;
import io.phonectl.xsi.model.ModelCatalog;
import io.phonectl.xsi.model.PhoneModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The one-phone XSI commands against in-process simulated phones on 127.0.0.1 (ephemeral ports). */
class XsiOpsCommandsTest {

    static final List<String> MODELS = List.of("CP-8845", "CP-7942", "CP-7841", "CP-8851-3PCC");

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

    static String phone(String model) {
        SimPhone p = fleet.phones().stream().filter(x -> x.model().name().equals(model)).findFirst().orElseThrow();
        return "127.0.0.1:" + p.address().getPort();
    }

    CliRun push(String model, Path passwordFile, String... what) {
        String[] head = {"xsi", "push", "--phone", phone(model), "--user", OpsFixture.USER, "--password-file",
                passwordFile.toString()};
        String[] args = new String[head.length + what.length];
        System.arraycopy(head, 0, args, 0, head.length);
        System.arraycopy(what, 0, args, head.length, what.length);
        return fx.run(args);
    }

    @Test
    void pushSucceedsWithPerItemStatus() {
        CliRun r = push("CP-8845", fx.passwordFile, "Key:Services", "Key:Settings");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("EXECUTED").contains("Key:Services -> 0 Success").contains("Key:Settings -> 0");
    }

    @Test
    void pushWithWrongPasswordIsAnAuthFailureExit1() {
        CliRun modern = push("CP-8845", fx.wrongPasswordFile, "Key:Services");
        assertThat(modern.exit()).isEqualTo(ExitCode.SOME_FAILED);
        assertThat(modern.out()).contains("AUTH_FAILED");
        CliRun legacy = push("CP-7942", fx.wrongPasswordFile, "Key:Services");
        assertThat(legacy.exit()).isEqualTo(ExitCode.SOME_FAILED);
        assertThat(legacy.out()).contains("AUTH_FAILED").contains("CiscoIPPhoneError 4");
    }

    @Test
    void pushWithACredentialsReferenceAndAsJson() throws Exception {
        CliRun r = fx.run("xsi", "push", "--phone", phone("CP-8845"), "--credentials", "file:" + fx.properties,
                "--json", "object_text", "title=Hi", "text=From a test");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
        JsonNode json = JsonMapper.builder().build().readTree(r.out());
        assertThat(json.get("outcome").asString()).isEqualTo("EXECUTED");
        assertThat(json.get("success").asBoolean()).isTrue();
        assertThat(fleet.phones().stream().filter(p -> p.model().name().equals("CP-8845")).findFirst().orElseThrow()
                .screen().toString()).contains("From a test");
    }

    @Test
    void pushAFileAndToAnMppPhone() throws Exception {
        Path xml = Files.writeString(dir.resolve("text.xml"),
                "<CiscoIPPhoneText><Title>File</Title><Text>pushed from a file</Text></CiscoIPPhoneText>");
        CliRun file = push("CP-8845", fx.passwordFile, xml.toString());
        assertThat(file.exit()).as(file.err()).isEqualTo(ExitCode.OK);
        CliRun mpp = push("CP-8851-3PCC", fx.passwordFile, "Key:Services");
        assertThat(mpp.exit()).isEqualTo(ExitCode.OK);
        assertThat(mpp.out()).contains("ACCEPTED_NO_RESPONSE");
    }

    /** Both sides of a catalog limit: a Menu of 100 items is sent, 101 is bad input (exit 2) and nothing is sent. */
    @ParameterizedTest
    @CsvSource({"100,0", "101,2"})
    void actionLimitsAreCheckedBeforeSending(int items, int exit) {
        CliRun r = push("CP-8845", fx.passwordFile, "object_menu", "max_menu_items=" + items);
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(exit);
        if (exit == ExitCode.BAD_INPUT) {
            assertThat(r.err()).startsWith("phonectl: ").contains("max_menu_items").contains("101");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void badInputExits2() {
        assertThat(push("CP-8845", fx.passwordFile, "NotAUri").exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(push("CP-8845", fx.passwordFile, "get_screenshot").err()).contains("query");
        CliRun unsupported = fx.run("xsi", "push", "--phone", phone("CP-7841"), "--user", "ops", "--password-file",
                fx.passwordFile.toString(), "--model", "CP-7841", "Display:Off:5");
        assertThat(unsupported.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(unsupported.err()).contains("CP-7841").contains("does not support");
        CliRun noUser = fx.run("xsi", "push", "--phone", phone("CP-8845"), "--credentials", "env:PHONECTL_TEST_NOPE",
                "Key:Services");
        assertThat(noUser.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(noUser.err()).contains("PHONECTL_TEST_NOPE_PASSWORD");
    }

    @Test
    void pushToAClosedPortIsRefusedExit1() throws Exception {
        CliRun r = fx.run("xsi", "push", "--phone", "127.0.0.1:" + OpsFixture.closedPort(), "--user", "ops",
                "--password-file", fx.passwordFile.toString(), "--timeout", "3", "Key:Services");
        assertThat(r.exit()).isEqualTo(ExitCode.SOME_FAILED);
        assertThat(r.out()).contains("REFUSED");
    }

    @Test
    void infoPrintsEveryPageAndRefusesBadIndexes() throws Exception {
        CliRun device = fx.run("xsi", "info", "--phone", phone("CP-8845"), "device");
        assertThat(device.exit()).as(device.err()).isEqualTo(ExitCode.OK);
        assertThat(device.out()).containsPattern("modelNumber\\s+CP-8845").containsPattern("MACAddress\\s+\\S+");
        for (String[] page : List.of(new String[] {"network"}, new String[] {"ethernet"}, new String[] {"port", "1"},
                new String[] {"log", "0"}, new String[] {"streaming", "1"})) {
            String[] args = new String[4 + page.length];
            System.arraycopy(new String[] {"xsi", "info", "--phone", phone("CP-8845")}, 0, args, 0, 4);
            System.arraycopy(page, 0, args, 4, page.length);
            CliRun r = fx.run(args);
            assertThat(r.exit()).as(String.join(" ", page) + ": " + r.out() + r.err()).isEqualTo(ExitCode.OK);
        }
        CliRun json = fx.run("xsi", "info", "--phone", phone("CP-8845"), "network", "--json");
        JsonNode n = JsonMapper.builder().build().readTree(json.out());
        assertThat(n.get("page").asString()).isEqualTo("/NetworkConfigurationX");
        assertThat(n.get("fields").get("IPAddress").asString()).isNotBlank();
        int ports = ModelCatalog.standard().model("CP-8845").ports();
        assertThat(fx.run("xsi", "info", "--phone", phone("CP-8845"), "port", String.valueOf(ports)).exit()).isZero();
        CliRun past = fx.run("xsi", "info", "--phone", phone("CP-8845"), "port", String.valueOf(ports + 1));
        assertThat(past.exit()).isEqualTo(ExitCode.SOME_FAILED);
        assertThat(past.out()).contains("404");
        assertThat(fx.run("xsi", "info", "--phone", phone("CP-8845"), "device", "2").exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(fx.run("xsi", "info", "--phone", phone("CP-8845"), "firmware").exit()).isEqualTo(ExitCode.BAD_INPUT);
    }

    @ParameterizedTest
    @CsvSource({"CP-8845,png", "CP-7942,bmp"})
    void screenshotIsAnImageOfTheModelsSize(String model, String ext) throws Exception {
        Path file = dir.resolve("shot-" + model + "." + ext);
        CliRun r = fx.run("xsi", "screenshot", "--phone", phone(model), "--credentials", "file:" + fx.properties,
                "-o", file.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
        PhoneModel m = ModelCatalog.standard().model(model);
        assertThat(r.out()).contains(ext.toUpperCase() + " " + m.display().width() + "x" + m.display().height());
        byte[] bytes = Files.readAllBytes(file);
        if (ext.equals("png")) {
            assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
        } else {
            assertThat(bytes).startsWith('B', 'M');
        }
        BufferedImage img = ImageIO.read(file.toFile());
        assertThat(img.getWidth()).isEqualTo(m.display().width());
        assertThat(img.getHeight()).isEqualTo(m.display().height());
    }

    @Test
    void screenshotWithWrongPasswordSavesNothingExit1() {
        Path file = dir.resolve("denied.png");
        CliRun r = fx.run("xsi", "screenshot", "--phone", phone("CP-8845"), "--user", "ops", "--password-file",
                fx.wrongPasswordFile.toString(), "-o", file.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.SOME_FAILED);
        assertThat(r.out()).contains("AUTH_FAILED");
        assertThat(file).doesNotExist();
    }

    @Test
    void capsPrintsTheModelAndDisplay() {
        CliRun r = fx.run("xsi", "caps", "--phone", phone("CP-8845"), "--credentials", "file:" + fx.properties);
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).containsPattern("modelNumber\\s+CP-8845").contains("559x265");
    }
}
