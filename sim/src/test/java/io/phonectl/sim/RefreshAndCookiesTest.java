package io.phonectl.sim;

import com.sun.net.httpserver.HttpServer;
import io.phonectl.sim.phone.SimPhone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Refresh re-fetches and Set-Cookie limits end to end: a page server on loopback, a clock moved by hand. */
class RefreshAndCookiesTest {

    static final MutableClock CLOCK = new MutableClock();
    static FleetHost host;
    static HttpServer app;
    static String base;
    static final Map<String, AtomicInteger> HITS = new ConcurrentHashMap<>();
    static final Map<String, String> COOKIE = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        page("/every5", "5");
        page("/manual", "0");
        page("/onwards", "3; url=/target");
        page("/target", null);
        page("/echo", null);
        app.createContext("/set", ex -> {
            for (int i = 0; i < 5; i++) {
                ex.getResponseHeaders().add("Set-Cookie", "c" + i + "=v" + i + "; Path=/");
            }
            text(ex, null);
        });
        app.createContext("/big", ex -> {
            ex.getResponseHeaders().add("Set-Cookie", "b=" + "x".repeat(253)); // 255 bytes: kept
            ex.getResponseHeaders().add("Set-Cookie", "B=" + "x".repeat(254)); // 256 bytes: refused
            text(ex, null);
        });
        app.start();
        base = "http://127.0.0.1:" + app.getAddress().getPort();
        host = FleetHost.start(SimConfig.ephemeral(1, List.of("CP-8845")), CLOCK);
    }

    static void page(String path, String refresh) {
        app.createContext(path, ex -> {
            HITS.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
            COOKIE.put(path, String.valueOf(ex.getRequestHeaders().getFirst("Cookie")));
            text(ex, refresh);
        });
    }

    static void text(com.sun.net.httpserver.HttpExchange ex, String refresh) throws java.io.IOException {
        if (refresh != null) {
            ex.getResponseHeaders().add("Refresh", refresh);
        }
        ex.getResponseHeaders().add("Content-Type", "text/xml");
        BrowserTest.reply(ex, "<CiscoIPPhoneText><Title>" + ex.getRequestURI().getPath() + "</Title><Text>t</Text></CiscoIPPhoneText>");
    }

    @AfterAll
    static void stop() {
        host.close();
        app.stop(0);
    }

    @BeforeEach
    void reset() {
        host.phones().forEach(SimPhone::reset);
        HITS.clear();
    }

    static SimPhone phone() {
        return host.phones().getFirst();
    }

    static int hits(String path) {
        return HITS.getOrDefault(path, new AtomicInteger()).get();
    }

    static String state() {
        URI api = host.inspectionUri().orElseThrow();
        return Http.text(Http.get(api.resolve("/phones/" + phone().name()), null));
    }

    @Test
    void aRefreshingPageIsFetchedAgainAfterNSecondsInPlace() {
        assertThat(BrowserTest.push(phone(), 0, base + "/every5")).contains("Status=\"0\"");
        int depth = phone().screens().size();
        assertThat(state()).contains("\"refresh\":{\"page\":\"" + base + "/every5\"");
        CLOCK.advance(Duration.ofSeconds(4));
        host.runTimers();
        assertThat(hits("/every5")).isEqualTo(1);
        CLOCK.advance(Duration.ofSeconds(1));
        host.runTimers();
        await().atMost(Duration.ofSeconds(10)).until(() -> hits("/every5") == 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> state().contains("\"refresh\":{"));
        assertThat(phone().screens()).hasSize(depth);
        // the screen changes: the pending refresh is dropped, no more fetches
        Http.post(host.inspectionUri().orElseThrow().resolve("/phones/" + phone().name() + "/softkey/Exit"), null, null,
                new byte[0]);
        assertThat(phone().screen().source()).isNotEqualTo(base + "/every5");
        assertThat(state()).contains("\"refresh\":null");
        CLOCK.advance(Duration.ofSeconds(60));
        host.runTimers();
        assertThat(hits("/every5")).isEqualTo(2);
    }

    @Test
    void refreshZeroIsManualAndResetCancels() {
        BrowserTest.push(phone(), 0, base + "/manual");
        assertThat(state()).contains("\"refresh\":null");
        BrowserTest.push(phone(), 0, base + "/every5");
        assertThat(state()).contains("\"refresh\":{");
        phone().reset();
        assertThat(state()).contains("\"refresh\":null");
        CLOCK.advance(Duration.ofSeconds(10));
        host.runTimers();
        assertThat(hits("/every5")).isEqualTo(1);
    }

    @Test
    void refreshUrlFetchesTheNamedPage() {
        BrowserTest.push(phone(), 0, base + "/onwards");
        CLOCK.advance(Duration.ofSeconds(3));
        host.runTimers();
        await().atMost(Duration.ofSeconds(10)).until(() -> hits("/target") == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> "/target".equals(phone().screen().title()));
    }

    @Test
    void cookiesKeepFourPerHostDropTheOldestRefuseLongOnesAndExpireAfterThirtyIdleMinutes() {
        BrowserTest.push(phone(), 0, base + "/set");
        BrowserTest.push(phone(), 0, base + "/echo");
        assertThat(COOKIE.get("/echo")).isEqualTo("c1=v1; c2=v2; c3=v3; c4=v4");
        BrowserTest.push(phone(), 0, base + "/big");
        BrowserTest.push(phone(), 0, base + "/echo");
        assertThat(COOKIE.get("/echo")).isEqualTo("c2=v2; c3=v3; c4=v4; b=" + "x".repeat(253));
        assertThat(state()).contains("\"host\":\"127.0.0.1\"").contains("\"cookies\":[\"c2\",\"c3\",\"c4\",\"b\"]")
                .doesNotContain("xxxx");
        CLOCK.advance(Duration.ofMinutes(30));
        BrowserTest.push(phone(), 0, base + "/echo");
        assertThat(COOKIE.get("/echo")).startsWith("c2=v2");
        CLOCK.advance(Duration.ofMinutes(30).plusSeconds(1));
        BrowserTest.push(phone(), 0, base + "/echo");
        assertThat(COOKIE.get("/echo")).isEqualTo("null");
        assertThat(state()).contains("\"cookies\":[]");
    }
}
