package io.phonectl.sim;

import com.sun.net.httpserver.HttpServer;
import io.phonectl.sim.phone.SimPhone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 point 6: setBackground fetches the image and its thumbnail, setRingTone the ring file, with the phone's
 * headers; a good background shows behind the idle screen in the screenshot; a bad file (size, type, ring rules) is
 * answered with the phone's error and changes nothing. Plain JDK HTTP client and server.
 */
class BackgroundAndRingToneTest {

    static FleetHost host;
    static HttpServer files;
    static String base;
    static final Map<String, Map<String, String>> SEEN = new ConcurrentHashMap<>();
    static final int MAGENTA = 0xFF00FF;

    @BeforeAll
    static void start() throws Exception {
        files = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        serve("/bg.png", "image/png", png(800, 480));
        serve("/bg-wide.png", "image/png", png(801, 480));
        serve("/thumb.png", "image/png", png(139, 109));
        serve("/thumb-as-octets.png", "application/octet-stream", png(139, 109));
        serve("/bg-8821.png", "image/png", png(240, 320));
        serve("/thumb-8821.png", "image/png", png(117, 117));
        serve("/ring.raw", "application/octet-stream", silence(4_080));
        serve("/bad.raw", "application/octet-stream", silence(241));
        serve("/long.raw", "application/octet-stream", silence(16_320));
        files.start();
        base = "http://127.0.0.1:" + files.getAddress().getPort();
        host = FleetHost.start(SimConfig.ephemeral(2, List.of("CP-8845", "CP-8821")));
    }

    @AfterAll
    static void stop() {
        host.close();
        files.stop(0);
    }

    @AfterEach
    void reset() {
        host.phones().forEach(SimPhone::reset);
    }

    static void serve(String path, String type, byte[] body) {
        files.createContext(path, ex -> {
            Map<String, String> h = new java.util.HashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> h.put(k.toLowerCase(), v.getFirst()));
            SEEN.put(path, h);
            ex.getResponseHeaders().add("Content-Type", type);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
    }

    static byte[] png(int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(MAGENTA));
        g.fillRect(0, 0, w, h);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    static byte[] silence(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 0xFF); // µ-law 0: a zero crossing at both ends
        return b;
    }

    static String push(SimPhone p, String xml) {
        HttpResponse<byte[]> r = Http.post(FleetHost.uriOf(p).resolve("/CGI/Execute"), Http.basic("admin", "admin"),
                "application/x-www-form-urlencoded",
                ("XML=" + URLEncoder.encode(xml, StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII));
        assertThat(r.statusCode()).isEqualTo(200);
        return Http.text(r);
    }

    static String background(String image, String icon) {
        return "<setBackground><background><image>" + base + image + "</image><icon>" + base + icon
                + "</icon></background></setBackground>";
    }

    static int middle(SimPhone p) throws IOException {
        HttpResponse<byte[]> r = Http.get(FleetHost.uriOf(p).resolve("/CGI/Screenshot"), Http.basic("admin", "admin"));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.body()));
        return img.getRGB(img.getWidth() / 2, img.getHeight() / 2) & 0xFFFFFF;
    }

    @Test
    void aGoodBackgroundIsFetchedWithThePhonesHeadersAndShowsOnTheIdleScreen() throws Exception {
        SimPhone p = host.phones().getFirst();
        assertThat(middle(p)).isNotEqualTo(MAGENTA);
        assertThat(push(p, background("/bg.png", "/thumb.png"))).contains("<CiscoIPPhoneResponse").contains("Status=\"0\"");
        assertThat(middle(p)).isEqualTo(MAGENTA);
        for (String path : List.of("/bg.png", "/thumb.png")) {
            assertThat(SEEN.get(path)).containsEntry("x-ciscoipphonemodelname", "CP-8845")
                    .containsEntry("x-ciscoipphonedisplay", p.model().displayHeader());
        }
        assertThat(p.device().settings()).containsEntry("Background", base + "/bg.png")
                .containsEntry("BackgroundIcon", base + "/thumb.png");
        push(p, "<CiscoIPPhoneText><Title>Over</Title><Text>the background</Text></CiscoIPPhoneText>");
        assertThat(middle(p)).as("the wallpaper is the idle screen's, not every screen's").isNotEqualTo(MAGENTA);
    }

    @Test
    void eachModelTakesItsOwnWallpaperSize() throws Exception {
        SimPhone w = host.phones().get(1);
        assertThat(push(w, background("/bg-8821.png", "/thumb-8821.png"))).contains("Status=\"0\"").doesNotContain("Error");
        assertThat(middle(w)).isEqualTo(MAGENTA);
        assertThat(push(w, background("/bg.png", "/thumb-8821.png"))).isEqualTo("<CiscoIPPhoneError Number=\"3\" />");
        assertThat(push(w, background("/bg-8821.png", "/thumb.png"))).as("the 8821's thumbnail is 117x117")
                .isEqualTo("<CiscoIPPhoneError Number=\"3\" />");
    }

    @Test
    void aBackgroundTooLargeOrAThumbnailOfTheWrongTypeIsAFileErrorAndChangesNothing() throws Exception {
        SimPhone p = host.phones().getFirst();
        assertThat(push(p, background("/bg-wide.png", "/thumb.png"))).isEqualTo("<CiscoIPPhoneError Number=\"3\" />");
        assertThat(push(p, background("/bg.png", "/thumb-as-octets.png"))).isEqualTo("<CiscoIPPhoneError Number=\"3\" />");
        assertThat(push(p, background("/missing.png", "/thumb.png"))).isEqualTo("<CiscoIPPhoneError Number=\"3\" />");
        assertThat(middle(p)).isNotEqualTo(MAGENTA);
        assertThat(p.device().settings()).doesNotContainKey("Background");
        assertThat(p.history().deviceLog()).anySatisfy(l -> assertThat(l).contains("801x480 pixels, over the 800x480 limit"))
                .anySatisfy(l -> assertThat(l).contains("application/octet-stream").contains("not image/png"))
                .anySatisfy(l -> assertThat(l).contains("status 404"));
    }

    @Test
    void aRingFileIsFetchedAndHeldToTheRingRules() {
        SimPhone p = host.phones().getFirst();
        assertThat(push(p, "<setRingTone><ringTone>" + base + "/ring.raw</ringTone></setRingTone>")).contains("Status=\"0\"");
        assertThat(p.device().settings()).containsEntry("RingTone", base + "/ring.raw");
        assertThat(SEEN.get("/ring.raw")).containsEntry("x-ciscoipphonemodelname", "CP-8845");
        assertThat(push(p, "<setRingTone><ringTone>" + base + "/bad.raw</ringTone></setRingTone>"))
                .isEqualTo("<CiscoIPPhoneError Number=\"3\" />");
        assertThat(push(p, "<setRingTone><ringTone>" + base + "/long.raw</ringTone></setRingTone>"))
                .isEqualTo("<CiscoIPPhoneError Number=\"3\" />");
        assertThat(p.device().settings()).containsEntry("RingTone", base + "/ring.raw");
        assertThat(p.history().deviceLog()).anySatisfy(l -> assertThat(l).contains("a multiple of 240"))
                .anySatisfy(l -> assertThat(l).contains("more than 16080 samples"))
                .anySatisfy(l -> assertThat(l).contains("ring tone set from " + base + "/ring.raw (4080 samples)"));
    }
}
