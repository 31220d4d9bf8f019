package io.phonectl.client.xsi;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.testing.StubPhones;
import io.phonectl.xsi.SizeProfile;
import io.phonectl.xsi.XsiValidationException;
import io.phonectl.xsi.codec.XsiCodec;
import io.phonectl.xsi.object.Text;
import io.phonectl.xsi.push.XsiPush;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XsiClientTest {

    static final Credentials ALICE = Credentials.of("alice", "s3cret-pw");
    static final String EXECUTE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><CiscoIPPhoneExecute>"
            + "<ExecuteItem Priority=\"0\" URL=\"Key:Services\"/><ExecuteItem URL=\"Play:Chime.raw\"/></CiscoIPPhoneExecute>";
    static final XsiPush PUSH = XsiPush.ofXml("execute", EXECUTE.getBytes(StandardCharsets.UTF_8));
    static final String ROMPAGER = "<HTML><HEAD><TITLE>Protected Object</TITLE></HEAD><BODY><H1>Protected Object</H1>"
            + "This object on the RomPager server is protected.</BODY></HTML>";

    static XsiTransport transport;

    @BeforeAll
    static void startTransport() {
        transport = XsiTransport.start(TransportConfig.DEFAULTS.withRequestTimeout(Duration.ofSeconds(5)));
    }

    @AfterAll
    static void stopTransport() {
        transport.close();
    }

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of("success", StubPhones.success(), OutcomeKind.EXECUTED),
                Arguments.of("item failure", StubPhones.fixed(200, "text/xml",
                        "<CiscoIPPhoneResponse><ResponseItem URL=\"SendDigits:1:1::x\" Data=\"No Active Call\" Status=\"6\"/></CiscoIPPhoneResponse>"),
                        OutcomeKind.ITEM_FAILED),
                Arguments.of("error 4 in 200, spaced", StubPhones.fixed(200, "text/xml", "<CiscoIPPhoneError Number=\"4\" />"), OutcomeKind.AUTH_FAILED),
                Arguments.of("error 4 in 401, unspaced", StubPhones.fixed(401, "text/xml", "<CiscoIPPhoneError Number=\"4\"/>"), OutcomeKind.AUTH_FAILED),
                Arguments.of("error 1 with text", StubPhones.fixed(200, "text/xml", "<CiscoIPPhoneError Number=\"1\">parse</CiscoIPPhoneError>"), OutcomeKind.PHONE_ERROR),
                Arguments.of("MPP empty 200", StubPhones.fixed(200, null, ""), OutcomeKind.ACCEPTED_NO_RESPONSE),
                Arguments.of("7960 303", StubPhones.fixed(303, null, ""), OutcomeKind.ACCEPTED_NO_RESPONSE),
                Arguments.of("RomPager page 401", StubPhones.fixed(401, "text/html", ROMPAGER), OutcomeKind.AUTH_FAILED),
                Arguments.of("RomPager page 200", StubPhones.fixed(200, "text/html", ROMPAGER), OutcomeKind.AUTH_FAILED),
                Arguments.of("bare 401", StubPhones.fixed(401, null, ""), OutcomeKind.AUTH_FAILED),
                Arguments.of("garbage", StubPhones.fixed(200, "text/plain", "\u0001\u0002garbage"), OutcomeKind.MALFORMED),
                Arguments.of("broken XML", StubPhones.fixed(200, "text/xml", "<CiscoIPPhoneResponse><ResponseItem"), OutcomeKind.MALFORMED),
                Arguments.of("404", StubPhones.fixed(404, "text/html", "<html>Not Found</html>"), OutcomeKind.MALFORMED),
                Arguments.of("media started", StubPhones.fixed(200, "text/xml", "<mediaStream id=\"abc123\"/>"), OutcomeKind.MEDIA_STARTED),
                Arguments.of("media error", StubPhones.fixed(400, "text/xml",
                        "<errorResponse><type>UnavailableResource</type><data>No Media Resource Available</data></errorResponse>"),
                        OutcomeKind.MEDIA_ERROR));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void everyAnswerKindIsClassified(String name, StubPhones.Behavior behavior, OutcomeKind expected) throws Exception {
        try (StubPhones stub = StubPhones.one(behavior)) {
            PushOutcome outcome = XsiClient.of(transport, stub.address(0), ALICE).push(PUSH);
            assertThat(outcome.kind()).as(outcome.detail()).isEqualTo(expected);
            assertThat(outcome.detail()).doesNotContain("s3cret-pw");
        }
    }

    @Test
    void requestIsPreemptiveFormEncodedWithLengthAndNoExpect() throws Exception {
        try (StubPhones stub = StubPhones.one(StubPhones.success())) {
            PushOutcome outcome = XsiClient.of(transport, stub.address(0), ALICE).push(PUSH);
            assertThat(outcome).isInstanceOf(PushOutcome.Executed.class);
            assertThat(((PushOutcome.Executed) outcome).items()).extracting(io.phonectl.xsi.object.ResponseItem::url)
                    .containsExactly("Key:Services", "Play:Chime.raw");
            StubPhones.Seen seen = stub.seen().getFirst();
            assertThat(seen.method()).isEqualTo("POST");
            assertThat(seen.pathAndQuery()).isEqualTo("/CGI/Execute");
            assertThat(seen.authorization()).isEqualTo(ALICE.basicHeader());
            assertThat(seen.contentType()).isEqualToIgnoringCase("application/x-www-form-urlencoded; charset=UTF-8");
            assertThat(seen.contentLength()).isEqualTo(String.valueOf(seen.rawBody().length()));
            assertThat(seen.expect()).isNull();
            assertThat(seen.transferEncoding()).isNull();
            assertThat(seen.rawBody()).startsWith("XML=%3C%3Fxml").doesNotContain("<", "&");
            assertThat(seen.xml()).isEqualTo(EXECUTE);
        }
    }

    @Test
    void silentPhoneTimesOutInTheResponsePhaseAndALongerTimeoutIsHonoured() throws Exception {
        try (StubPhones stub = StubPhones.one(StubPhones.silent())) {
            XsiClient client = XsiClient.of(transport, stub.address(0), ALICE);
            PushOutcome outcome = client.push(PUSH, Duration.ofMillis(1500));
            assertThat(outcome).isEqualTo(new PushOutcome.TimedOut(Phase.RESPONSE, ((PushOutcome.TimedOut) outcome).afterMillis()));
            assertThat(outcome.kind().transientFailure()).isTrue();
        }
    }

    @Test
    void closedPortIsRefused() throws Exception {
        PushOutcome outcome = XsiClient.of(transport, StubPhones.closedPort(), ALICE).push(PUSH);
        assertThat(outcome.kind()).as(outcome.detail()).isEqualTo(OutcomeKind.REFUSED);
        assertThat(outcome.kind().transientFailure()).isTrue();
    }

    @Test
    void unknownHostIsUnreachable() {
        PushOutcome outcome = XsiClient.of(transport, new PhoneAddress("no-such-phone.invalid", 80), ALICE).push(PUSH);
        assertThat(outcome.kind()).as(outcome.detail()).isIn(OutcomeKind.UNREACHABLE, OutcomeKind.TIMED_OUT);
    }

    @Test
    void theSizeProfileIsCheckedWhenThePushIsBuiltNotWhenSent() throws Exception {
        try (StubPhones stub = StubPhones.one(StubPhones.success())) {
            XsiClient client = XsiClient.of(transport, stub.address(0), ALICE);
            String head = new String(XsiCodec.encode(Text.builder().text("").build()), StandardCharsets.UTF_8);
            Text at512 = Text.builder().text("x".repeat(512 - head.length())).build();
            XsiPush push = XsiPush.of("t", at512, SizeProfile.LEGACY_512B);
            assertThat(push.size()).isEqualTo(512);
            assertThat(client.push(push).kind()).isEqualTo(OutcomeKind.EXECUTED);
            assertThatThrownBy(() -> XsiPush.of("t", Text.builder().text("y" + at512.text()).build(),
                    SizeProfile.LEGACY_512B))
                    .isInstanceOf(XsiValidationException.class)
                    .hasMessageContaining("XML").hasMessageContaining("513 bytes").hasMessageContaining("512");
            assertThat(stub.hits(0)).isEqualTo(1);
        }
    }

    @Test
    void everyPhoneIsSentTheSameBytes() throws Exception {
        try (StubPhones stub = StubPhones.start(3, i -> StubPhones.success())) {
            for (int i = 0; i < 3; i++) {
                assertThat(XsiClient.of(transport, stub.address(i), ALICE).push(PUSH).succeeded()).isTrue();
            }
            String body = StandardCharsets.US_ASCII.decode(PUSH.body()).toString();
            assertThat(stub.seen()).hasSize(3).allSatisfy(seen -> assertThat(seen.rawBody()).isEqualTo(body));
            assertThat(PUSH.body().remaining()).isEqualTo(PUSH.bodyLength()); // sending consumed no shared position
        }
    }
}
