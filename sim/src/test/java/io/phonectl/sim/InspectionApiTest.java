package io.phonectl.sim;

import io.phonectl.sim.phone.PhoneKeys;
import io.phonectl.sim.phone.SimPhone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InspectionApiTest {

    static FleetHost host;
    static URI api;
    static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeAll
    static void start() throws Exception {
        host = FleetHost.start(SimConfig.ephemeral(3, List.of("8845", "7942", "8875")));
        api = host.inspectionUri().orElseThrow();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @BeforeEach
    void reset() {
        assertThat(Http.post(api.resolve("/reset"), null, null, new byte[0]).statusCode()).isEqualTo(200);
    }

    static JsonNode get(String path) {
        HttpResponse<byte[]> r = Http.get(api.resolve(path), null);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static JsonNode post(String path) {
        HttpResponse<byte[]> r = Http.post(api.resolve(path), null, null, new byte[0]);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static String name(int i) {
        return host.phones().get(i).name();
    }

    @Test
    void listsEveryPhoneWithModelAndAddress() {
        JsonNode list = get("/phones");
        assertThat(list.size()).isEqualTo(3);
        assertThat(list.get(0).get("name").asString()).isEqualTo(name(0));
        assertThat(list.get(1).get("model").asString()).isEqualTo("CP-7942");
        assertThat(list.get(2).get("address").asString()).startsWith("127.0.0.1:");
    }

    @Test
    void showsTheWholeStateOfAPhone() {
        JsonNode s = get("/phones/" + name(0));
        assertThat(s.get("screen").get("kind").asString()).isEqualTo("IDLE");
        assertThat(s.get("renderedText").asString()).contains("1000");
        assertThat(s.get("display").get("on").asBoolean()).isTrue();
        assertThat(s.get("call").get("state").asString()).isEqualTo("IDLE");
        assertThat(s.get("volume").asInt()).isEqualTo(SimPhone.DEFAULT_VOLUME);
        assertThat(s.get("settings").get("TFTPServer1").asString()).isEqualTo("127.0.0.1");
        assertThat(s.get("executed").isArray()).isTrue();
        assertThat(s.get("notifications").isArray()).isTrue();
        assertThat(s.get("streams").isArray()).isTrue();
    }

    @Test
    void keysNavigateApplicationsAndExitCloses() {
        JsonNode r = post("/phones/" + name(0) + "/press/Settings");
        assertThat(r.get("phone").get("application").asString()).isEqualTo("Settings");
        assertThat(r.get("phone").get("screen").get("selected").asInt()).isZero();
        r = post("/phones/" + name(0) + "/press/NavDwn");
        assertThat(r.get("phone").get("screen").get("selected").asInt()).isEqualTo(1);
        assertThat(r.get("phone").get("renderedText").asString()).contains("> 2 Phone information");
        r = post("/phones/" + name(0) + "/press/NavUp");
        assertThat(r.get("phone").get("screen").get("selected").asInt()).isZero();
        r = post("/phones/" + name(0) + "/softkey/Exit");
        assertThat(r.get("phone").get("application").isNull()).isTrue();
        assertThat(r.get("phone").get("screen").get("kind").asString()).isEqualTo("IDLE");
    }

    @Test
    void liftDialAndHangUp() {
        String p = "/phones/" + name(1);
        assertThat(post(p + "/offhook").get("phone").get("call").get("state").asString()).isEqualTo("OFFHOOK");
        post(p + "/press/KeyPad1");
        JsonNode r = post(p + "/press/KeyPad2");
        assertThat(r.get("phone").get("call").get("state").asString()).isEqualTo("DIALING");
        assertThat(r.get("phone").get("call").get("dialled").asString()).isEqualTo("12");
        r = post(p + "/onhook");
        assertThat(r.get("phone").get("call").get("state").asString()).isEqualTo("IDLE");
    }

    @Test
    void speakerTogglesAndHeadsetTakesOver() {
        String p = "/phones/" + name(0);
        assertThat(post(p + "/press/Speaker").get("phone").get("call").get("audioPath").asString()).isEqualTo("speaker");
        assertThat(post(p + "/press/Headset").get("phone").get("call").get("audioPath").asString()).isEqualTo("headset");
        assertThat(post(p + "/press/Headset").get("phone").get("call").get("state").asString()).isEqualTo("IDLE");
    }

    @ParameterizedTest
    @CsvSource({"VolUp,1,56", "VolUp,9,100", "VolDwn,1,44", "VolDown,9,0", "VolUp,8,98"})
    void volumeStaysWithinZeroToHundred(String key, int presses, int expected) {
        JsonNode r = null;
        for (int i = 0; i < presses; i++) {
            r = post("/phones/" + name(0) + "/press/" + key);
        }
        assertThat(r.get("phone").get("volume").asInt()).isEqualTo(expected);
        assertThat(expected).isEqualTo(Math.max(0, Math.min(100, SimPhone.DEFAULT_VOLUME
                + (key.equals("VolUp") ? 1 : -1) * presses * PhoneKeys.VOLUME_STEP)));
    }

    @Test
    void unknownKeysAreRecordedAsDiscarded() {
        JsonNode r = post("/phones/" + name(0) + "/press/Frobnicate");
        assertThat(r.get("known").asBoolean()).isFalse();
        assertThat(r.get("effect").asString()).isEqualTo("discarded");
    }

    @Test
    void resetRestoresBootState() {
        post("/phones/" + name(0) + "/press/Services");
        post("/phones/" + name(0) + "/press/VolUp");
        JsonNode s = post("/phones/" + name(0) + "/reset").get("phone");
        assertThat(s.get("application").isNull()).isTrue();
        assertThat(s.get("volume").asInt()).isEqualTo(SimPhone.DEFAULT_VOLUME);
    }

    @Test
    void screenshotWithoutCredentialsAndErrorsForUnknowns() throws Exception {
        HttpResponse<byte[]> r = Http.get(api.resolve("/phones/" + name(1) + "/screenshot"), null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(ImageIO.read(new ByteArrayInputStream(r.body())).getWidth()).isEqualTo(host.phones().get(1).model().width());
        assertThat(Http.get(api.resolve("/phones/SEPNOPE"), null).statusCode()).isEqualTo(404);
        assertThat(Http.post(api.resolve("/phones/" + name(0) + "/jump"), null, null, new byte[0]).statusCode()).isEqualTo(404);
        assertThat(Http.get(api.resolve("/phones/" + name(0) + "/press/VolUp"), null).statusCode()).isEqualTo(405);
    }
}
