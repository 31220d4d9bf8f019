package io.phonectl.xapi.schema;

import io.phonectl.xapi.XapiSources;
import io.phonectl.xapi.XapiValidationException;
import io.phonectl.xapi.call.XapiCall;
import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.tree.Leaf;
import io.phonectl.xapi.tree.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaValidationTest {

    static final DeviceSchema ROOM = DeviceSchema.roomOs();
    static final DeviceSchema PHONE = DeviceSchema.phoneOs();

    @ParameterizedTest
    @CsvSource({
            "Configuration Audio DefaultVolume, 0,   true",
            "Configuration Audio DefaultVolume, 100, true",
            "Configuration Audio DefaultVolume, 101, false",
            "Configuration Audio DefaultVolume, -1,  false",
            "configuration video selfview oncall duration, 60, true",
            "configuration video selfview oncall duration, 61, false",
            "Configuration Video Selfview OnCall Mode, on, true",
            "Configuration Video Selfview OnCall Mode, Maybe, false"})
    void setValuesAreCheckedAgainstTheirValueSpace(String path, String value, boolean ok) {
        XPath p = XPath.parseWords(path);
        Leaf v = value.matches("-?[0-9]+") ? Leaf.integer(Long.parseLong(value)) : Leaf.string(value);
        if (ok) {
            assertThat(ROOM.validateSet(p, v, Role.ADMIN).text()).isEqualToIgnoringCase(value);
        } else {
            assertThatThrownBy(() -> ROOM.validateSet(p, v, Role.ADMIN)).isInstanceOf(XapiValidationException.class)
                    .hasMessageContaining(value).hasMessageContaining("must be").hasMessageContaining(ROOM.source());
        }
    }

    @Test
    void stringLengthLimitBothSides() {
        XPath name = XPath.parseWords("Configuration SystemUnit Name");
        assertThat(ROOM.validateSet(name, Leaf.string("x".repeat(50)), Role.ADMIN)).isEqualTo(Leaf.string("x".repeat(50)));
        assertThatThrownBy(() -> ROOM.validateSet(name, Leaf.string("x".repeat(51)), Role.ADMIN))
                .hasMessageContaining("Configuration SystemUnit Name").hasMessageContaining("0..50");
    }

    @Test
    void literalsAreAnsweredInCanonicalCasing() {
        assertThat(ROOM.validateSet(XPath.parseWords("configuration networkservices http mode"), Leaf.string("https"),
                Role.ADMIN)).isEqualTo(Leaf.literal("HTTPS"));
    }

    @Test
    void rolesAreEnforced() {
        XPath mode = XPath.parseWords("Configuration NetworkServices HTTP Mode");
        assertThatThrownBy(() -> ROOM.validateSet(mode, Leaf.literal("HTTPS"), Role.USER))
                .isInstanceOf(XapiValidationException.class).hasMessageContaining("needs role");
        assertThatThrownBy(() -> PHONE.validateCommand(cmd("SystemUnit FactoryReset", "Confirm", "Yes"), Role.INTEGRATOR))
                .hasMessageContaining("needs role");
        PHONE.validateCommand(cmd("SystemUnit FactoryReset", "Confirm", "Yes"), Role.ADMIN);
        PHONE.validateRead(XPath.parseWords("Status SystemUnit ProductId"), Role.USER);
        assertThatThrownBy(() -> PHONE.validateRead(XPath.parseWords("Status Security LastFailedAdminLogin"), Role.USER))
                .hasMessageContaining("needs role");
    }

    static XapiCall.Command cmd(String name, Object... kv) {
        Map<String, List<Leaf>> params = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            Leaf v = kv[i + 1] instanceof Integer n ? Leaf.integer(n) : Leaf.string((String) kv[i + 1]);
            params.computeIfAbsent((String) kv[i], k -> new ArrayList<>()).add(v);
        }
        return new XapiCall.Command(XPath.parseWords(name), params, null);
    }

    @Test
    void commandsAreTypedAndCanonicalised() {
        XapiCall.Command typed = ROOM.validateCommand(cmd("dial", "number", "alice@example.com", "protocol", "h320"), Role.USER);
        assertThat(typed).isEqualTo(new XapiCall.Command(XPath.of("Dial"), Map.of("Number", List.of(Leaf.string("alice@example.com")),
                "Protocol", List.of(Leaf.literal("H320"))), null));
    }

    @Test
    void multiValuedParameterLimitBothSides() {
        ROOM.validateCommand(cmd("Presentation Start", "ConnectorId", 1, "ConnectorId", 2, "ConnectorId", 3, "ConnectorId", 4), Role.USER);
        assertThatThrownBy(() -> ROOM.validateCommand(cmd("Presentation Start", "ConnectorId", 1, "ConnectorId", 2,
                "ConnectorId", 3, "ConnectorId", 4, "ConnectorId", 5), Role.USER)).hasMessageContaining("at most 4");
        assertThatThrownBy(() -> ROOM.validateCommand(cmd("Dial", "Number", "a", "Number", "b"), Role.USER))
                .hasMessageContaining("at most 1");
    }

    @Test
    void everyViolationIsListedWithPathValueRuleAndSource() {
        XapiValidationException e = org.junit.jupiter.api.Assertions.assertThrows(XapiValidationException.class,
                () -> PHONE.validateCommand(cmd("HttpFeedback Register", "FeedbackSlot", 5, "Bogus", "x"), Role.ADMIN));
        assertThat(e.violations()).hasSize(3);
        assertThat(e.getMessage()).contains("HttpFeedback Register FeedbackSlot = \"5\": must be an integer 1..4 (source: "
                + XapiSources.PHONEOS_NOTES + ")");
        assertThat(e.getMessage()).contains("HttpFeedback Register Bogus").contains("is not a parameter");
        assertThat(e.getMessage()).contains("HttpFeedback Register ServerUrl = \"(absent)\": is required");
    }

    @Test
    void multiLineCommandsNeedABodyAndOthersRefuseOne() {
        XPath banner = XPath.parseWords("SystemUnit SignInBanner Set");
        ROOM.validateCommand(new XapiCall.Command(banner, Map.of(), "Hello"), Role.ADMIN);
        assertThatThrownBy(() -> ROOM.validateCommand(new XapiCall.Command(banner, Map.of(), null), Role.ADMIN))
                .hasMessageContaining("multi-line");
        assertThatThrownBy(() -> ROOM.validateCommand(new XapiCall.Command(XPath.of("Standby", "Activate"), Map.of(), "x"),
                Role.ADMIN)).hasMessageContaining("not a multi-line");
        assertThatThrownBy(() -> ROOM.validateCommand(cmd("Dila"), Role.ADMIN)).hasMessageContaining("is not a command");
    }

    @Test
    void defaultsBuildASimulatorTree() {
        assertThat(Trees.get(PHONE.defaults(), XPath.parseWords("Status SystemUnit ProductId")).orElseThrow().node())
                .isEqualTo(Leaf.string("DP-9841"));
        assertThat(Trees.get(ROOM.defaults(), XPath.parseWords("Status SystemUnit Hardware Monitoring Fan 1 Status"))).isPresent();
        assertThat(Trees.get(ROOM.defaults(), XPath.parseWords("Configuration Audio DefaultVolume")).orElseThrow().node())
                .isEqualTo(Leaf.integer(70));
        assertThat(ROOM.exists(XPath.parseWords("Status SystemUnit"))).isTrue();
        assertThat(ROOM.exists(XPath.parseWords("Status Nope"))).isFalse();
    }

    @Test
    void roomOsCoversTheSeedsExamples() {
        for (String p : List.of("Status SystemUnit Uptime", "Status SystemUnit State NumberOfActiveCalls",
                "Status SystemUnit Hardware Monitoring Fan 2 Status", "Status SIP CallForward DisplayName",
                "Status SystemUnit Software DisplayName", "Status Video Selfview PIPPosition", "Status Audio Volume",
                "Status Audio Input Connectors HDMI 2 Mute", "Status Standby State", "Status Call 5 Status",
                "Status Network 1 IPv4 Address", "Status HttpFeedback 1 Expression 15",
                "Configuration SystemUnit Name", "Configuration Audio Input ARC 1 Mode", "Configuration Video Selfview OnCall Duration",
                "Configuration NetworkServices Websocket", "Command Dial", "Command Presentation Start",
                "Command SystemUnit SignInBanner Set", "Command UserInterface Extensions Panel Save", "Command Peripherals HeartBeat",
                "Command HttpFeedback Register", "Event UserInterface Extensions Widget Action", "Event PresentationPreviewStarted")) {
            assertThat(ROOM.lookup(XPath.parseWords(p))).as(p).isPresent();
        }
    }

    @Test
    void coerceRestoresLiteralsForTerminalRendering() {
        io.phonectl.xapi.tree.Node ws = io.phonectl.xapi.rpc.WsJsonTree.fromJson(io.phonectl.xapi.rpc.RpcCodec.readTree(
                "{\"Status\":{\"Video\":{\"Selfview\":{\"Mode\":\"off\",\"PIPPosition\":\"CenterRight\"}},"
                        + "\"SIP\":{\"CallForward\":{\"DisplayName\":\"my-name\"}},\"Call\":[{\"Status\":\"Connected\",\"id\":3}]}}"));
        io.phonectl.xapi.tree.Branch typed = (io.phonectl.xapi.tree.Branch) ROOM.coerce(XPath.of(), ws);
        assertThat(io.phonectl.xapi.terminal.TerminalText.records(typed)).isEqualTo(
                "*s Video Selfview Mode: Off\n*s Video Selfview PIPPosition: CenterRight\n"
                        + "*s SIP CallForward DisplayName: \"my-name\"\n*s Call 3 Status: Connected\n");
    }
}
