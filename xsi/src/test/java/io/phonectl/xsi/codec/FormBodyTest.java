package io.phonectl.xsi.codec;

import io.phonectl.xsi.XsiParseException;
import io.phonectl.xsi.object.Execute;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The three body styles of reference notes §2.1, told apart by the body alone. */
class FormBodyTest {

    private static final Execute EXEC = Execute.of("http://srv/p?a=1&b=2+3", "Key:Services");
    private static final String XML = XsiCodec.toXml(EXEC);

    @Test
    void encodeIsProperFormEncodingThatTheJdkDecoderAgreesWith() {
        String body = new String(FormBody.encode(EXEC), StandardCharsets.US_ASCII);
        assertThat(body).startsWith("XML=%3C%3Fxml").doesNotContain("<", "&", " ");
        String jdk = java.net.URLDecoder.decode(body.substring(4), StandardCharsets.UTF_8);
        assertThat(XsiCodec.decode(jdk.getBytes(StandardCharsets.UTF_8))).isEqualTo(EXEC);
    }

    @Test
    void styleA_properFormEncoding() {
        byte[] body = ("XML=" + URLEncoder.encode(XML, StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);
        assertThat(XsiCodec.decode(FormBody.xml(body))).isEqualTo(EXEC);
    }

    @Test
    void styleA_fieldAmongOthers() {
        byte[] body = ("a=1&XML=" + URLEncoder.encode(XML, StandardCharsets.UTF_8) + "&b=2").getBytes(StandardCharsets.US_ASCII);
        assertThat(XsiCodec.decode(FormBody.xml(body))).isEqualTo(EXEC);
    }

    @Test
    void styleB_formEncodedBodyLabelledTextXml() {
        // Same bytes as style (a); the label is ignored on purpose, so decoding needs no content type.
        byte[] body = FormBody.encode(EXEC);
        assertThat(XsiCodec.decode(FormBody.xml(body))).isEqualTo(EXEC);
    }

    @Test
    void styleC_rawNotUrlEncodedWithAmpersandAndPlusInside() {
        byte[] body = ("XML=" + XML).getBytes(StandardCharsets.ISO_8859_1);
        assertThat(XML).contains("&amp;", "+");
        assertThat(XsiCodec.decode(FormBody.xml(body))).isEqualTo(EXEC);
    }

    @Test
    void styleC_rawLatin1HonoursTheDeclaration() {
        var text = io.phonectl.xsi.object.Text.builder().text("Grüße").build();
        byte[] xml = XsiCodec.encode(text, StandardCharsets.ISO_8859_1);
        byte[] body = new byte[xml.length + 4];
        System.arraycopy("XML=".getBytes(StandardCharsets.US_ASCII), 0, body, 0, 4);
        System.arraycopy(xml, 0, body, 4, xml.length);
        assertThat(XsiCodec.decode(FormBody.xml(body))).isEqualTo(text);
        assertThat(XsiCodec.decode(FormBody.xml(FormBody.encodeField("XML", xml)))).isEqualTo(text);
    }

    @Test
    void bareDocumentAndDataField() {
        assertThat(FormBody.xml(XML.getBytes(StandardCharsets.UTF_8))).isEqualTo(XML.getBytes(StandardCharsets.UTF_8));
        byte[] data = "DATA=<notifyMediaEvent type=\"stopped\" origin=\"user\"><mediaStream id=\"x\"/></notifyMediaEvent>"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(XsiCodec.decode(FormBody.field(data, FormBody.DATA_FIELD)))
                .isEqualTo(io.phonectl.xsi.component.NotifyMediaEvent.stoppedByUser("x"));
    }

    @Test
    void fieldNameIsCaseSensitiveAndBadEscapesAreParseErrors() {
        assertThatThrownBy(() -> FormBody.xml("xml=%3Ca%2F%3E".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(XsiParseException.class).hasMessageContaining("XML");
        assertThatThrownBy(() -> FormBody.xml("XML=%3Ca%2".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(XsiParseException.class).hasMessageContaining("percent");
    }
}
