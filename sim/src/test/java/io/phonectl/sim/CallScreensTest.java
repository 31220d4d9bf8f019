package io.phonectl.sim;

import io.phonectl.sim.phone.SimPhone;
import io.phonectl.xsi.device.CallLineInfo;
import io.phonectl.xsi.device.LineInfo;
import io.phonectl.xsi.device.ModeInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 points 1 and 3: the screen follows the call (dialling, ringing, connected with number and timer, held,
 * with the call softkeys), the screenshot and the inspection API's rendered text change with it, Key:Release goes back;
 * CallInfo, LineInfo and ModeInfo tell the same story behind the password. Plain JDK client throughout.
 */
class CallScreensTest {

    static final MutableClock CLOCK = new MutableClock();
    static final String AUTH = Http.basic("admin", "admin");
    static FleetHost host;

    @BeforeAll
    static void start() throws Exception {
        host = FleetHost.start(SimConfig.ephemeral(3, List.of("CP-8845", "CP-7942", "DP-9861")), CLOCK);
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @BeforeEach
    void reset() {
        host.phones().forEach(SimPhone::reset);
    }

    static SimPhone phone(String model) {
        return host.phones().stream().filter(p -> p.model().name().equals(model)).findFirst().orElseThrow();
    }

    static String rendered(SimPhone p) {
        String json = Http.text(Http.get(host.inspectionUri().orElseThrow().resolve("/phones/" + p.name()), null));
        int at = json.indexOf("\"renderedText\":\"") + 16;
        return json.substring(at, json.indexOf("\",", at)).replace("\\n", "\n");
    }

    static byte[] screenshot(SimPhone p) {
        return Http.get(FleetHost.uriOf(p).resolve("/CGI/Screenshot"), AUTH).body();
    }

    static HttpResponse<byte[]> page(SimPhone p, String path, String auth) {
        return Http.get(FleetHost.uriOf(p).resolve(path), auth);
    }

    static void inspect(SimPhone p, String action) {
        HttpResponse<byte[]> r = Http.post(host.inspectionUri().orElseThrow().resolve("/phones/" + p.name() + "/" + action),
                null, null, new byte[0]);
        assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(200);
    }

    @Test
    void dialShowsTheConnectedScreenWithTimerAndReleaseGoesBack() {
        SimPhone p = phone("CP-8845");
        byte[] idle = screenshot(p);
        assertThat(ExecuteTest.push(p, ExecuteTest.execute("Dial:2000")).statusCode()).isEqualTo(200);
        CLOCK.advance(Duration.ofSeconds(75));
        assertThat(rendered(p)).contains("To 2000\n01:15").contains("Connected")
                .contains("Hold | End call | Transfer | Conference");
        assertThat(Arrays.equals(screenshot(p), idle)).isFalse();

        CallLineInfo call = CallLineInfo.parse(page(p, "/CGI/Java/CallInfo1", AUTH).body());
        assertThat(call.lineState()).isEqualTo("CONNECTED");
        assertThat(call.calls()).singleElement().satisfies(c -> {
            assertThat(c.callType()).isEqualTo("OUTBOUND");
            assertThat(c.calledPartyDirNum()).isEqualTo("2000");
            assertThat(c.callDuration()).isEqualTo(75_000);
        });
        assertThat(call.visibleFeatures()).extracting(CallLineInfo.Feature::label).contains("End call");
        assertThat(LineInfo.parse(page(p, "/CGI/LineInfo", AUTH).body()).lines())
                .singleElement().satisfies(l -> assertThat(l.lineIconState()).isEqualTo("CONNECTED"));

        assertThat(ExecuteTest.push(p, ExecuteTest.execute("Key:Release")).statusCode()).isEqualTo(200);
        assertThat(rendered(p)).doesNotContain("Connected").contains("New Call");
        assertThat(screenshot(p)).isEqualTo(idle);
        CallLineInfo after = CallLineInfo.parse(page(p, "/CGI/CallInfo", AUTH).body());
        assertThat(after.lineState()).isEqualTo("ONHOOK");
        assertThat(after.calls()).isEmpty();
    }

    @Test
    void anIncomingCallRingsIsAnsweredHeldAndResumed() {
        SimPhone p = phone("CP-8845");
        inspect(p, "ring/3000");
        assertThat(rendered(p)).contains("From 3000").contains("Incoming call").contains("Answer | Decline");
        assertThat(LineInfo.parse(page(p, "/CGI/Java/LineInfo", AUTH).body()).lines().getFirst().lineIconState())
                .isEqualTo("RINGING");
        inspect(p, "softkey/Answer");
        assertThat(rendered(p)).contains("From 3000\n00:00").contains("Connected");
        assertThat(ExecuteTest.push(p, ExecuteTest.execute("Key:FixedFeature3")).statusCode()).isEqualTo(200);
        assertThat(rendered(p)).contains("Hold\n").contains("Resume | New call");
        assertThat(CallLineInfo.parse(page(p, "/CGI/CallInfo1", AUTH).body()).calls().getFirst().callState())
                .isEqualTo("ONHOLD");
        inspect(p, "softkey/Resume");
        assertThat(rendered(p)).contains("Connected");
        inspect(p, "softkey/End%20call");
        assertThat(rendered(p)).doesNotContain("3000");
    }

    @Test
    void seventyNineHundredsShowTheirAbbreviatedSoftkeysAndModeInfoAsHtml() {
        SimPhone p = phone("CP-7942");
        assertThat(ExecuteTest.push(p, ExecuteTest.execute("EditDial:123")).statusCode()).isEqualTo(200);
        assertThat(rendered(p)).contains("123").contains("Dial | << | EndCall");
        HttpResponse<byte[]> mode = page(p, "/CGI/ModeInfo", AUTH);
        assertThat(mode.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        ModeInfo m = ModeInfo.parse(mode.body());
        assertThat(m.planeTitle()).isEqualTo(p.line());
        assertThat(m.fields()).extracting(ModeInfo.Field::fieldName).contains("123");
        assertThat(page(p, "/CGI/Java/ModeInfo", AUTH).statusCode()).isEqualTo(404); // 79xx: /CGI/ only
    }

    @Test
    void theInfoPagesNeedThePasswordAndExistOnlyWhereSourcesShowThem() {
        SimPhone p = phone("CP-8845");
        HttpResponse<byte[]> none = page(p, "/CGI/Java/CallInfo1", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(page(p, "/CGI/Java/CallInfo1", Http.basic("admin", "wrong")).statusCode()).isEqualTo(401);
        assertThat(page(p, "/CGI/Java/CallInfo2", AUTH).statusCode()).isEqualTo(404); // one line
        assertThat(page(phone("DP-9861"), "/CGI/CallInfo", AUTH).statusCode()).isEqualTo(404);
        assertThat(new String(page(p, "/CGI/LineInfo", AUTH).body(), StandardCharsets.UTF_8))
                .contains("<CiscoIPPhoneLineInfo>").contains("<lineDirNum>" + p.line() + "</lineDirNum>");
    }
}
