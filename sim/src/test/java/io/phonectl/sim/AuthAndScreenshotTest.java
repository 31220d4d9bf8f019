package io.phonectl.sim;

import com.sun.net.httpserver.HttpServer;
import io.phonectl.sim.phone.Screen;
import io.phonectl.sim.phone.SimModel;
import io.phonectl.sim.phone.SimPhone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class AuthAndScreenshotTest {

    static FleetHost host;

    @BeforeAll
    static void start() throws Exception {
        host = FleetHost.start(SimConfig.ephemeral(SimModel.ALL.size(), List.of()));
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    static List<String> models() {
        return SimModel.ALL.stream().map(SimModel::name).toList();
    }

    static SimPhone phone(String model) {
        return host.phones().stream().filter(p -> p.model().name().equals(SimModel.of(model).orElseThrow().name())).findFirst().orElseThrow();
    }

    static URI shot(SimPhone p) {
        return FleetHost.uriOf(p).resolve("/CGI/Screenshot");
    }

    @ParameterizedTest
    @MethodSource("models")
    void screenshotIsAnImageOfTheModelsSizeAndFormat(String model) throws Exception {
        SimPhone p = phone(model);
        HttpResponse<byte[]> r = Http.get(shot(p), Http.basic("admin", "admin"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue(p.model().screenshotFormat().contentType());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.body()));
        assertThat(img).isNotNull();
        assertThat(img.getWidth()).isEqualTo(p.model().width());
        assertThat(img.getHeight()).isEqualTo(p.model().height());
        String magic = new String(r.body(), 0, 4, StandardCharsets.ISO_8859_1);
        assertThat(magic).startsWith(p.model().is79xx() ? "BM" : "\u0089PNG");
        assertThat(isAllBlack(img)).isFalse();
        int bits = img.getColorModel().getPixelSize();
        if (p.model().colour()) {
            assertThat(bits).isGreaterThanOrEqualTo(Math.min(p.model().depth(), 16));
        } else {
            assertThat(bits).isEqualTo(p.model().depth() <= 4 ? p.model().depth() : 8);
        }
    }

    @Test
    void screenshotIsBlackWhenTheDisplayIsOffAndShowsTheScreenOtherwise() throws Exception {
        SimPhone p = phone("8865");
        try {
            p.push(new Screen(Screen.Kind.MENU, "Menu", "", List.of(new Screen.Item("One", ""), new Screen.Item("Two", "")),
                    1, List.of(new Screen.SoftKey("Exit", "SoftKey:Exit", 1)), "pick one", "test"));
            BufferedImage lit = ImageIO.read(new ByteArrayInputStream(Http.get(shot(p), Http.basic("admin", "admin")).body()));
            assertThat(isAllBlack(lit)).isFalse();
            p.device().display(false, 0);
            BufferedImage dark = ImageIO.read(new ByteArrayInputStream(Http.get(shot(p), Http.basic("admin", "admin")).body()));
            assertThat(isAllBlack(dark)).isTrue();
        } finally {
            p.reset();
        }
    }

    @Test
    void screenshotAlsoAnswersOnTheOtherSpelling() {
        SimPhone p = phone("8811");
        assertThat(Http.get(FleetHost.uriOf(p).resolve("/CGI/ScreenShot"), Http.basic("admin", "admin")).statusCode())
                .isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource({"7942,200", "7962,200", "7975,200", "IPC,200", "8845,401", "8821,401", "9871,401", "7841,401"})
    void wrongPasswordIsAnsweredInTheModelsFailureStyle(String model, int status) {
        HttpResponse<byte[]> r = Http.get(shot(phone(model)), Http.basic("admin", "nope"));
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(Http.text(r)).isEqualTo("<CiscoIPPhoneError Number=\"4\" />");
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/xml"));
    }

    @Test
    void multiplatformPhonesRefuseWithoutAnXsiBody() {
        HttpResponse<byte[]> r = Http.get(shot(phone("8800-MPP")), Http.basic("admin", "nope"));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void unknownUserIsRefusedLikeAWrongPassword() {
        assertThat(Http.text(Http.get(shot(phone("8845")), Http.basic("root", "admin")))).contains("Number=\"4\"");
    }

    @ParameterizedTest
    @CsvSource(value = {"NULL", "Bearer abc", "Basic !!!notbase64", "Basic bm9jb2xvbg=="}, nullValues = "NULL")
    void missingOrUnreadableCredentialsAreChallenged(String header) {
        HttpResponse<byte[]> r = Http.get(shot(phone("7942")), header);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic realm="));
        assertThat(Http.text(r)).contains("Protected Object");
    }

    @Test
    void executeNeedsCredentialsToo() {
        HttpResponse<byte[]> r = Http.post(FleetHost.uriOf(phone("8845")).resolve("/CGI/Execute"), null,
                "application/x-www-form-urlencoded", "XML=x".getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(401);
    }

    @ParameterizedTest
    @CsvSource({"false,AUTHORIZED,200", "true,AUTHORIZED,200", "false,UN-AUTHORIZED,401", "false,'AUTHORIZED\n',401",
            "true,ERROR,401"})
    void delegatedAuthenticationAcceptsOnlyTheExactWord(boolean post, String answer, int status) throws Exception {
        List<Map<String, String>> seen = new CopyOnWriteArrayList<>();
        HttpServer auth = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        auth.createContext("/auth", ex -> {
            String raw = post ? new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                    : ex.getRequestURI().getRawQuery();
            seen.add(form(raw));
            byte[] body = answer.getBytes(StandardCharsets.US_ASCII);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        auth.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + auth.getAddress().getPort() + "/auth");
            try (FleetHost h = FleetHost.start(SimConfig.ephemeral(1, List.of("8845")).withAuthUrl(url, post))) {
                SimPhone p = h.phones().get(0);
                HttpResponse<byte[]> r = Http.get(FleetHost.uriOf(p).resolve("/CGI/Screenshot"), Http.basic("alice", "pa:ss&x"));
                assertThat(r.statusCode()).isEqualTo(status);
                assertThat(seen).containsExactly(Map.of("UserID", "alice", "Password", "pa:ss&x", "devicename", p.name()));
            }
        } finally {
            auth.stop(0);
        }
    }

    @Test
    void unreachableAuthenticationUrlRefuses() throws Exception {
        URI url;
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            url = URI.create("http://127.0.0.1:" + s.getLocalPort() + "/auth");
        }
        try (FleetHost h = FleetHost.start(SimConfig.ephemeral(1, List.of("7942")).withAuthUrl(url, false))) {
            HttpResponse<byte[]> r = Http.get(FleetHost.uriOf(h.phones().get(0)).resolve("/CGI/Screenshot"), Http.basic("a", "b"));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(Http.text(r)).isEqualTo("<CiscoIPPhoneError Number=\"4\" />");
        }
    }

    static Map<String, String> form(String raw) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (String kv : raw.split("&")) {
            int eq = kv.indexOf('=');
            m.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    static boolean isAllBlack(BufferedImage img) {
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) != 0) {
                    return false;
                }
            }
        }
        return true;
    }
}
