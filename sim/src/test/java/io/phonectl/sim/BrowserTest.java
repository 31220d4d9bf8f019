package io.phonectl.sim;

import com.sun.net.httpserver.HttpServer;
import io.phonectl.sim.phone.Screen;
import io.phonectl.sim.phone.SimPhone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The phone's browser: HTTP URLs in an Execute and in selected items, with the real headers and priorities. */
class BrowserTest {

    static FleetHost host;
    static HttpServer app;
    static String base;
    static final List<Map<String, String>> REQUESTS = new CopyOnWriteArrayList<>();
    static final Map<String, String> COOKIES_SEEN = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        app.createContext("/menu", ex -> {
            Map<String, String> h = new java.util.HashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> h.put(k.toLowerCase(), v.get(0)));
            h.put("path", ex.getRequestURI().toString());
            REQUESTS.add(h);
            String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><CiscoIPPhoneMenu><Title>Services</Title>"
                    + "<MenuItem><Name>Weather</Name><URL>" + base + "/text</URL></MenuItem></CiscoIPPhoneMenu>";
            ex.getResponseHeaders().add("Content-Type", "text/xml; charset=utf-8");
            for (int i = 0; i < 6; i++) {
                ex.getResponseHeaders().add("Set-Cookie", "c" + i + "=v" + i + "; Path=/");
            }
            reply(ex, xml);
        });
        app.createContext("/text", ex -> {
            COOKIES_SEEN.put("text", String.valueOf(ex.getRequestHeaders().getFirst("Cookie")));
            ex.getResponseHeaders().add("Content-Type", "text/xml");
            ex.getResponseHeaders().add("Expires", "Thu, 26 Oct 1995 00:00:00 GMT");
            reply(ex, "<CiscoIPPhoneText><Title>Weather</Title><Text>Sunny</Text></CiscoIPPhoneText>");
        });
        app.createContext("/broken", ex -> reply(ex, "<CiscoIPPhoneText><Title>"));
        app.createContext("/search", ex -> {
            Map<String, String> h = new java.util.HashMap<>();
            h.put("path", ex.getRequestURI().getRawPath() + "?" + ex.getRequestURI().getRawQuery());
            REQUESTS.add(h);
            ex.getResponseHeaders().add("Content-Type", "text/xml");
            reply(ex, "<CiscoIPPhoneText><Title>Results</Title><Text>none</Text></CiscoIPPhoneText>");
        });
        app.start();
        base = "http://127.0.0.1:" + app.getAddress().getPort();
        host = FleetHost.start(SimConfig.ephemeral(2, List.of("CP-8845", "CP-7942")));
    }

    static void reply(com.sun.net.httpserver.HttpExchange ex, String body) throws java.io.IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(200, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    @AfterAll
    static void stop() {
        host.close();
        app.stop(0);
    }

    @BeforeEach
    void reset() {
        host.phones().forEach(SimPhone::reset);
        REQUESTS.clear();
    }

    static String push(SimPhone p, int priority, String url) {
        String xml = "<CiscoIPPhoneExecute><ExecuteItem Priority=\"" + priority + "\" URL=\"" + url + "\"/></CiscoIPPhoneExecute>";
        return Http.text(Http.post(FleetHost.uriOf(p).resolve("/CGI/Execute"), Http.basic("admin", "admin"),
                "application/x-www-form-urlencoded",
                ("XML=" + URLEncoder.encode(xml, StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void fetchesWithThePhonesHeadersAndShowsTheObject() {
        SimPhone p = host.phones().get(0);
        assertThat(push(p, 0, base + "/menu?name=#DEVICENAME#")).contains("Status=\"0\"");
        assertThat(REQUESTS).hasSize(1);
        Map<String, String> h = REQUESTS.get(0);
        assertThat(h.get("path")).isEqualTo("/menu?name=" + p.name());
        assertThat(h.get("x-ciscoipphonemodelname")).isEqualTo("CP-8845");
        assertThat(h.get("x-ciscoipphonedisplay")).isEqualTo("559, 265, 24, C");
        assertThat(h.get("x-ciscoipphonesdkversion")).isEqualTo(p.model().sdkVersion());
        assertThat(h.get("accept")).startsWith("x-CiscoIPPhone/*;version=");
        assertThat(h.get("accept-charset")).isEqualTo("utf-8,iso-8859-1;q=0.8");
        assertThat(h).containsKey("accept-language");
        assertThat(p.screen().kind()).isEqualTo(Screen.Kind.MENU);
        assertThat(p.screen().renderedText()).contains("Weather");
    }

    @Test
    void selectingAnItemFollowsItsUrlWithCookiesAndExpiredPagesDoNotStack() {
        SimPhone p = host.phones().get(1);
        push(p, 0, base + "/menu");
        int depth = p.screens().size();
        URI api = host.inspectionUri().orElseThrow();
        assertThat(Http.post(api.resolve("/phones/" + p.name() + "/press/NavSelect"), null, null, new byte[0]).statusCode())
                .isEqualTo(200);
        assertThat(p.screen().title()).isEqualTo("Weather");
        assertThat(p.screens()).hasSize(depth); // expired page replaced the menu instead of stacking
        assertThat(COOKIES_SEEN.get("text")).isEqualTo("c2=v2; c3=v3; c4=v4; c5=v5"); // four per host, oldest dropped
        assertThat(REQUESTS.get(0).get("accept-charset")).isEqualTo("iso-8859-1, utf-8;q=0.8");
    }

    @Test
    void inputFormsAreTypedIntoAndSubmitted() {
        SimPhone p = host.phones().get(0);
        String input = "<CiscoIPPhoneInput><Title>Directory</Title><Prompt>Search</Prompt><URL>" + base
                + "/search?src=1</URL><InputItem><DisplayName>First name</DisplayName><QueryStringParam>fn</QueryStringParam>"
                + "<DefaultValue>Al</DefaultValue><InputFlags>A</InputFlags></InputItem><InputItem><DisplayName>Last</DisplayName>"
                + "<QueryStringParam>ln</QueryStringParam><DefaultValue></DefaultValue><InputFlags>A</InputFlags></InputItem>"
                + "</CiscoIPPhoneInput>";
        assertThat(Http.text(Http.post(FleetHost.uriOf(p).resolve("/CGI/Execute"), Http.basic("admin", "admin"),
                "application/x-www-form-urlencoded",
                ("XML=" + URLEncoder.encode(input, StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII))))
                .contains("Status=\"0\"");
        URI api = host.inspectionUri().orElseThrow();
        String phone = "/phones/" + p.name();
        Http.post(api.resolve(phone + "/press/NavDwn"), null, null, new byte[0]);
        assertThat(Http.post(api.resolve(phone + "/type/O%27Hara%20Jr"), null, null, new byte[0]).statusCode()).isEqualTo(200);
        assertThat(p.screen().renderedText()).contains("Last: O'Hara Jr");
        Http.post(api.resolve(phone + "/softkey/Submit"), null, null, new byte[0]);
        assertThat(REQUESTS).extracting(r -> r.get("path")).containsExactly("/search?src=1&fn=Al&ln=O%27Hara+Jr");
        assertThat(p.screen().title()).isEqualTo("Results");
    }

    @Test
    void priorityOneWaitsForTheCallToEndAndPriorityTwoIsDroppedWhenBusy() {
        SimPhone p = host.phones().get(0);
        p.dial("123");
        assertThat(push(p, 2, base + "/menu")).contains("Status=\"0\"");
        assertThat(push(p, 1, base + "/menu")).contains("Status=\"0\"");
        assertThat(REQUESTS).isEmpty();
        p.onHook();
        await().atMost(Duration.ofSeconds(10)).until(() -> REQUESTS.size() == 1 && p.screen().kind() == Screen.Kind.MENU);
        assertThat(REQUESTS).hasSize(1);
    }

    @Test
    void internalUrisIgnorePriorityAndRunAtOnce() {
        SimPhone p = host.phones().get(0);
        p.dial("123");
        assertThat(push(p, 2, "Key:VolUp")).contains("Status=\"0\"");
        assertThat(p.device().volume()).isGreaterThan(SimPhone.DEFAULT_VOLUME);
    }

    @Test
    void unreachableOrBrokenPagesShowOnThePromptLine() throws Exception {
        SimPhone p = host.phones().get(0);
        push(p, 0, base + "/broken");
        assertThat(p.screen().prompt()).isEqualTo("XML Error [4]: Parse Error");
        int dead;
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            dead = s.getLocalPort();
        }
        push(p, 0, "http://127.0.0.1:" + dead + "/x");
        assertThat(p.screen().prompt()).isEqualTo("Host Not Found");
    }
}
