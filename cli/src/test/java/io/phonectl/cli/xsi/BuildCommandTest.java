package io.phonectl.cli.xsi;

import io.phonectl.cli.exit.ExitCode;
import io.phonectl.cli.Main;
import io.phonectl.xsi.action.ActionCatalog;
import io.phonectl.xsi.action.ActionSpec;
import io.phonectl.xsi.action.Allowed;
import io.phonectl.xsi.action.ParamSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class BuildCommandTest {

    static Stream<String> ids() {
        return ActionCatalog.standard().actions().stream().map(ActionSpec::id);
    }

    /** (id, param, an out-of-range value) for every ranged parameter: one below and one above. */
    static Stream<Arguments> outOfRange() {
        List<Arguments> out = new ArrayList<>();
        for (ActionSpec a : ActionCatalog.standard().actions()) {
            for (ParamSpec p : a.params()) {
                if (p.allowed() instanceof Allowed.Range r) {
                    out.add(Arguments.of(a.id(), p.name(), Long.toString(r.min() - 1)));
                    out.add(Arguments.of(a.id(), p.name(), Long.toString(r.max() + 1)));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("ids")
    void everyActionBuildsWithItsExample(String id) {
        CliRun r = CliRun.of("xsi", "build", id, "--example");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("outOfRange")
    void outOfRangeValuesAreOneLineOnStderrWithExitTwo(String id, String param, String value) {
        CliRun r = CliRun.of("xsi", "build", id, "--example", param + "=" + value);
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).singleElement().satisfies(line -> assertThat(line)
                .contains(value).contains("source:").startsWith("phonectl: "));
    }

    @Test
    void printsTheExecuteDocumentForUris() {
        CliRun r = CliRun.of("xsi", "build", "rtp_rx_start", "i=192.0.2.10", "p=20480", "v=50");
        assertThat(r.out().strip()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><CiscoIPPhoneExecute>"
                + "<ExecuteItem Priority=\"0\" URL=\"RTPRx:192.0.2.10:20480:50\"/></CiscoIPPhoneExecute>");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "query_port_information_xml | n=2   | GET /PortInformationX?2 HTTP/1.1",
            "get_screenshot             |       | GET /CGI/Screenshot HTTP/1.1",
            "get_device_caps            |       | <getDeviceCaps/>",
            "notify                     | host=192.0.2.1;port=8080;path=/ev | Notify:http:192.0.2.1:8080:/ev",
            "object_error               | number=4 | <CiscoIPPhoneError Number=\"4\" />"})
    void printsRequestLinesBodiesAndReferences(String id, String params, String expected) {
        List<String> args = new ArrayList<>(List.of("xsi", "build", id));
        if (params != null) {
            args.addAll(List.of(params.split(";")));
        }
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out().strip()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "display_off   | interval=60 | CP-7841 | Display",
            "key_hold      |             | CP-8845 | FixedFeature3",
            "start_media   | ip=192.0.2.1;port=20480 | CP-7841 | RTP",
            "key_info      |             | CP-0000 | CP-0000",
            "push_execute  | uri=SoftKey:Exit |     | except on the 8821",
            "push_execute  | uri=SoftKey:Exit | CP-8845 | only the 8821"})
    void unsupportedModelIsOneLineWithExitTwo(String id, String params, String model, String text) {
        List<String> args = new ArrayList<>(List.of("xsi", "build", id));
        if (model != null) {
            args.addAll(List.of("--model", model));
        }
        if (params != null) {
            args.addAll(List.of(params.split(";")));
        }
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).singleElement().satisfies(l -> assertThat(l).contains(text));
    }

    @Test
    void supportedModelBuilds() {
        CliRun r = CliRun.of("xsi", "build", "display_off", "interval=60", "--model", "CP-8845");
        assertThat(r.exit()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("URL=\"Display:Off:60\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "no_such_action | action = \"no_such_action\"",
            "key_line       | key_line.n = \"(absent)\": is required",
            "key_line;n     | parameter = \"n\": name=value",
            "key_line;n=1;n=2 | given once",
            "key_line;x=1;n=1 | parameter = \"x\": a parameter of key_line (n)"})
    void badInputIsOneLineWithExitTwo(String args, String text) {
        List<String> all = new ArrayList<>(List.of("xsi", "build"));
        all.addAll(List.of(args.split(";")));
        CliRun r = CliRun.of(all.toArray(String[]::new));
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err().lines().toList()).singleElement().satisfies(l -> assertThat(l).contains(text));
    }

    @Test
    void notifyCredentialsNeverAppearInErrors() {
        CliRun r = CliRun.of("xsi", "build", "notify", "host=192.0.2.1", "port=8080", "path=/ev",
                "credentials=dXNlcjpzZWNyZXQ=", "--model", "CP-7841");
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("Notify").doesNotContain("dXNlcjpzZWNyZXQ");
    }

    /** Seeded garbage for every parameter of every action: exit 0 or 2, never a stack trace. */
    @ParameterizedTest
    @CsvSource({"11", "12"})
    void garbageParametersNeverCrash(long seed) {
        java.util.Random r = new java.util.Random(seed);
        String alphabet = ":;,#*<>&=\"'0123456789abcXYZ -/.%";
        for (ActionSpec a : ActionCatalog.standard().actions()) {
            List<String> args = new ArrayList<>(List.of("xsi", "build", a.id(), "--example"));
            for (ParamSpec p : a.params()) {
                if (r.nextBoolean()) {
                    StringBuilder v = new StringBuilder();
                    for (int j = r.nextInt(10); j > 0; j--) {
                        v.append(alphabet.charAt(r.nextInt(alphabet.length())));
                    }
                    args.add(p.name() + "=" + v);
                }
            }
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.exit()).as(args + " " + run.err()).isIn(ExitCode.OK, ExitCode.BAD_INPUT);
            assertThat(run.err().lines().count()).as(args + " " + run.err()).isLessThanOrEqualTo(1);
        }
    }
}
