package io.phonectl.cli.xsi;

import io.phonectl.cli.exit.ExitCode;
import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.testing.StubPhones;
import io.phonectl.xsi.device.CallLineInfo;
import io.phonectl.xsi.device.LineInfo;
import io.phonectl.xsi.device.ModeInfo;
import io.phonectl.xsi.device.SettingsInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code xsi info call|line|settings|mode}: the CGI info pages, password-protected as on the phones, read into their
 * records and printed (the simulator serves them from another branch; here a stub phone answers with the records'
 * own XML, in the shapes of the administration guides' samples).
 */
class InfoCgiPagesTest {

    static final String USER = "ops";
    static final String PASSWORD = "Pw-cgi-1e6a-never-shown";
    static final CallLineInfo CALL = new CallLineInfo("", "", "", "2001", "CONNECTED", List.of(new CallLineInfo.Call(
            "CONNECTED", "OUTBOUND", "", "2001", "Reception", "5000", "", "41", "73", "null", "UNAUTHENTICATED", "ROUTINE",
            List.of(), Map.of())), List.of(new CallLineInfo.Feature(1, true, "Hold")), Map.of());
    static final LineInfo LINE = new LineInfo("", "", "", List.of(new LineInfo.Line("9", "2001", "YES", "Chirp1", "",
            "CONNECTED", Map.of())));
    static final ModeInfo MODE = new ModeInfo("Applications", 1, "0", "0", "", "", "",
            List.of(new ModeInfo.Field("0", "", "0", "Recents", "")));
    static final SettingsInfo SETTINGS = new SettingsInfo(SettingsInfo.ROOT, "", "", "", Map.of("RingTone", "Chirp1"));

    @TempDir
    static Path dir;
    static StubPhones phone;
    static Path pw;

    @BeforeAll
    static void start() throws Exception {
        pw = Files.writeString(dir.resolve("pw"), PASSWORD + "\n");
        String basic = Credentials.of(USER, PASSWORD).basicHeader();
        phone = StubPhones.one((seen, response, callback) -> {
            if (!basic.equals(seen.authorization())) {
                StubPhones.answer(response, callback, 401, "text/xml", "<CiscoIPPhoneError Number=\"4\" />");
                return;
            }
            String xml = switch (seen.pathAndQuery()) {
                case CallLineInfo.PATH -> CALL.toXml();
                case LineInfo.PATH -> LINE.toXml();
                case ModeInfo.PATH -> MODE.toXml();
                case SettingsInfo.PATH -> SETTINGS.toXml();
                default -> null;
            };
            // 79xx label ModeInfo as HTML while sending XML: the body decides
            String type = seen.pathAndQuery().equals(ModeInfo.PATH) ? "text/html" : "text/xml";
            StubPhones.answer(response, callback, xml == null ? 404 : 200, type, xml == null ? "" : xml);
        });
    }

    @AfterAll
    static void stop() throws Exception {
        phone.close();
    }

    static CliRun info(String... page) {
        String[] head = {"xsi", "info", "--phone", phone.address(0).toString(), "--user", USER, "--password-file",
                pw.toString()};
        String[] args = new String[head.length + page.length];
        System.arraycopy(head, 0, args, 0, head.length);
        System.arraycopy(page, 0, args, head.length, page.length);
        CliRun r = CliRun.of(args);
        assertThat(r.out() + r.err()).doesNotContain(PASSWORD);
        return r;
    }

    @Test
    void everyCgiPageIsReadAndPrinted() {
        CliRun call = info("call");
        assertThat(call.exit()).as(call.err()).isEqualTo(ExitCode.OK);
        assertThat(call.out()).containsPattern("LineState\\s+CONNECTED").containsPattern("Call1.CalledPartyName\\s+Reception")
                .containsPattern("Softkey1\\s+Hold");
        assertThat(info("line").out()).containsPattern("Line1.LineIconState\\s+CONNECTED")
                .containsPattern("Line1.MessageWaiting\\s+YES");
        assertThat(info("mode").out()).containsPattern("PlaneTitle\\s+Applications").containsPattern("Field1\\s+Recents");
        assertThat(info("settings").out()).containsPattern("RingTone\\s+Chirp1");
    }

    @Test
    void asJson() throws Exception {
        CliRun r = info("line", "--json");
        JsonNode json = JsonMapper.builder().build().readTree(r.out());
        assertThat(json.get("page").asString()).isEqualTo("/CGI/LineInfo");
        assertThat(json.get("fields").get("Line1.lineDirNum").asString()).isEqualTo("2001");
    }

    @Test
    void theCgiPagesNeedTheCredentialsAndTheWrongOnesFail() throws Exception {
        CliRun none = CliRun.of("xsi", "info", "--phone", phone.address(0).toString(), "--credentials",
                "env:PHONECTL_CGI_TEST_ABSENT", "call");
        assertThat(none.exit()).isEqualTo(ExitCode.BAD_INPUT);
        Path wrong = Files.writeString(dir.resolve("wrong"), "not-it\n");
        CliRun refused = CliRun.of("xsi", "info", "--phone", phone.address(0).toString(), "--user", USER,
                "--password-file", wrong.toString(), "call");
        assertThat(refused.exit()).isEqualTo(ExitCode.SOME_FAILED);
        assertThat(refused.out()).contains("AUTH_FAILED");
    }
}
