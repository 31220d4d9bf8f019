package io.phonectl.xsi.codec;

import io.phonectl.xsi.component.StopMedia;
import io.phonectl.xsi.component.MediaStreamReply;
import io.phonectl.xsi.component.NotifyApplicationEvent;
import io.phonectl.xsi.component.AppEventType;
import io.phonectl.xsi.object.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ByteExactTest {

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void errorIsWrittenWithTheSpaceBeforeTheSlash() {
        assertThat(XsiCodec.encode(PhoneError.of(4))).isEqualTo("<CiscoIPPhoneError Number=\"4\" />".getBytes(StandardCharsets.US_ASCII));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<CiscoIPPhoneError Number=\"4\" />", "<CiscoIPPhoneError Number=\"4\"/>",
            "<CiscoIPPhoneError Number=\"4\"></CiscoIPPhoneError>", "<CiscoIPPhoneError Number=\"4\">  </CiscoIPPhoneError>"})
    void errorIsReadInEverySpelling(String xml) {
        assertThat(XsiCodec.decode(xml.getBytes(StandardCharsets.UTF_8))).isEqualTo(PhoneError.of(4));
    }

    @Test
    void errorWithTextKeepsTheText() {
        assertThat(XsiCodec.decode("<CiscoIPPhoneError Number=\"6\">Timeout</CiscoIPPhoneError>".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new PhoneError(6, "Timeout"));
    }

    @Test
    void executeIsWrittenExactly() {
        Execute e = Execute.builder().item(0, "http://127.0.0.5/page?a=1&b=2").item("Key:Services").build();
        assertThat(utf8(XsiCodec.encode(e))).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<CiscoIPPhoneExecute><ExecuteItem Priority=\"0\" URL=\"http://127.0.0.5/page?a=1&amp;b=2\"/>"
                + "<ExecuteItem Priority=\"0\" URL=\"Key:Services\"/></CiscoIPPhoneExecute>");
    }

    @Test
    void responseAttributesAreInOrderUrlDataStatus() {
        Response r = Response.of(ResponseItem.of("Key:Services", ResponseStatus.SUCCESS));
        assertThat(XsiCodec.toXml(r)).isEqualTo("<CiscoIPPhoneResponse><ResponseItem URL=\"Key:Services\" "
                + "Data=\"Success\" Status=\"0\"/></CiscoIPPhoneResponse>");
    }

    @Test
    void theSpecSampleResponseWithOtherAttributeOrderIsRead() {
        String xml = "<CiscoIPPhoneResponse>\n<ResponseItem Status=\"0\" Data=\"Success\" URL=\"Key:Services\"/>\n</CiscoIPPhoneResponse>";
        Response r = XsiCodec.decode(xml.getBytes(StandardCharsets.UTF_8), XsiCodec.Mode.STRICT, Response.class);
        assertThat(r.items()).containsExactly(new ResponseItem("Key:Services", "Success", 0));
        assertThat(r.items().get(0).known()).isEqualTo(ResponseStatus.SUCCESS);
    }

    @Test
    void allFiveEntitiesAreEscapedInTextAndAttributes() {
        Text t = Text.builder().title("&\"'<>").text("&\"'<>").build();
        assertThat(XsiCodec.toXml(t)).isEqualTo("<CiscoIPPhoneText><Title>&amp;&quot;&apos;&lt;&gt;</Title>"
                + "<Text>&amp;&quot;&apos;&lt;&gt;</Text></CiscoIPPhoneText>");
        assertThat(XsiCodec.toXml(Execute.of("Dial:1'<&>\"")))
                .isEqualTo("<CiscoIPPhoneExecute><ExecuteItem Priority=\"0\" URL=\"Dial:1&apos;&lt;&amp;&gt;&quot;\"/></CiscoIPPhoneExecute>");
    }

    @Test
    void latin1DeclarationAndCharacterReferencesForWhatLatin1CannotCarry() {
        byte[] b = XsiCodec.encode(Text.builder().text("ü€").build(), StandardCharsets.ISO_8859_1);
        assertThat(new String(b, StandardCharsets.ISO_8859_1)).isEqualTo("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
                + "<CiscoIPPhoneText><Text>ü&#8364;</Text></CiscoIPPhoneText>");
        assertThat(b).contains((byte) 0xFC);
    }

    @Test
    void componentRepliesAreWrittenBareAsInTheSeeds() {
        assertThat(utf8(XsiCodec.encode(new MediaStreamReply("abc123")))).isEqualTo("<mediaStream id=\"abc123\"/>");
        assertThat(XsiCodec.toXml(StopMedia.all())).isEqualTo("<stopMedia/>");
        assertThat(XsiCodec.toXml(new StopMedia("abc123"))).isEqualTo("<stopMedia><mediaStream id=\"abc123\"/></stopMedia>");
        assertThat(XsiCodec.toXml(new NotifyApplicationEvent("A/B", AppEventType.FOCUS_LOST)))
                .isEqualTo("<notifyApplicationEvent appId=\"A/B\" type=\"focusLost\"/>");
    }

    @Test
    void softKeyItemIsWrittenInXsdOrder() {
        Text t = Text.builder().text("x").softKey(new SoftKeyItem("Go", 1, "http://s/", "Key:Speaker")).build();
        assertThat(XsiCodec.toXml(t)).contains("<SoftKeyItem><Name>Go</Name><Position>1</Position><URL>http://s/</URL>"
                + "<URLDown>Key:Speaker</URLDown></SoftKeyItem>");
    }
}
