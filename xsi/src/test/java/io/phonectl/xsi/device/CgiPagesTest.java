package io.phonectl.xsi.device;

import io.phonectl.xsi.XsiParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The /CGI/*Info pages: the shapes of the administration guides' samples, read tolerantly, written back alike. */
class CgiPagesTest {

    /** Shaped as the guide's sample CallInfo output (tabs, empty elements, a softkey list), with our own values. */
    static final String CALL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <CiscoIPPhoneCallLineInfo>
              <Prompt/>
            \t<Notify/>
            \t<Status/>
            \t<LineDirNum>2001</LineDirNum>
            \t<LineState>CONNECTED</LineState>
            \t<CiscoIPPhoneCallInfo>
            \t\t<CallState>CONNECTED</CallState>
            \t\t<CallType>OUTBOUND</CallType>
            \t\t<CallingPartyName/>
            \t\t<CallingPartyDirNum>2001</CallingPartyDirNum>
            \t\t<CalledPartyName>Reception</CalledPartyName>
            \t\t<CalledPartyDirNum>5000</CalledPartyDirNum>
            \t\t<HuntPilotName/>
            \t\t<CallReference>41</CallReference>
            \t\t<CallDuration>73</CallDuration>
            \t\t<CallStatus>null</CallStatus>
            \t\t<CallSecurity>UNAUTHENTICATED</CallSecurity>
            \t\t<CallPrecedence>ROUTINE</CallPrecedence>
            \t\t<FeatureList/>
            \t</CiscoIPPhoneCallInfo>
            \t<VisibleFeatureList>
            \t\t<Feature Position="1" Enabled="true" Label="Hold"/>
            \t\t<Feature Position="2" Enabled="false" Label="Transfer"/>
            \t</VisibleFeatureList>
            </CiscoIPPhoneCallLineInfo>
            """;

    /** The guide's LineInfo sample has no declaration and writes lineDirNum with a small l. */
    static final String LINE = """
            <CiscoIPPhoneLineInfo>
            \t<Prompt/><Notify/><Status>null</Status>
            \t<CiscoIPPhoneLines><LineType>9</LineType><lineDirNum>2001</lineDirNum><MessageWaiting>YES</MessageWaiting>\
            <RingerName>Chirp1</RingerName><LineLabel/><LineIconState>CONNECTED</LineIconState></CiscoIPPhoneLines>
            \t<CiscoIPPhoneLines><LineType>2</LineType><lineDirNum>5000</lineDirNum><MessageWaiting>NO</MessageWaiting>\
            <LineLabel>SD5000</LineLabel><LineIconState>ON</LineIconState><Presence>idle</Presence></CiscoIPPhoneLines>
            </CiscoIPPhoneLineInfo>
            """;

    static final String MODE = """
            <?xml version="1.0" encoding="utf-8"?>
            <CiscoIPPhoneModeInfo>
               <PlaneTitle>Applications</PlaneTitle>
               <PlaneFieldCount>2</PlaneFieldCount>
               <PlaneSoftKeyIndex>0</PlaneSoftKeyIndex>
               <PlaneSoftKeyMask>0</PlaneSoftKeyMask>
               <Prompt></Prompt><Notify></Notify><Status></Status>
               <CiscoIPPhoneFields><FieldType>0</FieldType><FieldAttr></FieldAttr><fieldHelpIndex>0</fieldHelpIndex>\
            <FieldName>Recents</FieldName><FieldValue></FieldValue></CiscoIPPhoneFields>
               <CiscoIPPhoneFields><FieldType>0</FieldType><FieldAttr></FieldAttr><fieldHelpIndex>0</fieldHelpIndex>\
            <FieldName>Ringtone</FieldName><FieldValue>Chirp1</FieldValue></CiscoIPPhoneFields>
            </CiscoIPPhoneModeInfo>
            """;

    @Test
    void callInfoReadsTheGuidesShape() {
        CallLineInfo c = CallLineInfo.parse(bytes(CALL));
        assertThat(c.lineDirNum()).isEqualTo("2001");
        assertThat(c.lineState()).isEqualTo("CONNECTED");
        assertThat(c.calls()).singleElement().satisfies(call -> {
            assertThat(call.callType()).isEqualTo("OUTBOUND");
            assertThat(call.calledPartyName()).isEqualTo("Reception");
            assertThat(call.calledPartyDirNum()).isEqualTo("5000");
            assertThat(call.callDuration()).isEqualTo("73");
            assertThat(call.features()).isEmpty();
        });
        assertThat(c.visibleFeatures()).containsExactly(new CallLineInfo.Feature(1, true, "Hold"),
                new CallLineInfo.Feature(2, false, "Transfer"));
        assertThat(c.fields()).containsEntry("Call1.CalledPartyDirNum", "5000").containsEntry("Softkey1", "Hold")
                .containsEntry("Softkey2", "Transfer (disabled)");
        assertThat(CallLineInfo.parse(bytes(c.toXml()))).isEqualTo(c);
    }

    @Test
    void anIdleLineHasNoCalls() {
        CallLineInfo idle = CallLineInfo.parse(bytes("<CiscoIPPhoneCallLineInfo><LineDirNum>2001</LineDirNum>"
                + "<LineState>ONHOOK</LineState></CiscoIPPhoneCallLineInfo>"));
        assertThat(idle.calls()).isEmpty();
        assertThat(idle.visibleFeatures()).isEmpty();
        assertThat(idle.lineState()).isEqualTo("ONHOOK");
    }

    @Test
    void lineInfoReadsEveryButtonWhateverTheCase() {
        LineInfo l = LineInfo.parse(bytes(LINE));
        assertThat(l.status()).isEqualTo("null");
        assertThat(l.lines()).hasSize(2);
        assertThat(l.lines().get(0).lineDirNum()).isEqualTo("2001");
        assertThat(l.lines().get(0).hasMessageWaiting()).isTrue();
        assertThat(l.lines().get(0).lineIconState()).isEqualTo("CONNECTED");
        assertThat(l.lines().get(1).lineLabel()).isEqualTo("SD5000");
        assertThat(l.lines().get(1).hasMessageWaiting()).isFalse();
        assertThat(l.lines().get(1).extra()).containsEntry("Presence", "idle");
        assertThat(l.fields()).containsEntry("Line2.LineIconState", "ON");
        assertThat(LineInfo.parse(bytes(l.toXml()))).isEqualTo(l);
        // the CallInfo sample's spelling reads the same
        assertThat(LineInfo.parse(bytes(LINE.replace("lineDirNum", "LineDirNum"))).lines().get(0).lineDirNum())
                .isEqualTo("2001");
    }

    @Test
    void modeInfoReadsThePlaneAndItsFields() {
        ModeInfo m = ModeInfo.parse(bytes(MODE));
        assertThat(m.planeTitle()).isEqualTo("Applications");
        assertThat(m.planeFieldCount()).isEqualTo(2);
        assertThat(m.fields()).extracting(ModeInfo.Field::fieldName).containsExactly("Recents", "Ringtone");
        assertThat(m.values()).containsEntry("Field2", "Ringtone: Chirp1").containsEntry("Field1", "Recents");
        assertThat(ModeInfo.parse(bytes(m.toXml()))).isEqualTo(m);
    }

    @Test
    void settingsInfoKeepsEveryLeafByPath() {
        String xml = "<CiscoIPPhoneSettingsInfo><Prompt/><Status/><RingTone>Chirp1</RingTone>"
                + "<Display><Brightness>7</Brightness><Contrast>3</Contrast></Display><Line>1</Line><Line>2</Line>"
                + "</CiscoIPPhoneSettingsInfo>";
        SettingsInfo s = SettingsInfo.parse(bytes(xml));
        assertThat(s.settings()).containsExactly(Map.entry("RingTone", "Chirp1"), Map.entry("Display.Brightness", "7"),
                Map.entry("Display.Contrast", "3"), Map.entry("Line", "1"), Map.entry("Line#2", "2"));
        assertThat(SettingsInfo.parse(bytes(s.toXml()))).isEqualTo(s);
        assertThat(SettingsInfo.isRoot("SettingsInfo")).isTrue();
        assertThat(SettingsInfo.isRoot("html")).isFalse();
    }

    @Test
    void seventyNineHundredMalformationsAreRepaired() {
        // inline declarations, as 79xx DeviceLogX writes them, and an ISO-8859-1 declaration
        byte[] xml = ("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><CiscoIPPhoneLineInfo><?xml version=\"1.0\"?>"
                + "<CiscoIPPhoneLines><LineLabel>Caf\u00e9</LineLabel></CiscoIPPhoneLines></CiscoIPPhoneLineInfo>")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(LineInfo.parse(xml).lines().getFirst().lineLabel()).isEqualTo("Caf\u00e9");
    }

    @Test
    void rootNamesTheDocument() {
        assertThat(DevicePageCodec.root(bytes(CALL))).isEqualTo(CallLineInfo.ROOT);
        assertThat(DevicePageCodec.root(bytes(LINE))).isEqualTo(LineInfo.ROOT);
        assertThat(DevicePageCodec.root(bytes("<html><body><p>It works!</p></body></html>"))).isEqualTo("html");
        assertThatThrownBy(() -> DevicePageCodec.root(bytes("<!DOCTYPE html><html><body>x</body></html>")))
                .isInstanceOf(XsiParseException.class);
        assertThatThrownBy(() -> DevicePageCodec.root(bytes("just text"))).isInstanceOf(XsiParseException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"call", "line", "mode", "settings"})
    void mutatedPagesFailOnlyWithTheTypedError(String page) {
        Function<byte[], Object> reader = switch (page) {
            case "call" -> CallLineInfo::parse;
            case "line" -> LineInfo::parse;
            case "mode" -> ModeInfo::parse;
            default -> SettingsInfo::parse;
        };
        String base = switch (page) {
            case "call" -> CALL;
            case "line" -> LINE;
            case "mode" -> MODE;
            default -> "<CiscoIPPhoneSettingsInfo><A>1</A><B><C>2</C></B></CiscoIPPhoneSettingsInfo>";
        };
        Random random = new Random(page.hashCode());
        for (int i = 0; i < 500; i++) {
            byte[] b = bytes(base);
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                String noise = "<>/&\"'= \u0000xA9";
                b[random.nextInt(b.length)] = (byte) noise.charAt(random.nextInt(noise.length()));
            }
            Throwable t = catchThrowable(() -> reader.apply(b));
            assertThat(t).as("mutation %d of %s", i, page).satisfiesAnyOf(x -> assertThat(x).isNull(),
                    x -> assertThat(x).isInstanceOf(XsiParseException.class));
        }
    }

    @Test
    void hostileNestingIsRefused() {
        String deep = "<CiscoIPPhoneLineInfo>" + "<a>".repeat(100) + "</a>".repeat(100) + "</CiscoIPPhoneLineInfo>";
        assertThatThrownBy(() -> LineInfo.parse(bytes(deep))).isInstanceOf(XsiParseException.class);
        String wide = "<CiscoIPPhoneSettingsInfo>" + "<a/>".repeat(PageElement.MAX_ELEMENTS + 1)
                + "</CiscoIPPhoneSettingsInfo>";
        assertThatThrownBy(() -> SettingsInfo.parse(bytes(wide))).isInstanceOf(XsiParseException.class);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
