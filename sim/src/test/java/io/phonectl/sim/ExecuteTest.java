package io.phonectl.sim;

import io.phonectl.sim.phone.CallState;
import io.phonectl.sim.phone.PhoneKeys;
import io.phonectl.sim.phone.Screen;
import io.phonectl.sim.phone.SimPhone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** /CGI/Execute end to end over loopback with the JDK client: body styles, results, effects per model. */
class ExecuteTest {

    static final MutableClock CLOCK = new MutableClock();
    static FleetHost host;
    static final String AUTH = Http.basic("admin", "admin");

    @BeforeAll
    static void start() throws Exception {
        host = FleetHost.start(SimConfig.ephemeral(9, List.of("CP-8845", "CP-7942", "CP-7841", "CP-8821", "CP-8875",
                "CP-8851-3PCC", "CP-7940", "DP-9861", "IP-Communicator")), CLOCK);
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

    static String execute(String... urls) {
        StringBuilder b = new StringBuilder("<CiscoIPPhoneExecute>");
        for (String u : urls) {
            b.append("<ExecuteItem URL=\"").append(u.replace("&", "&amp;")).append("\"/>");
        }
        return b.append("</CiscoIPPhoneExecute>").toString();
    }

    /** Style (a): proper form encoding; Digest for the models that challenge with it (CP-7940). */
    static HttpResponse<byte[]> push(SimPhone p, String xml) {
        byte[] body = ("XML=" + URLEncoder.encode(xml, StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);
        String auth = p.model().catalog().digestAuth()
                ? Digest.authorization(Digest.challengeOf(FleetHost.uriOf(p)), "admin", "admin", "POST", "/CGI/Execute", 1)
                : AUTH;
        return Http.post(uri(p), auth, "application/x-www-form-urlencoded", body);
    }

    static URI uri(SimPhone p) {
        return FleetHost.uriOf(p).resolve("/CGI/Execute");
    }

    static String item(int status, String data, String url) {
        return "<ResponseItem URL=\"" + url + "\" Data=\"" + data + "\" Status=\"" + status + "\"";
    }

    @ParameterizedTest
    @CsvSource({"form", "form-as-text-xml", "raw"})
    void allThreeBodyStylesAreUnderstood(String style) {
        SimPhone p = phone("CP-8845");
        String xml = execute("Key:Services");
        byte[] body = switch (style) {
            case "raw" -> ("XML=" + xml).getBytes(StandardCharsets.ISO_8859_1);
            default -> ("XML=" + URLEncoder.encode(xml, StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);
        };
        String type = style.equals("form") ? "application/x-www-form-urlencoded" : "text/xml; charset:ISO-8859-1";
        HttpResponse<byte[]> r = Http.post(uri(p), AUTH, type, body);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/xml"));
        assertThat(Http.text(r)).contains("<CiscoIPPhoneResponse>").contains(item(0, "Success", "Key:Services"));
        assertThat(p.openApplication()).isEqualTo("Services");
        assertThat(p.history().executed()).extracting(e -> e.what()).containsExactly("Key:Services");
    }

    @Test
    void rawBodyKeepsAmpersandsAndPlusSigns() {
        SimPhone p = phone("CP-8845");
        String xml = "<CiscoIPPhoneText><Title>A&amp;B</Title><Text>1+1 &amp; more</Text></CiscoIPPhoneText>";
        HttpResponse<byte[]> r = Http.post(uri(p), AUTH, "text/xml", ("XML=" + xml).getBytes(StandardCharsets.UTF_8));
        assertThat(Http.text(r)).contains("Status=\"0\"");
        assertThat(p.screen().title()).isEqualTo("A&B");
        assertThat(p.screen().text()).isEqualTo("1+1 & more");
    }

    @Test
    void oneResponseItemPerExecuteItemWithDocumentedStatuses() {
        SimPhone p = phone("CP-8845");
        String r = Http.text(push(p, execute("Key:VolUp", "Nonsense:Thing", "SendDigits:123:1")));
        assertThat(r).contains(item(0, "Success", "Key:VolUp"))
                .contains(item(1, "Invalid URI", "Nonsense:Thing"))
                .contains(item(6, "No Active Call", "SendDigits:123:1"));
        assertThat(p.device().volume()).isEqualTo(SimPhone.DEFAULT_VOLUME + PhoneKeys.VOLUME_STEP);
    }

    @Test
    void dialThenSendDigitsInTheCallThenHangUp() {
        SimPhone p = phone("DP-9861");
        assertThat(Http.text(push(p, execute("Dial:5551234")))).contains("Status=\"0\"");
        assertThat(p.call()).isEqualTo(CallState.CONNECTED);
        assertThat(Http.text(push(p, execute("SendDigits:42#:1")))).contains(item(0, "Success", "SendDigits:42#:1"));
        assertThat(p.sentDigits()).isEqualTo("42#");
        p.onHook();
        assertThat(Http.text(push(p, execute("EditDial:777")))).contains("Status=\"0\"");
        assertThat(p.call()).isEqualTo(CallState.DIALING);
        assertThat(p.dialled()).isEqualTo("777");
    }

    @ParameterizedTest
    @CsvSource({
            "CP-8845,Display:Off:5,0", "CP-7841,Display:Off:5,6", "CP-8821,SendDigits:1:1,6", "CP-7841,SendDigits:1:1,6",
            "CP-8845,Key:Hold,6", "CP-8845,Key:FixedFeature3,0", "CP-8875,Key:NavUp,6", "CP-8845,SettingsMenu:Foo,6",
            "CP-8845,Device:GeneratePRT,6", "CP-8821,Device:GeneratePRT,0", "CP-7841,Device:Unlock,6",
            "CP-8845,Device:Unlock,0", "CP-8845,SoftKey:Exit,6", "CP-8821,SoftKey:Exit,0", "CP-7942,Init:AppStatus,0",
            "IP-Communicator,Key:Settings,0", "CP-8845,Key:Offhook,6", "CP-8821,Key:Offhook,0"})
    void supportFollowsTheModelCatalog(String model, String url, int status) {
        String r = Http.text(push(phone(model), execute(url)));
        assertThat(r).contains("URL=\"" + url + "\"").contains("Status=\"" + status + "\"");
    }

    @Test
    void notifyIsRefusedInsideExecute() {
        assertThat(Http.text(push(phone("CP-8845"), execute("Notify:http:127.0.0.1:9:/x"))))
                .contains("Status=\"6\"").contains("URI not found");
    }

    @Test
    void aDirectlyPushedObjectIsShownAndKeysNavigateIt() {
        SimPhone p = phone("CP-7942");
        String menu = "<CiscoIPPhoneMenu><Title>Lunch</Title><Prompt>Pick</Prompt>"
                + "<MenuItem><Name>Soup</Name><URL>Key:VolUp</URL></MenuItem>"
                + "<MenuItem><Name>Salad</Name><URL>Key:VolDwn</URL></MenuItem></CiscoIPPhoneMenu>";
        assertThat(Http.text(push(p, menu))).contains("Status=\"0\"");
        assertThat(p.screen().kind()).isEqualTo(Screen.Kind.MENU);
        assertThat(p.screen().renderedText()).contains("> 1 Soup").contains("Pick");
        assertThat(Http.text(push(p, execute("Key:NavDwn", "Key:NavSelect")))).contains(item(0, "Success", "Key:NavSelect"));
        assertThat(p.screen().selected()).isEqualTo(1);
        assertThat(p.device().volume()).isEqualTo(SimPhone.DEFAULT_VOLUME - PhoneKeys.VOLUME_STEP);
        Http.text(push(p, execute("Key:NavBack")));
        assertThat(p.screen().kind()).isEqualTo(Screen.Kind.IDLE);
    }

    @Test
    void statusOverlayStaysUntilInitAppStatus() {
        SimPhone p = phone("CP-8845");
        push(p, "<CiscoIPPhoneStatus><Text>Paging zone 3</Text><Timer>0</Timer></CiscoIPPhoneStatus>");
        assertThat(p.statusOverlay()).isEqualTo("Paging zone 3");
        push(p, execute("Init:AppStatus"));
        assertThat(p.statusOverlay()).isNull();
    }

    @Test
    void initClosesTheApplicationItNames() {
        SimPhone p = phone("CP-8845");
        push(p, execute("Key:Directories"));
        push(p, execute("Init:Services"));
        assertThat(p.openApplication()).isEqualTo("Directories");
        push(p, execute("Init:Directories"));
        assertThat(p.openApplication()).isNull();
    }

    @Test
    void invalidObjectAnswersErrorOneAndShowsThePromptError() {
        SimPhone p = phone("CP-8845");
        HttpResponse<byte[]> r = push(p, "<CiscoIPPhoneText><Title>broken</Title>");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Http.text(r)).isEqualTo("<CiscoIPPhoneError Number=\"1\" />");
        assertThat(p.screen().prompt()).isEqualTo("XML Error [4]: Parse Error");
    }

    @Test
    void missingXmlFieldIsAParseError() {
        HttpResponse<byte[]> r = Http.post(uri(phone("CP-8845")), AUTH, "application/x-www-form-urlencoded",
                "xml=%3CCiscoIPPhoneExecute%2F%3E".getBytes(StandardCharsets.US_ASCII));
        assertThat(Http.text(r)).isEqualTo("<CiscoIPPhoneError Number=\"1\" />");
    }

    @ParameterizedTest
    @CsvSource({"CP-7940,512,0", "CP-7940,513,1", "CP-8845,40960,0", "CP-8845,40961,1"})
    void sizeLimitOfTheModelsProfile(String model, int bytes, int expectedStatusOrError) {
        SimPhone p = phone(model);
        String head = "<CiscoIPPhoneText><Title>T</Title><Text>x</Text></CiscoIPPhoneText><!--";
        String xml = head + "a".repeat(bytes - head.length() - 3) + "-->";
        assertThat(xml.getBytes(StandardCharsets.UTF_8)).hasSize(bytes);
        String r = Http.text(push(p, xml));
        if (expectedStatusOrError == 0) {
            assertThat(r).contains("Status=\"0\"");
        } else {
            assertThat(r).isEqualTo("<CiscoIPPhoneError Number=\"1\" />");
            assertThat(p.history().executed().getLast().what()).contains("at most " + (bytes - 1) + " bytes");
        }
    }

    @Test
    void multiplatformPhonesAnswerAnEmpty200() {
        HttpResponse<byte[]> r = push(phone("CP-8851-3PCC"), execute("Key:Services"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void displayOffWithTimerThenBackOnByItself() {
        SimPhone p = phone("CP-8845");
        push(p, execute("Display:Off:5"));
        assertThat(p.device().displayOn()).isFalse();
        CLOCK.advance(Duration.ofMinutes(4));
        assertThat(p.device().displayOn()).isFalse();
        CLOCK.advance(Duration.ofMinutes(1));
        assertThat(p.device().displayOn()).isTrue();
        push(p, execute("Display:Off:0"));
        CLOCK.advance(Duration.ofDays(1));
        assertThat(p.device().displayOn()).isFalse();
        push(p, execute("Display:Default"));
        assertThat(p.device().displayOn()).isTrue();
    }

    @Test
    void unlock() {
        SimPhone p = phone("CP-8845");
        assertThat(p.device().locked()).isTrue();
        push(p, execute("Device:Unlock"));
        assertThat(p.device().locked()).isFalse();
    }

    @Test
    void problemReportMacroOn8821() {
        SimPhone p = phone("CP-8821");
        String gen = "<CiscoIPPhoneExecute><ExecuteItem Priority=\"0\" URL=\"Device:GeneratePRT\"/></CiscoIPPhoneExecute>";
        String poll = "<CiscoIPPhoneExecute><ExecuteItem Priority=\"0\" URL=\"Device:PRTStatus\"/></CiscoIPPhoneExecute>";
        assertThat(Http.text(push(p, poll))).contains(item(6, "There is no pending PRT invoked from XSI", "Device:PRTStatus"));
        assertThat(Http.text(push(p, gen))).contains(item(0, "Success", "Device:GeneratePRT"));
        assertThat(Http.text(push(p, gen))).contains(item(6, "There is pending PRT", "Device:GeneratePRT"));
        assertThat(Http.text(push(p, poll))).contains(item(0, "Generating PRT", "Device:PRTStatus"));
        String done = Http.text(push(p, poll));
        assertThat(done).containsPattern("Data=\"Generated PRT at https://127\\.0\\.0\\.1/FS/prt-\\d{8}-\\d{6}-[0-9a-f]{12}\\.tar\\.gz\"");
    }

    @Test
    void tftpMacroOn8875EndsWithTheServerSet() {
        SimPhone p = phone("CP-8875");
        List<String> steps = List.of("Key:Applications", "SettingsMenu:Networkconnection", "SettingsMenu:Networksettings",
                "SettingsMenu:AlternateTFTP", "SettingsMenu:TFTPserver1", "Key:Key_1", "Key:Key_Period", "Key:Key_0",
                "Key:Key_0", "Key:Key_Period", "Key:Key_7", "Key:Key_Period", "Key:Key_3", "Key:Key_4",
                "Key:Key_Period", "Key:Key_1", "Button:Apply");
        for (String step : steps) {
            assertThat(Http.text(push(p, execute(step)))).as(step).contains("Status=\"0\"");
        }
        // the keys the macro presses spell 1.00.7.34.1 (its label says 1.0.0.7.34.1)
        assertThat(p.device().settings()).containsEntry("TFTPServer1", "1.00.7.34.1").containsEntry("AlternateTFTP", "On");
        assertThat(p.screen().title()).isEqualTo("AlternateTFTP");
    }

    @Test
    void playAnswersAfterTheClip() {
        SimPhone p = phone("CP-8845");
        assertThat(Http.text(push(p, execute("Play:Chime.raw")))).contains(item(0, "Success", "Play:Chime.raw"));
        assertThat(p.history().deviceLog()).anySatisfy(l -> assertThat(l).contains("playing Chime.raw"));
        assertThat(Http.text(push(p, execute("Play:Stop")))).contains("Status=\"0\"");
    }

    @Test
    void getDeviceCapsDescribesTheModel() {
        SimPhone p = phone("CP-8845");
        String r = Http.text(push(p, "<getDeviceCaps/>"));
        assertThat(r).contains("getDeviceCapsResponse").contains("CP-8845").contains("559");
    }

    @Test
    void setBackgroundOnlyWhereTheCatalogAllowsIt() {
        // the files are fetched (BackgroundAndRingToneTest); here nothing listens, so the 8845 reports a file error
        String bg = "<setBackground><background><image>http://127.0.0.1:9/bg.png</image><icon>http://127.0.0.1:9/i.png"
                + "</icon></background></setBackground>";
        assertThat(Http.text(push(phone("CP-8845"), bg))).isEqualTo("<CiscoIPPhoneError Number=\"3\" />");
        assertThat(phone("CP-8845").device().settings()).doesNotContainKey("Background");
        assertThat(Http.text(push(phone("CP-7942"), bg))).isEqualTo("<CiscoIPPhoneError Number=\"1\" />");
    }

    static IntStream seeds() {
        return IntStream.range(0, 40);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void mutatedBodiesAlwaysGetAnXsiAnswer(int seed) {
        Random rnd = new Random(seed);
        byte[] b = ("XML=" + execute("Key:Services", "Dial:123", "Display:Off:1")).getBytes(StandardCharsets.UTF_8);
        for (int i = 0, n = 1 + rnd.nextInt(6); i < n; i++) {
            String alphabet = "<>&\"=:%+ x\u0000";
            b[rnd.nextInt(b.length)] = (byte) alphabet.charAt(rnd.nextInt(alphabet.length()));
        }
        HttpResponse<byte[]> r = Http.post(uri(phone("CP-8845")), AUTH, "text/xml", b);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Http.text(r)).matches("(?s).*(<CiscoIPPhoneResponse>|<CiscoIPPhoneError Number=\"1\" />).*");
    }
}
