package io.phonectl.xsi.codec;

import io.phonectl.xsi.XsiParseException;
import io.phonectl.xsi.XsiValidationException;
import io.phonectl.xsi.component.*;
import io.phonectl.xsi.object.*;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.phonectl.xsi.codec.XsiCodec.Mode.LENIENT;
import static io.phonectl.xsi.codec.XsiCodec.Mode.STRICT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictLenientTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static final String SOFTKEY_HB_ORDER = "<CiscoIPPhoneText><Text>x</Text><SoftKeyItem><Name>Exit</Name>"
            + "<URL>SoftKey:Exit</URL><Position>3</Position></SoftKeyItem></CiscoIPPhoneText>";

    @Test
    void softKeyChildOrderOfOtherClientsIsRejectedStrictAndAcceptedLenient() {
        assertThatThrownBy(() -> XsiCodec.decode(b(SOFTKEY_HB_ORDER), STRICT))
                .isInstanceOf(XsiParseException.class).hasMessageContaining("out of order")
                .satisfies(e -> assertThat(((XsiParseException) e).line()).isEqualTo(1));
        assertThat(XsiCodec.decode(b(SOFTKEY_HB_ORDER), LENIENT)).isEqualTo(Text.builder().text("x")
                .softKey(new SoftKeyItem("Exit", 3, "SoftKey:Exit", null)).build());
    }

    @Test
    void unknownElementsRejectedStrictIgnoredLenient() {
        String xml = "<CiscoIPPhoneMenu><Title>t</Title><Bogus/><MenuItem><Name>a</Name><URL>Key:Services</URL></MenuItem></CiscoIPPhoneMenu>";
        assertThatThrownBy(() -> XsiCodec.decode(b(xml), STRICT)).isInstanceOf(XsiParseException.class)
                .hasMessageContaining("Bogus");
        assertThat(XsiCodec.decode(b(xml), LENIENT)).isEqualTo(Menu.builder().title("t").item("a", "Key:Services").build());
    }

    @Test
    void malformedCharsetDeclarationOfAWidelyUsedClientIsToleratedOnlyLenient() {
        String xml = "<?xml version=\"1.0\" charset=\"UTF-8\"><startMedia><mediaStream><type>audio</type><codec>G.711</codec>"
                + "<mode>receive</mode><address>127.0.0.1</address><port>20480</port></mediaStream></startMedia>";
        assertThatThrownBy(() -> XsiCodec.decode(b(xml), STRICT)).isInstanceOf(XsiParseException.class);
        assertThat(XsiCodec.decode(b(xml), LENIENT))
                .isEqualTo(new StartMedia(MediaStream.audio(Codec.G711, MediaMode.RECEIVE, "127.0.0.1", 20480)));
    }

    @Test
    void lenientRepairHonoursADeclaredLatin1Charset() {
        byte[] xml = "<?xml version=\"1.0\" charset=\"ISO-8859-1\"><CiscoIPPhoneText><Text>Grüße</Text></CiscoIPPhoneText>"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(XsiCodec.decode(xml, LENIENT)).isEqualTo(Text.builder().text("Grüße").build());
    }

    @Test
    void strictRequiresUtf8OrLatin1Declaration() {
        byte[] xml = "<?xml version=\"1.0\" encoding=\"UTF-16LE\"?><getDeviceCaps/>".getBytes(StandardCharsets.UTF_16LE);
        assertThatThrownBy(() -> XsiCodec.decode(xml, STRICT)).isInstanceOf(XsiParseException.class);
        assertThat(XsiCodec.decode(b("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><getDeviceCaps/>"), STRICT))
                .isEqualTo(new GetDeviceCaps());
    }

    @Test
    void eventHandlerChildElementsAreAViolationOnlyInStrictMode() {
        String xml = "<CiscoIPPhoneText><appId>Acme/App</appId><Text>x</Text><onAppClosed>Init:Services</onAppClosed></CiscoIPPhoneText>";
        assertThatThrownBy(() -> XsiCodec.decode(b(xml), STRICT)).isInstanceOf(XsiValidationException.class)
                .satisfies(e -> assertThat(((XsiValidationException) e).violations())
                        .extracting(io.phonectl.xsi.Violation::field).containsExactly("appId", "onAppClosed"));
        assertThat(XsiCodec.decode(b(xml), LENIENT)).isEqualTo(Text.builder().text("x")
                .events(AppEvents.of("Acme/App").withClosed("Init:Services")).build());
    }

    @Test
    void indentedDocumentsFromTheSpecAreReadStrictly() {
        String xml = """
                <startMedia>
                  <mediaStream
                    onStopped="Notify:http:server:80:path/page"
                    receiveVolume="50">
                    <type>audio</type>
                    <codec>G.729</codec>
                    <mode>sendReceive</mode>
                    <address>239.1.2.3</address>
                    <port>20480</port>
                  </mediaStream>
                </startMedia>
                """;
        StartMedia s = XsiCodec.decode(b(xml), STRICT, StartMedia.class);
        assertThat(s.stream().receiveVolume()).isEqualTo(50);
        assertThat(s.stream().codec()).isEqualTo(Codec.G729);
        String caps = """
                <getDeviceCapsResponse>
                <physical>
                <modelNumber>CP-7970</modelNumber>
                <display width="298" height="168" bitDepth="12" isColor="true"/>
                </physical>
                <services sdkVersion="5.0.3"><browser>...</browser></services>
                </getDeviceCapsResponse>
                """;
        assertThat(XsiCodec.decode(b(caps))).isEqualTo(new GetDeviceCapsResponse("CP-7970",
                new DisplayCaps(298, 168, 12, true), "5.0.3", "..."));
    }

    @Test
    void errorResponseChildrenMayComeInAnyOrder() {
        String xml = "<errorResponse><data>No Media Resource Available</data><type>UnavailableResource</type></errorResponse>";
        assertThat(XsiCodec.decode(b(xml), STRICT)).isEqualTo(ErrorResponse.unavailableResource());
    }

    @Test
    void unknownEnumValuesAreValidationErrorsNamingTheValue() {
        String xml = "<notifyApplicationEvent appId=\"A\" type=\"exploded\"/>";
        assertThatThrownBy(() -> XsiCodec.decode(b(xml))).isInstanceOf(XsiValidationException.class)
                .hasMessageContaining("exploded").hasMessageContaining("focusLost");
    }

    @Test
    void wrongRootTypeAndUnknownRootAreParseErrors() {
        assertThatThrownBy(() -> XsiCodec.decode(b("<getDeviceCaps/>"), STRICT, Response.class))
                .isInstanceOf(XsiParseException.class);
        assertThatThrownBy(() -> XsiCodec.decode(b("<html/>"), LENIENT)).isInstanceOf(XsiParseException.class)
                .hasMessageContaining("unknown root");
    }

    @Test
    void duplicateSingleElementIsRefusedInBothModes() {
        String xml = "<CiscoIPPhoneText><Title>a</Title><Title>b</Title></CiscoIPPhoneText>";
        assertThatThrownBy(() -> XsiCodec.decode(b(xml), STRICT)).isInstanceOf(XsiParseException.class);
        assertThatThrownBy(() -> XsiCodec.decode(b(xml), LENIENT)).isInstanceOf(XsiParseException.class);
    }

    @Test
    void misspelledAttributesAreRefusedStrictAndIgnoredLenient() {
        String xml = "<CiscoIPPhoneExecute><ExecuteItem priority=\"1\" URL=\"Key:Services\"/></CiscoIPPhoneExecute>";
        assertThatThrownBy(() -> XsiCodec.decode(b(xml), STRICT)).isInstanceOf(XsiParseException.class)
                .hasMessageContaining("priority").hasMessageContaining("case-sensitive");
        assertThat(XsiCodec.decode(b(xml), LENIENT)).isEqualTo(Execute.of("Key:Services"));
    }

    @Test
    void decodeFormReadsAPushBody() {
        Execute e = Execute.of("Key:Services");
        assertThat(XsiCodec.decodeForm(FormBody.encode(e), STRICT)).isEqualTo(e);
    }

    @Test
    void blankErrorTextIsAbsent() {
        assertThat(new PhoneError(4, "  ")).isEqualTo(PhoneError.of(4));
    }
}
