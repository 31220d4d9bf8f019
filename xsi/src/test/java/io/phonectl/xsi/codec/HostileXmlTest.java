package io.phonectl.xsi.codec;

import io.phonectl.xsi.XsiParseException;
import io.phonectl.xsi.xml.SafeXml;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostileXmlTest {

    private static void refused(String xml, XsiCodec.Mode mode) {
        assertThatThrownBy(() -> XsiCodec.decode(xml.getBytes(StandardCharsets.UTF_8), mode))
                .isInstanceOf(XsiParseException.class);
    }

    @ParameterizedTest
    @EnumSource(XsiCodec.Mode.class)
    void externalEntityIsRefused(XsiCodec.Mode mode) {
        refused("<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<CiscoIPPhoneText><Text>&xxe;</Text></CiscoIPPhoneText>", mode);
    }

    @ParameterizedTest
    @EnumSource(XsiCodec.Mode.class)
    void externalDtdIsRefused(XsiCodec.Mode mode) {
        refused("<?xml version=\"1.0\"?><!DOCTYPE CiscoIPPhoneText SYSTEM \"http://127.0.0.1:1/evil.dtd\">"
                + "<CiscoIPPhoneText><Text>x</Text></CiscoIPPhoneText>", mode);
    }

    @ParameterizedTest
    @EnumSource(XsiCodec.Mode.class)
    void billionLaughsIsRefused(XsiCodec.Mode mode) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            sb.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                sb.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            sb.append("\">");
        }
        sb.append("]><CiscoIPPhoneText><Text>&lol9;</Text></CiscoIPPhoneText>");
        refused(sb.toString(), mode);
    }

    @ParameterizedTest
    @EnumSource(XsiCodec.Mode.class)
    void overdeepDocumentIsRefusedWithPosition(XsiCodec.Mode mode) {
        String xml = "<CiscoIPPhoneText>" + "<a>".repeat(SafeXml.MAX_DEPTH) + "</a>".repeat(SafeXml.MAX_DEPTH)
                + "</CiscoIPPhoneText>";
        assertThatThrownBy(() -> XsiCodec.decode(xml.getBytes(StandardCharsets.UTF_8), mode))
                .isInstanceOf(XsiParseException.class).hasMessageContaining("deeper")
                .matches(e -> ((XsiParseException) e).line() == 1 && ((XsiParseException) e).column() > 0);
    }

    @Test
    void depthAtTheLimitIsStillParsedLeniently() {
        // MAX_DEPTH levels in all (root + MAX_DEPTH-1 unknown elements) are read; unknown ones ignored.
        String xml = "<CiscoIPPhoneText><Text>x</Text>" + "<a>".repeat(SafeXml.MAX_DEPTH - 1)
                + "</a>".repeat(SafeXml.MAX_DEPTH - 1) + "</CiscoIPPhoneText>";
        org.assertj.core.api.Assertions.assertThat(XsiCodec.decode(xml.getBytes(StandardCharsets.UTF_8), XsiCodec.Mode.LENIENT))
                .isEqualTo(io.phonectl.xsi.object.Text.builder().text("x").build());
    }

    @ParameterizedTest
    @EnumSource(XsiCodec.Mode.class)
    void oversizeDocumentIsRefused(XsiCodec.Mode mode) {
        String xml = "<CiscoIPPhoneText><Text>" + "x".repeat(SafeXml.MAX_BYTES) + "</Text></CiscoIPPhoneText>";
        refused(xml, mode);
    }

    @Test
    void invalidUtf8IsAParseErrorWithItsPosition() {
        byte[] xml = "<CiscoIPPhoneText>\n<Text>ab\u00ffcd</Text></CiscoIPPhoneText>".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> XsiCodec.decode(xml, XsiCodec.Mode.STRICT)).isInstanceOf(XsiParseException.class)
                .hasMessageContaining("UTF-8").matches(e -> ((XsiParseException) e).line() == 2
                        && ((XsiParseException) e).column() == 9);
    }
}
