package io.phonectl.xsi.device;

import io.phonectl.xsi.XsiParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CallInfo, LineInfo and ModeInfo: the shapes of the administration guides' samples, read tolerantly, written back. */
class InfoPagesTest {

    /** The shape of "Sample CallInfo Output" (8800 / 7832 administration guides), with tabs as there. */
    static final String CALL_INFO = """
            <?xml version="1.0" encoding="UTF-8"?>
            <CiscoIPPhoneCallLineInfo>
              <Prompt/>
            \t <Notify/>
            \t <Status/>
            \t <LineDirNum>1030</LineDirNum>
            \t <LineState>CONNECTED</LineState>
            \t <CiscoIPPhoneCallInfo>
            \t\t   <CallState>CONNECTED</CallState>
            \t\t   <CallType>INBOUND</CallType>
            \t\t   <CallingPartyName/>
            \t\t   <CallingPartyDirNum>9700</CallingPartyDirNum>
            \t   \t<CalledPartyName/>
            \t\t   <CalledPartyDirNum>1030</CalledPartyDirNum>
            \t\t   <HuntPilotName/>
            \t\t   <CallReference>30303060</CallReference>
            \t\t   <CallDuration>12835</CallDuration>
            \t   \t<CallStatus>null</CallStatus>
            \t   \t<CallSecurity>UNAUTHENTICATED</CallSecurity>
            \t\t   <CallPrecedence>ROUTINE</CallPrecedence>
            \t\t   <FeatureList/>
              \t</CiscoIPPhoneCallInfo>
              \t<VisibleFeatureList>
            \t   \t<Feature Position="1" Enabled="true" Label="End Call"/>
            \t   \t<Feature Position="2" Enabled="true" Label="Show Detail"/>
              \t</VisibleFeatureList>
            </CiscoIPPhoneCallLineInfo>
            """;

    /** "Sample LineInfo Output": no declaration, a speed dial without RingerName. */
    static final String LINE_INFO = """
            <CiscoIPPhoneLineInfo>
            \t  <Prompt/>
              \t<Notify/>
              \t<Status>null</Status>
            \t  <CiscoIPPhoneLines>
            \t   \t<LineType>9</LineType>
            \t\t   <lineDirNum>1028</lineDirNum>
            \t   \t<MessageWaiting>NO</MessageWaiting>
            \t   \t<RingerName>Chirp1</RingerName>
            \t   \t<LineLabel/>
            \t   \t<LineIconState>ONHOOK</LineIconState>
              \t</CiscoIPPhoneLines>
              \t<CiscoIPPhoneLines>
               \t\t<LineType>2</LineType>
               \t\t<lineDirNum>9700</lineDirNum>
               \t\t<MessageWaiting>YES</MessageWaiting>
               \t\t<LineLabel>SD9700</LineLabel>
               \t\t<LineIconState>ON</LineIconState>
             \t</CiscoIPPhoneLines>
            </CiscoIPPhoneLineInfo>
            """;

    static final String MODE_INFO = """
            <?xml version="1.0" encoding="utf-8"?>
            <CiscoIPPhoneModeInfo>
               <PlaneTitle>Applications</PlaneTitle>
               <PlaneFieldCount>12</PlaneFieldCount>
               <PlaneSoftKeyIndex>0</PlaneSoftKeyIndex>
               <PlaneSoftKeyMask>0</PlaneSoftKeyMask>
               <Prompt></Prompt>
               <Notify></Notify>
               <Status></Status>
               <CiscoIPPhoneFields>
                  <FieldType>0</FieldType>
                  <FieldAttr></FieldAttr>
                  <fieldHelpIndex>0</fieldHelpIndex>
                  <FieldName>Call History</FieldName>
                  <FieldValue></FieldValue>
               </CiscoIPPhoneFields>
               <CiscoIPPhoneFields>
                  <FieldType>0</FieldType>
                  <FieldAttr></FieldAttr>
                  <fieldHelpIndex>0</fieldHelpIndex>
                  <FieldName>Preferences</FieldName>
                  <FieldValue></FieldValue>
               </CiscoIPPhoneFields>
            </CiscoIPPhoneModeInfo>
            """;

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void callInfoSampleReads() {
        CallLineInfo c = CallLineInfo.parse(utf8(CALL_INFO));
        assertThat(c.lineDirNum()).isEqualTo("1030");
        assertThat(c.lineState()).isEqualTo("CONNECTED");
        assertThat(c.calls()).singleElement().satisfies(call -> {
            assertThat(call.callType()).isEqualTo("INBOUND");
            assertThat(call.callingPartyDirNum()).isEqualTo("9700");
            assertThat(call.callingPartyName()).isEmpty();
            assertThat(call.callDuration()).isEqualTo(12835);
            assertThat(call.callSecurity()).isEqualTo("UNAUTHENTICATED");
        });
        assertThat(c.visibleFeatures()).containsExactly(new CallLineInfo.Feature(1, true, "End Call"),
                new CallLineInfo.Feature(2, true, "Show Detail"));
        assertThat(CallLineInfo.parse(utf8(c.toXml()))).isEqualTo(c);
    }

    @Test
    void lineInfoSampleReads() {
        LineInfo l = LineInfo.parse(utf8(LINE_INFO));
        assertThat(l.lines()).extracting(LineInfo.Line::lineDirNum).containsExactly("1028", "9700");
        assertThat(l.lines().get(1).lineType()).isEqualTo(2);
        assertThat(l.lines().get(1).ringerName()).isEmpty();
        assertThat(l.lines().get(1).hasMessageWaiting()).isTrue();
        assertThat(l.lines().get(0).lineIconState()).isEqualTo("ONHOOK");
        assertThat(LineInfo.parse(utf8(l.toXml()))).isEqualTo(l);
    }

    @Test
    void modeInfoSampleReads() {
        ModeInfo m = ModeInfo.parse(utf8(MODE_INFO));
        assertThat(m.planeTitle()).isEqualTo("Applications");
        assertThat(m.fields()).extracting(ModeInfo.Field::fieldName).containsExactly("Call History", "Preferences");
        assertThat(ModeInfo.parse(utf8(m.toXml()))).isEqualTo(m);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "<html><body>Protected Object</body></html>", "<CiscoIPPhoneLineInfo>",
            "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><CiscoIPPhoneLineInfo>&e;</CiscoIPPhoneLineInfo>"})
    void otherDocumentsFailWithTheParseError(String text) {
        assertThatThrownBy(() -> LineInfo.parse(utf8(text))).isInstanceOf(XsiParseException.class);
    }

    /** Seeded mutations of the samples: a reader may only ever fail with its own typed error. */
    @Test
    void mutatedSamplesFailOnlyWithTheParseError() {
        Random random = new Random(16);
        for (String sample : List.of(CALL_INFO, LINE_INFO, MODE_INFO)) {
            for (int i = 0; i < 300; i++) {
                char[] c = sample.toCharArray();
                for (int k = 0; k < 3; k++) {
                    String alphabet = "<>/&\"x= \u00e9";
                    c[random.nextInt(c.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
                }
                byte[] bytes = utf8(new String(c));
                try {
                    CallLineInfo.parse(bytes);
                    LineInfo.parse(bytes);
                    ModeInfo.parse(bytes);
                } catch (XsiParseException expected) {
                    // the only allowed failure
                }
            }
        }
    }
}
