package io.phonectl.xapi.terminal;

import io.phonectl.xapi.call.XapiCall;
import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.tree.Branch;
import io.phonectl.xapi.tree.Instances;
import io.phonectl.xapi.tree.Leaf;
import io.phonectl.xapi.tree.Node;
import io.phonectl.xapi.tree.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every terminal example of seeds/004 and seeds/002, rendered from the equivalent call and tree. Expected text is
 * copied from the seeds with the PDF's line wrapping undone; where a seed elides the trailer ("...", no OK) the
 * record block alone is compared.
 */
class TerminalSeedTest {

    /** One example: the call, its terminal input, and the answer rendered from a tree with the expected text. */
    record Case(String name, XapiCall call, String input, String rendered, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static XPath p(Object... s) {
        return XPath.of(s);
    }

    static Branch rooted(XPath path, Node node) {
        return Trees.set(Branch.EMPTY, path, node).tree();
    }

    static Map<String, List<Leaf>> params(Object... kv) {
        Map<String, List<Leaf>> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.computeIfAbsent((String) kv[i], k -> new java.util.ArrayList<>()).add((Leaf) kv[i + 1]);
        }
        return m;
    }

    static Stream<Case> cases() {
        Branch state = Branch.of("NumberOfActiveCalls", Leaf.integer(0), "NumberOfInProgressCalls", Leaf.integer(0),
                "NumberOfSuspendedCalls", Leaf.integer(0));
        Branch device = (Branch) Trees.union(rooted(p("Status", "SIP", "CallForward", "DisplayName"), Leaf.string("my-name")),
                rooted(p("Status", "SystemUnit", "Software", "DisplayName"), Leaf.string("ce 9.7.1 ...")));
        device = (Branch) Trees.union(device, rooted(p("Status", "SystemUnit", "Uptime"), Leaf.integer(62974)));
        Branch wholeStatus = Branch.EMPTY;
        for (Object[] r : new Object[][]{
                {p("Status", "Audio", "Input", "Connectors", "HDMI", 1, "Mute"), Leaf.literal("Off")},
                {p("Status", "Audio", "Input", "Connectors", "HDMI", 2, "Mute"), Leaf.literal("Off")},
                {p("Status", "Video", "Selfview", "OnMonitorRole"), Leaf.literal("First")},
                {p("Status", "Video", "Selfview", "PIPPosition"), Leaf.literal("CenterRight")},
                {p("Configuration", "Audio", "DefaultVolume"), Leaf.integer(70)},
                {p("Configuration", "Audio", "Input", "ARC", 1, "Mode"), Leaf.literal("On")},
                {p("Configuration", "Video", "Selfview", "OnCall", "Duration"), Leaf.integer(10)},
                {p("Configuration", "Video", "Selfview", "OnCall", "Mode"), Leaf.literal("Off")}}) {
            wholeStatus = Trees.set(wholeStatus, (XPath) r[0], (Node) r[1]).tree();
        }
        Branch selfview = rooted(p("Status", "Video", "Selfview"), Branch.of("FullscreenMode", Leaf.literal("Off"),
                "Mode", Leaf.literal("Off")));
        Trees.Change mode = Trees.set(selfview, p("status", "video", "selfview", "mode"), Leaf.literal("On"));
        Trees.Change full = Trees.set(mode.tree(), p("Status", "Video", "Selfview", "FullscreenMode"), Leaf.literal("On"));
        XPath dial = p("Dial");
        XPath present = p("Presentation", "Start");
        XPath banner = p("SystemUnit", "SignInBanner", "Set");
        XPath callDial = p("Call", "Dial");
        return Stream.of(
                new Case("004 leaf status", new XapiCall.Get(p("Status", "SystemUnit", "Uptime")),
                        "xStatus SystemUnit Uptime\n",
                        TerminalText.readResponse(rooted(p("Status", "SystemUnit", "Uptime"), Leaf.integer(62974)), null),
                        "*s SystemUnit Uptime: 62974\n** end\n\nOK\n"),
                new Case("004 leaf configuration", new XapiCall.Get(p("Configuration", "SystemUnit", "Name")),
                        "xConfiguration SystemUnit Name\n",
                        TerminalText.readResponse(rooted(p("Configuration", "SystemUnit", "Name"), Leaf.string("my-device")), null),
                        "*c xConfiguration SystemUnit Name: \"my-device\"\n** end\n\nOK\n"),
                new Case("004 subtree", new XapiCall.Get(p("Status", "SystemUnit", "State")),
                        "xStatus SystemUnit State\n",
                        TerminalText.readResponse(rooted(p("Status", "SystemUnit", "State"), state), null),
                        """
                        *s SystemUnit State NumberOfActiveCalls: 0
                        *s SystemUnit State NumberOfInProgressCalls: 0
                        *s SystemUnit State NumberOfSuspendedCalls: 0
                        ** end

                        OK
                        """),
                new Case("004 array leaf", new XapiCall.Get(p("Status", "SystemUnit", "Hardware", "Monitoring", "Fan", 2, "Status")),
                        "xStatus SystemUnit Hardware Monitoring Fan 2 Status\n",
                        TerminalText.readResponse(rooted(p("Status", "SystemUnit", "Hardware", "Monitoring", "Fan", 2, "Status"),
                                Leaf.string("2372 rpm")), null),
                        "*s SystemUnit Hardware Monitoring Fan 2 Status: \"2372 rpm\"\n** end\n\nOK\n"),
                new Case("004 wildcard query", new XapiCall.Query(p("Status", "**", "DisplayName")),
                        "xStatus // DisplayName\n",
                        TerminalText.readResponse(Trees.query(device, p("Status", "**", "displayname")).orElseThrow(), null),
                        "*s SIP CallForward DisplayName: \"my-name\"\n*s SystemUnit Software DisplayName: \"ce 9.7.1 ...\"\n"
                                + "** end\n\nOK\n"),
                new Case("004 complete status (shown records)", new XapiCall.Get(p("Status")), "xStatus\n",
                        TerminalText.records(Branch.of("Status", wholeStatus.child("Status").orElseThrow())) + TerminalText.END,
                        """
                        *s Audio Input Connectors HDMI 1 Mute: Off
                        *s Audio Input Connectors HDMI 2 Mute: Off
                        *s Video Selfview OnMonitorRole: First
                        *s Video Selfview PIPPosition: CenterRight
                        ** end
                        """),
                new Case("004 complete configuration (shown records)", new XapiCall.Get(p("Configuration")),
                        "xConfiguration\n",
                        TerminalText.records(Branch.of("Configuration", wholeStatus.child("Configuration").orElseThrow()))
                                + TerminalText.END,
                        """
                        *c xConfiguration Audio DefaultVolume: 70
                        *c xConfiguration Audio Input ARC 1 Mode: On
                        *c xConfiguration Video Selfview OnCall Duration: 10
                        *c xConfiguration Video Selfview OnCall Mode: Off
                        ** end
                        """),
                new Case("004 set configuration",
                        new XapiCall.Set(p("Configuration", "SystemUnit", "Name"), Leaf.string("my-device")),
                        "xConfiguration SystemUnit Name: \"my-device\"\n", TerminalText.okResponse(null), "** end\n\nOK\n"),
                new Case("004 command", new XapiCall.Command(dial, params("Number", Leaf.string("alice@example.com"),
                        "Protocol", Leaf.literal("H320")), null),
                        "xCommand Dial Number: \"alice@example.com\" Protocol: H320\n",
                        TerminalText.commandResponse(dial, Branch.of("CallId", Leaf.integer(2), "ConferenceId", Leaf.integer(1)), null),
                        "OK\n*r DialResult (status=OK):\n*r DialResult CallId: 2\n*r DialResult ConferenceId: 1\n** end\n"),
                new Case("004 multi-valued argument", new XapiCall.Command(present, params("Layout", Leaf.literal("Equal"),
                        "ConnectorId", Leaf.integer(2), "ConnectorId", Leaf.integer(3), "SendingMode", Leaf.literal("LocalRemote")), null),
                        "xCommand Presentation Start Layout: Equal ConnectorId: 2 ConnectorId: 3 SendingMode: LocalRemote\n",
                        TerminalText.commandResponse(present, Branch.of("Instance", Leaf.integer(1)), null),
                        "OK\n*r PresentationStartResult (status=OK):\n*r PresentationStartResult Instance: 1\n** end\n"),
                new Case("004 multi-line command", new XapiCall.Command(banner, Map.of(),
                        "You need admin credentials to continue.\nContact the IT Help Desk for more information."),
                        """
                        xCommand SystemUnit SignInBanner Set
                        You need admin credentials to continue.
                        Contact the IT Help Desk for more information.
                        .
                        """,
                        TerminalText.commandResponse(banner, Branch.EMPTY, null),
                        "OK\n*r SignInBannerSetResult (status=OK):\n** end\n"),
                new Case("004 register feedback", new XapiCall.Subscribe(p("Status", "Video", "Selfview"), false),
                        "xFeedback Register Status/Video/Selfview\n", TerminalText.okResponse(null), "** end\n\nOK\n"),
                new Case("004 deregister feedback", new XapiCall.Deregister(p("Status", "Video", "Selfview")),
                        "xFeedback Deregister Status/Video/Selfview\n", TerminalText.okResponse(null), "** end\n\nOK\n"),
                new Case("004 receiving feedback", new XapiCall.Subscribe(p("Status", "Video", "Selfview"), false),
                        "xFeedback Register Status/Video/Selfview\n",
                        TerminalText.feedback(mode.feedback().orElseThrow()) + TerminalText.feedback(full.feedback().orElseThrow()),
                        "*s Video Selfview Mode: On\n** end\n*s Video Selfview FullscreenMode: On\n** end\n"),
                new Case("002 product id", new XapiCall.Get(p("Status", "SystemUnit", "ProductId")),
                        "xStatus SystemUnit ProductId\n",
                        TerminalText.feedback(rooted(p("Status", "SystemUnit", "ProductId"), Leaf.string("DP-9841"))),
                        "*s SystemUnit ProductId: \"DP-9841\"\n** end\n"),
                new Case("002 software version", new XapiCall.Get(p("Status", "SystemUnit", "Software", "Version")),
                        "xStatus SystemUnit Software Version\n",
                        TerminalText.feedback(rooted(p("Status", "SystemUnit", "Software", "Version"),
                                Leaf.string("PHONEOS.3-5-1-1000"))),
                        "*s SystemUnit Software Version: \"PHONEOS.3-5-1-1000\"\n** end\n"),
                new Case("002 ipv4 address", new XapiCall.Get(p("Status", "Network", "IPv4", "Address")),
                        "xStatus Network IPv4 Address\n",
                        TerminalText.feedback(rooted(p("Status", "Network", "IPv4", "Address"), Leaf.string("192.0.2.149"))),
                        "*s Network IPv4 Address: \"192.0.2.149\"\n** end\n"),
                new Case("002 active interface", new XapiCall.Get(p("Status", "Network", "ActiveInterface")),
                        "xStatus Network ActiveInterface\n",
                        TerminalText.feedback(rooted(p("Status", "Network", "ActiveInterface"), Leaf.literal("LAN"))),
                        "*s Network ActiveInterface: LAN\n** end\n"),
                new Case("002 call dial", new XapiCall.Command(callDial, params("Number", Leaf.string("5000")), null),
                        "xCommand Call Dial Number: \"5000\"\n",
                        TerminalText.commandResponse(callDial, Branch.of("CallId", Leaf.integer(0), "LineId", Leaf.integer(1)), null),
                        "OK\n*r CallDialResult (status=OK):\n*r CallDialResult CallId: 0\n*r CallDialResult LineId: 1\n** end\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rendersTheSeedsAnswerExactly(Case c) {
        assertThat(c.rendered()).isEqualTo(c.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rendersTheSeedsInputExactlyAndParsesItBack(Case c) {
        assertThat(TerminalInput.render(TerminalRequest.of(c.call()))).isEqualTo(c.input());
        assertThat(TerminalInput.parse(c.input()).call()).isEqualTo(c.call());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersParseBackToTheirRecords(Case c) {
        TerminalAnswer a = TerminalOutput.parse(c.expected());
        assertThat(TerminalOutput.parse(TerminalText.records(a.documents()) + TerminalText.END).documents())
                .isEqualTo(a.documents());
        if (a.resultName() != null) {
            assertThat(a.commandStatus()).contains("OK");
            assertThat(a.outcome()).isEqualTo(TerminalAnswer.Outcome.OK);
        }
    }

    @Test
    void resultIdTagIsAppendedToInputAndEchoedBeforeEnd() {
        TerminalRequest r = new TerminalRequest(new XapiCall.Get(p("Status", "Audio", "Volume")), "abc-1");
        assertThat(TerminalInput.render(r)).isEqualTo("xStatus Audio Volume | resultId=\"abc-1\"\n");
        assertThat(TerminalInput.parse("xStatus Audio Volume | resultId=\"abc-1\"")).isEqualTo(r);
        String out = TerminalText.readResponse(rooted(p("Status", "Audio", "Volume"), Leaf.integer(50)), "abc-1");
        assertThat(out).isEqualTo("*s Audio Volume: 50\n** resultId: \"abc-1\"\n** end\n\nOK\n");
        TerminalAnswer a = TerminalOutput.parse(out);
        assertThat(a.tag()).contains("abc-1");
        assertThat(a.documents()).isEqualTo(rooted(p("Status", "Audio", "Volume"), Leaf.integer(50)));
    }

    @Test
    void ghostRecordsRoundTrip() {
        Branch before = rooted(p("Status", "Call", 3, "Status"), Leaf.literal("Connected"));
        Branch ghost = Trees.remove(before, p("Status", "Call", 3)).feedback().orElseThrow();
        String text = TerminalText.feedback(ghost);
        assertThat(text).isEqualTo("*s Call 3 (ghost=True):\n** end\n");
        assertThat(TerminalOutput.parse(text).documents()).isEqualTo(ghost);
        assertThat(ghost.child("Status").orElseThrow())
                .isEqualTo(Branch.of("Call", Instances.of(Instances.Instance.ghostOf(3))));
    }

    @Test
    void oldStyleEventsCarrySeveralPairsOnOneLine() {
        TerminalAnswer a = TerminalOutput.parse("*e CallDisconnect CallId: 4 CauseValue: 0 CauseString: \"\"\n** end\n");
        assertThat(a.documents()).isEqualTo(Branch.of("Event", Branch.of("CallDisconnect", Branch.of(
                "CallId", Leaf.integer(4), "CauseValue", Leaf.integer(0), "CauseString", Leaf.string("")))));
    }

    @Test
    void eventsRenderAsStarELinesPerLeaf() {
        Branch action = Branch.of("Event", Branch.of("UserInterface", Branch.of("Extensions", Branch.of("Widget",
                Branch.of("Action", Branch.of("WidgetId", Leaf.string("quickdial"), "Type", Leaf.literal("clicked"),
                        "Value", Leaf.string("")))))));
        String text = TerminalText.feedback(action);
        assertThat(text).isEqualTo("*e UserInterface Extensions Widget Action WidgetId: \"quickdial\"\n"
                + "*e UserInterface Extensions Widget Action Type: clicked\n"
                + "*e UserInterface Extensions Widget Action Value: \"\"\n** end\n");
        assertThat(TerminalOutput.parse(text).documents()).isEqualTo(action);
    }
}
