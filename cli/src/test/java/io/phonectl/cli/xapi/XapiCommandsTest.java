package io.phonectl.cli.xapi;

import io.phonectl.cli.exit.ExitCode;
import io.phonectl.cli.Main;
import io.phonectl.cli.xsi.CliRun;
import io.phonectl.sim.xapi.SimUser;
import io.phonectl.sim.xapi.XapiProduct;
import io.phonectl.sim.xapi.XapiSimConfig;
import io.phonectl.sim.xapi.XapiSimHost;
import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.schema.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code phonectl xapi …} against simulated RoomOS and PhoneOS devices on 127.0.0.1 (ephemeral ports). */
class XapiCommandsTest {

    static final String PASSWORD = "Xapi-pw-4c1d-never-shown";

    @TempDir
    static Path dir;
    static XapiSimHost roomos;
    static XapiSimHost phoneos;
    static Path passwordFile;
    static Path wrongFile;
    static final List<CliRun> RUNS = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        List<SimUser> users = List.of(new SimUser("ops", PASSWORD, Role.ADMIN));
        roomos = XapiSimHost.start(XapiSimConfig.defaults(XapiProduct.ROOMOS, 1).withUsers(users));
        phoneos = XapiSimHost.start(XapiSimConfig.defaults(XapiProduct.PHONEOS, 1).withUsers(users));
        passwordFile = Files.writeString(dir.resolve("pw"), PASSWORD + "\n", StandardCharsets.UTF_8);
        wrongFile = Files.writeString(dir.resolve("wrong"), "nope\n", StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() throws Exception {
        assertThat(RUNS).isNotEmpty().allSatisfy(r -> assertThat(r.out() + r.err()).doesNotContain(PASSWORD));
        roomos.close();
        phoneos.close();
    }

    static CliRun xapi(XapiSimHost host, String verb, String... rest) {
        String hostPort = host.device(0).host() + ":" + host.device(0).port();
        List<String> args = new ArrayList<>(List.of("xapi", verb, "--host", hostPort, "--user", "ops",
                "--password-file", passwordFile.toString()));
        args.addAll(List.of(rest));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        RUNS.add(r);
        return r;
    }

    @Test
    void getInEveryFormat() {
        CliRun plain = xapi(roomos, "get", "Status", "Audio", "Volume");
        assertThat(plain.exit()).as(plain.err()).isEqualTo(ExitCode.OK);
        assertThat(plain.out().strip()).matches("\\d+");
        CliRun terminal = xapi(roomos, "get", "--terminal", "status", "audio", "volume");
        assertThat(terminal.out()).matches("(?s)\\*s Audio Volume: \\d+\n\\*\\* end\n\nOK\n");
        CliRun query = xapi(roomos, "query", "--json", "Status", "**", "Volume");
        assertThat(query.out().strip()).matches("\\{\"Status\":\\{\"Audio\":\\{\"Volume\":\\d+}}}");
    }

    @Test
    void setThenGetAndCommands() {
        CliRun set = xapi(roomos, "set", "Configuration", "Audio", "DefaultVolume", "61");
        assertThat(set.exit()).as(set.err()).isEqualTo(ExitCode.OK);
        assertThat(xapi(roomos, "get", "Configuration", "Audio", "DefaultVolume").out().strip()).isEqualTo("61");
        assertThat(roomos.device(0).read(XPath.parseWords("Configuration Audio DefaultVolume")).asInt()).isEqualTo(61);
        CliRun dial = xapi(roomos, "command", "--terminal", "Dial", "Number=1234");
        assertThat(dial.exit()).as(dial.err()).isEqualTo(ExitCode.OK);
        assertThat(dial.out()).startsWith("OK\n*r DialResult (status=OK):\n").contains("*r DialResult CallId: ")
                .endsWith("** end\n");
        CliRun unknown = xapi(roomos, "command", "No", "Such", "Command");
        assertThat(unknown.exit()).isEqualTo(ExitCode.SOME_FAILED);
        assertThat(unknown.err()).contains("-32601");
    }

    @Test
    void watchPrintsTheCurrentValueFirst() {
        CliRun r = xapi(roomos, "watch", "--count", "1", "--for", "20", "--terminal", "Status", "Audio", "Volume");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).matches("(?s)\\*s Audio Volume: \\d+\n\\*\\* end\n");
    }

    @Test
    void phoneOsOverHttpAndItsMissingWebSocketExplained() {
        CliRun http = xapi(phoneos, "get", "--http", "--terminal", "--product", "phoneos", "Status", "SystemUnit",
                "ProductId");
        assertThat(http.exit()).as(http.err()).isEqualTo(ExitCode.OK);
        assertThat(http.out()).startsWith("*s SystemUnit ProductId: ").endsWith("** end\n\nOK\n");
        CliRun ws = xapi(phoneos, "get", "Status", "SystemUnit", "ProductId");
        assertThat(ws.exit()).isEqualTo(ExitCode.SOME_FAILED);
        assertThat(ws.err()).startsWith("phonectl: ");
    }

    @Test
    void wrongPasswordExit1AndBadInputExit2() {
        String hostPort = roomos.device(0).host() + ":" + roomos.device(0).port();
        CliRun wrong = CliRun.of("xapi", "get", "--host", hostPort, "--user", "ops", "--password-file",
                wrongFile.toString(), "Status", "Audio", "Volume");
        RUNS.add(wrong);
        assertThat(wrong.exit()).isEqualTo(ExitCode.SOME_FAILED);
        assertThat(wrong.err()).contains("wrong username or password");
        Stream.of(xapi(roomos, "command", "Dial", "=1234"), xapi(roomos, "watch", "--count", "0", "Status"),
                        xapi(roomos, "query", "--http", "Status"), xapi(roomos, "get", "--timeout", "0", "Status"))
                .forEach(r -> assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.BAD_INPUT));
    }
}
