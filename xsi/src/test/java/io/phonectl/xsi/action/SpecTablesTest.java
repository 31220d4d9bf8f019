package io.phonectl.xsi.action;

import io.phonectl.xsi.XsiParseException;
import io.phonectl.xsi.component.AppEventType;
import io.phonectl.xsi.component.MediaStreamReply;
import io.phonectl.xsi.component.NotifyApplicationEvent;
import io.phonectl.xsi.component.NotifyMediaEvent;
import io.phonectl.xsi.model.ModelCatalog;
import io.phonectl.xsi.object.Response;
import io.phonectl.xsi.object.XsiDocument;
import io.phonectl.xsi.uri.InternalUri;
import io.phonectl.xsi.validate.XsiValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Feedbacks parse into their codec types; events and macros agree with the codec, URI and model rules. */
class SpecTablesTest {

    private final ActionCatalog catalog = ActionCatalog.standard();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "phone_response | <CiscoIPPhoneResponse><ResponseItem URL=\"Key:Services\" Data=\"Success\" Status=\"0\"/></CiscoIPPhoneResponse>",
            "phone_error_response | <CiscoIPPhoneError Number=\"4\" />",
            "device_uri_response | <CiscoIPPhoneResponse><ResponseItem URL=\"Device:Unlock\" Data=\"URI not found\" Status=\"6\"/></CiscoIPPhoneResponse>",
            "send_digits_response | <CiscoIPPhoneResponse><ResponseItem URL=\"SendDigits:1:1::A/B\" Data=\"No Active Call\" Status=\"6\"/></CiscoIPPhoneResponse>",
            "app_uri_response | <CiscoIPPhoneResponse><ResponseItem URL=\"App:Close:0:60:A/B\" Data=\"Unknown Application ID\" Status=\"6\"/></CiscoIPPhoneResponse>",
            "generate_prt_response | <CiscoIPPhoneResponse><ResponseItem URL=\"Device:GeneratePRT\" Data=\"There is pending PRT\" Status=\"6\"/></CiscoIPPhoneResponse>",
            "prt_status_response | <CiscoIPPhoneResponse><ResponseItem URL=\"Device:PRTStatus\" Data=\"Generating PRT\" Status=\"0\"/></CiscoIPPhoneResponse>",
            "media_started | <mediaStream id=\"abc123\"/>",
            "media_stopped_by_user | DATA=<notifyMediaEvent type=\"stopped\" origin=\"user\"><mediaStream id=\"abc123\"/></notifyMediaEvent>",
            "rtp_error_response | <errorResponse><type>UnavailableResource</type><data>No Media Resource Available</data></errorResponse>",
            "get_device_caps_response | <getDeviceCapsResponse><physical><modelNumber>CP-7970</modelNumber><display width=\"298\" height=\"168\" bitDepth=\"12\" isColor=\"true\"/></physical><services sdkVersion=\"5.0.3\"><browser>x</browser></services></getDeviceCapsResponse>"})
    void xmlFeedbacksParseIntoTheirCodecType(String id, String body) {
        FeedbackSpec f = catalog.feedbacks().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        XsiDocument doc = f.parse(body.getBytes(StandardCharsets.UTF_8));
        assertThat(doc).isInstanceOf(f.document().orElseThrow());
    }

    @Test
    void aBodyOfTheWrongTypeIsAParseError() {
        FeedbackSpec started = catalog.feedbacks().stream().filter(x -> x.id().equals("media_started")).findFirst()
                .orElseThrow();
        assertThat(started.document()).contains(MediaStreamReply.class);
        assertThatThrownBy(() -> started.parse("<CiscoIPPhoneError Number=\"1\" />".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(XsiParseException.class);
    }

    @Test
    void headerAndDisplayFeedbacksHaveNoDocument() {
        assertThat(catalog.feedbacks()).filteredOn(f -> f.carrier() != FeedbackSpec.Carrier.XML_BODY)
                .extracting(FeedbackSpec::id)
                .containsExactlyInAnyOrder("phone_display_error_messages", "client_capability_headers");
        assertThat(catalog.feedbacks()).filteredOn(f -> f.document().filter(Response.class::equals).isPresent())
                .hasSize(6);
    }

    @Test
    void applicationEventsMatchTheCodecHandlersAndPayloads() {
        for (EventSpec e : catalog.events()) {
            String payload = e.payload().replace("<appId>", "Acme/App").replace("<id>", "abc123");
            XsiDocument doc = io.phonectl.xsi.codec.XsiCodec.decode(
                    io.phonectl.xsi.codec.FormBody.field(payload.getBytes(StandardCharsets.UTF_8), "DATA"),
                    io.phonectl.xsi.codec.XsiCodec.Mode.LENIENT);
            if (e.id().equals("media_stopped_event")) {
                assertThat(doc).isEqualTo(NotifyMediaEvent.stoppedByUser("abc123"));
            } else {
                assertThat(doc).isInstanceOfSatisfying(NotifyApplicationEvent.class, n -> {
                    assertThat(n.appId()).isEqualTo("Acme/App");
                    assertThat(n.type().handler()).isEqualTo(e.trigger());
                });
            }
        }
        assertThat(catalog.events()).hasSize(AppEventType.values().length + 1);
    }

    @ParameterizedTest
    @CsvSource({"generate_problem_report, CP-8821", "set_tftp_server_address_8875, CP-8875"})
    void macroUrisParseAndAreSupportedOnTheirModel(String macro, String model) {
        for (MacroStep s : catalog.macro(macro).orElseThrow().steps()) {
            String uri = switch (s) {
                case MacroStep.Push p -> p.uri();
                case MacroStep.Poll p -> p.uri();
                case MacroStep.WaitFor w -> null;
                case MacroStep.Until u -> null;
            };
            if (uri != null) {
                InternalUri parsed = InternalUri.parse(uri);
                assertThat(XsiValidator.standard().validate(parsed, model).ok()).as(uri).isTrue();
                assertThat(ModelCatalog.standard().model("CP-8845").support(parsed).supported()).as(uri)
                        .isEqualTo(uri.equals("Key:Applications"));
            }
        }
    }
}
