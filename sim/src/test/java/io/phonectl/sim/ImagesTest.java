package io.phonectl.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.phonectl.sim.image.Icons;
import io.phonectl.sim.phone.Screen;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 point 5: the pixel data of CiscoIPPhoneImage, GraphicMenu and IconMenu is drawn into the screen and the
 * screenshot (CIP: first pixel in the low bits, 0 white … 3 black), and the PNGs of ImageFile, GraphicFileMenu and
 * IconFileMenu are fetched with the phone's headers and drawn, or refused on a wrong type or size. Pushes and
 * screenshots go over a plain JDK HTTP client; the image server is the JDK's own.
 */
class ImagesTest {

    static FleetHost host;
    static HttpServer images;
    static String base;
    static final Map<String, Map<String, String>> SEEN = new ConcurrentHashMap<>();

    static final int WHITE = 0xFFFFFF;
    static final int LIGHT = 0xAAAAAA;
    static final int DARK = 0x555555;
    static final int BLACK = 0x000000;

    @BeforeAll
    static void start() throws Exception {
        images = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        serve("/red.png", "image/png", png(20, 10, Color.RED));
        serve("/red-as-text.png", "text/plain", png(20, 10, Color.RED));
        serve("/wide.png", "image/png", png(600, 20, Color.BLUE));
        serve("/not-a.png", "image/png", "hello".getBytes(StandardCharsets.US_ASCII));
        serve("/icon.png", "image/png", png(18, 18, Color.GREEN));
        serve("/icon19.png", "image/png", png(19, 19, Color.GREEN));
        images.start();
        base = "http://127.0.0.1:" + images.getAddress().getPort();
        host = FleetHost.start(SimConfig.ephemeral(2, List.of("CP-8845", "CP-7962")));
    }

    @AfterAll
    static void stop() {
        host.close();
        images.stop(0);
    }

    @AfterEach
    void reset() {
        host.phones().forEach(SimPhone::reset);
    }

    static void serve(String path, String type, byte[] body) {
        images.createContext(path, ex -> {
            Map<String, String> h = new java.util.HashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> h.put(k.toLowerCase(), v.getFirst()));
            SEEN.put(path, h);
            reply(ex, type, body);
        });
    }

    static void reply(HttpExchange ex, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    static byte[] png(int w, int h, Color c) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, w, h);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    static SimPhone colour() {
        return host.phones().get(0);
    }

    static SimPhone grey79xx() {
        return host.phones().get(1);
    }

    static String push(SimPhone p, String xml) {
        HttpResponse<byte[]> r = Http.post(FleetHost.uriOf(p).resolve("/CGI/Execute"), Http.basic("admin", "admin"),
                "application/x-www-form-urlencoded",
                ("XML=" + URLEncoder.encode(xml, StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII));
        assertThat(r.statusCode()).isEqualTo(200);
        return Http.text(r);
    }

    static BufferedImage screenshot(SimPhone p) throws IOException {
        HttpResponse<byte[]> r = Http.get(FleetHost.uriOf(p).resolve("/CGI/Screenshot"), Http.basic("admin", "admin"));
        assertThat(r.statusCode()).isEqualTo(200);
        return ImageIO.read(new ByteArrayInputStream(r.body()));
    }

    static int rgb(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) & 0xFFFFFF;
    }

    /** 16 x 4 at depth 2: four columns of each value, 0 (white) to 3 (black); each byte holds four equal pixels. */
    static final String BARS = "<Width>16</Width><Height>4</Height><Depth>2</Depth><Data>"
            + "0055AAFF".repeat(4) + "</Data>";

    static void assertBars(BufferedImage img, int x0, int y0) {
        int[] expected = {WHITE, LIGHT, DARK, BLACK};
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 16; x++) {
                assertThat(rgb(img, x0 + x, y0 + y)).as("pixel (%d,%d)", x, y).isEqualTo(expected[x / 4]);
            }
        }
    }

    @Test
    void cipImagePixelsAreDrawnWhereLocationSaysOnAColourAndAGreyModel() throws Exception {
        for (SimPhone p : host.phones()) {
            assertThat(push(p, "<CiscoIPPhoneImage><Title>Bars</Title><LocationX>0</LocationX><LocationY>0</LocationY>"
                    + BARS + "</CiscoIPPhoneImage>")).contains("Status=\"0\"");
            BufferedImage shot = screenshot(p);
            assertBars(shot, 0, 0); // at (0, 0) the picture covers the title bar, as the notes warn
            assertThat(p.screen().graphic()).isNotNull();
        }
    }

    @Test
    void packingFollowsTheNotesExampleAndDepthOneIsBlackAndWhite() throws Exception {
        SimPhone p = colour();
        // "pixel values 1, 3, 2 and 0 ... re-ordered ... 2D" (Application Development Notes, Packed Pixel Data)
        push(p, "<CiscoIPPhoneImage><LocationX>20</LocationX><LocationY>30</LocationY><Width>4</Width><Height>1</Height>"
                + "<Depth>2</Depth><Data>2D</Data></CiscoIPPhoneImage>");
        BufferedImage shot = screenshot(p);
        assertThat(List.of(rgb(shot, 20, 30), rgb(shot, 21, 30), rgb(shot, 22, 30), rgb(shot, 23, 30)))
                .containsExactly(LIGHT, BLACK, DARK, WHITE);
        push(p, "<CiscoIPPhoneImage><LocationX>40</LocationX><LocationY>50</LocationY><Width>8</Width><Height>1</Height>"
                + "<Depth>1</Depth><Data>0F</Data></CiscoIPPhoneImage>");
        shot = screenshot(p);
        for (int x = 0; x < 8; x++) {
            assertThat(rgb(shot, 40 + x, 50)).as("pixel %d", x).isEqualTo(x < 4 ? BLACK : WHITE);
        }
    }

    @Test
    void minusOneCentresThePicture() throws Exception {
        SimPhone p = colour();
        push(p, "<CiscoIPPhoneImage><LocationX>-1</LocationX><LocationY>-1</LocationY>" + BARS + "</CiscoIPPhoneImage>");
        assertBars(screenshot(p), (p.model().width() - 16) / 2, (p.model().height() - 4) / 2);
    }

    @Test
    void graphicMenuShowsItsPictureAndKeepsItsItemsForSelection() throws Exception {
        SimPhone p = grey79xx();
        push(p, "<CiscoIPPhoneGraphicMenu><Title>Pick</Title><LocationX>10</LocationX><LocationY>40</LocationY>" + BARS
                + "<MenuItem><Name>One</Name><URL>Key:Services</URL></MenuItem>"
                + "<MenuItem><Name>Two</Name><URL>Key:Directories</URL></MenuItem></CiscoIPPhoneGraphicMenu>");
        assertBars(screenshot(p), 10, 40);
        assertThat(p.screen().items()).extracting(Screen.Item::name).containsExactly("One", "Two");
    }

    @Test
    void iconMenuDrawsEachItemsIconBeforeItsName() throws Exception {
        SimPhone p = colour();
        String black = "FF".repeat(16 * 10 * 2 / 8);
        push(p, "<CiscoIPPhoneIconMenu><Title>Icons</Title>"
                + "<MenuItem><IconIndex>0</IconIndex><Name>First</Name><URL>Key:Services</URL></MenuItem>"
                + "<IconItem><Index>0</Index><Height>10</Height><Width>16</Width><Depth>2</Depth><Data>" + black
                + "</Data></IconItem></CiscoIPPhoneIconMenu>");
        assertThat(p.screen().items().getFirst().icon()).isNotNull();
        assertThat(blackBlockAt(screenshot(p), 4, 16, 10)).as("a 16x10 black icon at x=4").isTrue();
    }

    /** Whether some row has a w x h block of black pixels starting at column x. */
    static boolean blackBlockAt(BufferedImage img, int x, int w, int h) {
        for (int y = 0; y + h <= img.getHeight(); y++) {
            boolean all = true;
            for (int dy = 0; dy < h && all; dy++) {
                for (int dx = 0; dx < w && all; dx++) {
                    all = rgb(img, x + dx, y + dy) == BLACK;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    @Test
    void imageFileFetchesItsPngWithThePhonesHeadersAndDrawsIt() throws Exception {
        SimPhone p = colour();
        assertThat(push(p, "<CiscoIPPhoneImageFile><Title>Red</Title><LocationX>100</LocationX><LocationY>60</LocationY>"
                + "<URL>" + base + "/red.png</URL></CiscoIPPhoneImageFile>")).contains("Status=\"0\"");
        BufferedImage shot = screenshot(p);
        assertThat(rgb(shot, 100, 60)).isEqualTo(0xFF0000);
        assertThat(rgb(shot, 119, 69)).isEqualTo(0xFF0000);
        assertThat(rgb(shot, 120, 69)).isNotEqualTo(0xFF0000);
        Map<String, String> h = SEEN.get("/red.png");
        assertThat(h).containsEntry("x-ciscoipphonemodelname", "CP-8845")
                .containsEntry("x-ciscoipphonedisplay", p.model().displayHeader())
                .containsKey("x-ciscoipphonesdkversion");
        assertThat(h.get("accept")).contains("image/png");
    }

    @Test
    void aPngOnAGreyModelComesOutGrey() throws Exception {
        SimPhone p = grey79xx();
        push(p, "<CiscoIPPhoneImageFile><LocationX>0</LocationX><LocationY>30</LocationY><URL>" + base + "/red.png</URL>"
                + "</CiscoIPPhoneImageFile>");
        int c = rgb(screenshot(p), 5, 35);
        assertThat((c >> 16) & 0xFF).isEqualTo((c >> 8) & 0xFF).isEqualTo(c & 0xFF);
    }

    @Test
    void aWrongTypeAnUnreadableFileOrATooLargeImageFailsOnThePromptLine() {
        SimPhone p = colour();
        push(p, "<CiscoIPPhoneImageFile><Title>T</Title><URL>" + base + "/red-as-text.png</URL></CiscoIPPhoneImageFile>");
        assertThat(p.screen().prompt()).isEqualTo("Unknown Error");
        assertThat(p.screen().graphic()).isNull();
        push(p, "<CiscoIPPhoneImageFile><Title>T</Title><URL>" + base + "/not-a.png</URL></CiscoIPPhoneImageFile>");
        assertThat(p.screen().prompt()).isEqualTo("Unknown Error");
        push(p, "<CiscoIPPhoneImageFile><Title>T</Title><URL>" + base + "/wide.png</URL></CiscoIPPhoneImageFile>");
        assertThat(p.screen().prompt()).isEqualTo("Data too large!");
        push(p, "<CiscoIPPhoneImageFile><Title>T</Title><URL>" + base + "/missing.png</URL></CiscoIPPhoneImageFile>");
        assertThat(p.screen().prompt()).isEqualTo("HTTP Error [404]");
        assertThat(p.history().deviceLog()).anySatisfy(l -> assertThat(l).contains("not image/png"))
                .anySatisfy(l -> assertThat(l).contains("600x20 pixels, over the 559x265 limit"));
    }

    @Test
    void graphicFileMenuDrawsItsPng() throws Exception {
        SimPhone p = colour();
        push(p, "<CiscoIPPhoneGraphicFileMenu><Title>Touch</Title><LocationX>200</LocationX><LocationY>100</LocationY>"
                + "<URL>" + base + "/red.png</URL><MenuItem><Name>Red</Name><URL>Key:Services</URL>"
                + "<TouchArea X1=\"200\" Y1=\"100\" X2=\"219\" Y2=\"109\"/></MenuItem></CiscoIPPhoneGraphicFileMenu>");
        assertThat(rgb(screenshot(p), 210, 105)).isEqualTo(0xFF0000);
    }

    @Test
    void iconFileMenuFetchesIconsAndShowsTheUnknownIconForOneTooLarge() throws Exception {
        SimPhone p = colour();
        push(p, "<CiscoIPPhoneIconFileMenu><Title>Files</Title>"
                + "<MenuItem><IconIndex>0</IconIndex><Name>Fetched</Name><URL>Key:Services</URL></MenuItem>"
                + "<MenuItem><IconIndex>1</IconIndex><Name>Too big</Name><URL>Key:Services</URL></MenuItem>"
                + "<MenuItem><IconIndex>2</IconIndex><Name>Built in</Name><URL>Key:Services</URL></MenuItem>"
                + "<IconItem><Index>0</Index><URL>" + base + "/icon.png</URL></IconItem>"
                + "<IconItem><Index>1</Index><URL>" + base + "/icon19.png</URL></IconItem>"
                + "<IconItem><Index>2</Index><URL>Resource:Icon.Connected</URL></IconItem></CiscoIPPhoneIconFileMenu>");
        List<Screen.Item> items = p.screen().items();
        assertThat(items.get(0).icon().width()).isEqualTo(18);
        assertThat(items.get(0).icon().argb(9, 9) & 0xFFFFFF).isEqualTo(0x00FF00);
        assertThat(items.get(1).icon()).isSameAs(Icons.UNKNOWN);
        assertThat(items.get(2).icon()).isNotNull().isNotSameAs(Icons.UNKNOWN);
        assertThat(SEEN.get("/icon.png")).containsEntry("x-ciscoipphonemodelname", "CP-8845");
        BufferedImage shot = screenshot(p);
        boolean green = false;
        for (int y = 0; y < shot.getHeight() && !green; y++) {
            green = rgb(shot, 4 + 9, y) == 0x00FF00;
        }
        assertThat(green).as("the fetched icon is in the screenshot").isTrue();
    }
}
