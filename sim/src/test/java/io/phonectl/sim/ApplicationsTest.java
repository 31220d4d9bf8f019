package io.phonectl.sim;

import com.sun.net.httpserver.HttpServer;
import io.phonectl.sim.phone.SimPhone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Application Management API: App URIs, focus per applicationId, event handlers posting notifyApplicationEvent. */
class ApplicationsTest {

    static FleetHost host;
    static HttpServer sink;
    static final List<String> EVENTS = new CopyOnWriteArrayList<>();
    static String notify;

    @BeforeAll
    static void start() throws Exception {
        sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        sink.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII);
            EVENTS.add(ex.getRequestURI().getPath() + " " + URLDecoder.decode(body.substring(5), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        sink.start();
        notify = "Notify:http:127.0.0.1:" + sink.getAddress().getPort() + ":";
        host = FleetHost.start(SimConfig.ephemeral(3, List.of("CP-8845", "DP-9861", "CP-7841")));
    }

    @AfterAll
    static void stop() {
        host.close();
        sink.stop(0);
    }

    @BeforeEach
    void reset() {
        host.phones().forEach(SimPhone::reset);
        EVENTS.clear();
    }

    static SimPhone phone(String model) {
        return host.phones().stream().filter(p -> p.model().name().equals(model)).findFirst().orElseThrow();
    }

    static String push(SimPhone p, String xml) {
        return Http.text(Http.post(FleetHost.uriOf(p).resolve("/CGI/Execute"), Http.basic("admin", "admin"),
                "application/x-www-form-urlencoded",
                ("XML=" + URLEncoder.encode(xml, StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII)));
    }

    static String exec(SimPhone p, String url) {
        return push(p, "<CiscoIPPhoneExecute><ExecuteItem URL=\"" + url + "\"/></CiscoIPPhoneExecute>");
    }

    static String appText(String appId) {
        return "<CiscoIPPhoneText appId=\"" + appId + "\" onAppFocusLost=\"" + notify + "lost\" onAppFocusGained=\""
                + notify + "gained\" onAppMinimized=\"" + notify + "minimized\" onAppClosed=\"" + notify + "closed\">"
                + "<Title>" + appId + "</Title><Text>hello</Text></CiscoIPPhoneText>";
    }

    static void awaitEvent(String path, String type, String appId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> EVENTS.stream().anyMatch(e -> e.startsWith("/" + path + " ")
                && e.contains("notifyApplicationEvent") && e.contains("type=\"" + type + "\"")
                && e.contains("appId=\"" + appId + "\"")));
    }

    @Test
    void focusMovesWithTheScreenAndRequestFocusBringsTheApplicationBack() {
        SimPhone p = phone("CP-8845");
        assertThat(push(p, appText("weather"))).contains("Status=\"0\"");
        awaitEvent("gained", "focusGained", "weather");
        push(p, "<CiscoIPPhoneText><Title>Other</Title><Text>x</Text></CiscoIPPhoneText>");
        awaitEvent("lost", "focusLost", "weather");
        assertThat(exec(p, "App:RequestFocus:0:60:weather")).contains("Status=\"0\"");
        assertThat(p.screen().title()).isEqualTo("weather");
        assertThat(exec(p, "App:Close:0:60:weather")).contains("Status=\"0\"");
        awaitEvent("closed", "closed", "weather");
        assertThat(p.screens()).noneMatch(s -> "weather".equals(s.appId()));
        assertThat(exec(p, "App:RequestFocus:0:60:weather")).contains("Data=\"Unknown Application ID\" Status=\"6\"");
    }

    @Test
    void releaseFocusNeedsTheFocusAndMinimizeKeepsTheApplication() {
        SimPhone p = phone("CP-8845");
        push(p, appText("a1"));
        push(p, "<CiscoIPPhoneText><Title>Other</Title><Text>x</Text></CiscoIPPhoneText>");
        assertThat(exec(p, "App:ReleaseFocus:0:60:a1")).contains("Data=\"Application is not Active\" Status=\"6\"");
        exec(p, "App:RequestFocus:0:60:a1");
        assertThat(exec(p, "App:Minimize:0:60:a1")).contains("Status=\"0\"");
        awaitEvent("minimized", "minimized", "a1");
        assertThat(p.screen().title()).isEqualTo("Other");
        exec(p, "App:RequestFocus:0:60:a1");
        assertThat(p.screen().title()).isEqualTo("a1");
    }

    @Test
    void the9800TreatsMinimizeAsClose() {
        SimPhone p = phone("DP-9861");
        push(p, appText("m"));
        assertThat(exec(p, "App:Minimize:0:60:m")).contains("Status=\"0\"");
        awaitEvent("closed", "closed", "m");
        assertThat(exec(p, "App:RequestFocus:0:60:m")).contains("Status=\"6\"");
    }

    @Test
    void exitingTheApplicationsScreenClosesIt() {
        SimPhone p = phone("CP-8845");
        push(p, appText("bye"));
        exec(p, "Key:NavBack");
        awaitEvent("closed", "closed", "bye");
    }

    @Test
    void appUrisAreRefusedWhereTheCatalogSaysSo() {
        SimPhone p = phone("CP-7841");
        assertThat(exec(p, "App:RequestFocus:0:60:x")).contains("Status=\"6\"").contains("URI not found");
        assertThat(exec(phone("DP-9861"), "App:RequestFocus:0:60:x")).contains("URI not found");
    }

    @Test
    void inspectionNeverShowsNotifyCredentials() {
        SimPhone p = phone("CP-8845");
        String secret = java.util.Base64.getEncoder().encodeToString("ops:s3cret".getBytes(StandardCharsets.UTF_8));
        push(p, "<CiscoIPPhoneText appId=\"c\" onAppClosed=\"" + notify + "closed:" + secret + "\"><Title>T</Title>"
                + "<Text>x</Text></CiscoIPPhoneText>");
        exec(p, "Notify:http:127.0.0.1:9:x:" + secret);
        String json = Http.text(Http.get(host.inspectionUri().orElseThrow().resolve("/phones/" + p.name()), null));
        assertThat(json).contains("onAppClosed").contains("***").doesNotContain(secret);
    }

    @Test
    void inspectionShowsNotificationsSent() {
        SimPhone p = phone("CP-8845");
        push(p, appText("n"));
        await().atMost(Duration.ofSeconds(10)).until(() -> p.history().notifications().stream().anyMatch(e -> e.status() == 200));
        assertThat(p.history().notifications().get(0).what()).startsWith("POST http://127.0.0.1:");
        assertThat(p.history().notifications().get(0).data()).contains("focusGained");
    }
}
