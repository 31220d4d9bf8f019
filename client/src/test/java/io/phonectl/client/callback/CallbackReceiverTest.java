package io.phonectl.client.callback;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.xsi.component.AppEventType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class CallbackReceiverTest {

    static final Credentials NOTIFY = Credentials.of("notify", "n0tify-pw");
    static final BlockingQueue<CallbackEvent> events = new LinkedBlockingQueue<>();
    static HttpClient http;
    static CallbackReceiver receiver;

    @BeforeAll
    static void start() {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        receiver = CallbackReceiver.start(CallbackConfig.loopback(NOTIFY), events::add);
    }

    @AfterAll
    static void stop() {
        receiver.close();
        http.close();
    }

    @BeforeEach
    void drain() {
        events.clear();
    }

    int post(String body, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + receiver.port() + "/events/phone"))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=\"UTF-8\"")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String form(String data) {
        return "DATA=" + URLEncoder.encode(data, StandardCharsets.UTF_8);
    }

    CallbackEvent next() throws InterruptedException {
        CallbackEvent e = events.poll(5, TimeUnit.SECONDS);
        assertThat(e).as("an event within 5 s").isNotNull();
        return e;
    }

    @Test
    void mediaStoppedByUser() throws Exception {
        String xml = "<notifyMediaEvent type=\"stopped\" origin=\"user\">\n<mediaStream id=\"abc123\"/>\n</notifyMediaEvent>";
        assertThat(post(form(xml), NOTIFY.basicHeader())).isEqualTo(200);
        CallbackEvent e = next();
        assertThat(e).isInstanceOf(CallbackEvent.Media.class);
        CallbackEvent.Media m = (CallbackEvent.Media) e;
        assertThat(m.event().streamId()).isEqualTo("abc123");
        assertThat(m.event().origin()).isEqualTo("user");
        assertThat(m.origin().path()).isEqualTo("/events/phone");
        assertThat(m.origin().remoteAddress()).startsWith("127.0.0.1:");
    }

    @Test
    void applicationEventInTheRawBodyStyle() throws Exception {
        assertThat(post("DATA=<notifyApplicationEvent appId=\"pager&co\" type=\"closed\"/>".replace("&", "&amp;"),
                NOTIFY.basicHeader())).isEqualTo(200);
        CallbackEvent.Application a = (CallbackEvent.Application) next();
        assertThat(a.event().appId()).isEqualTo("pager&co");
        assertThat(a.event().type()).isEqualTo(AppEventType.CLOSED);
    }

    @Test
    void customDataOfANotifyUri() throws Exception {
        assertThat(post(form("ack 42 ü"), NOTIFY.basicHeader())).isEqualTo(200);
        assertThat(next()).isInstanceOf(CallbackEvent.Data.class).extracting(e -> ((CallbackEvent.Data) e).data())
                .isEqualTo("ack 42 ü");
    }

    @Test
    void wrongOrMissingCredentialsAreRefusedAndReported() throws Exception {
        assertThat(post(form("<x/>"), Credentials.of("notify", "wrong").basicHeader())).isEqualTo(401);
        CallbackEvent.Rejected r = (CallbackEvent.Rejected) next();
        assertThat(r.reason()).contains("do not match").doesNotContain("n0tify-pw", "wrong");
        assertThat(post(form("<x/>"), null)).isEqualTo(401);
        assertThat(((CallbackEvent.Rejected) next()).reason()).isEqualTo("no credentials");
    }

    @Test
    void bodyWithoutDataIsABadRequest() throws Exception {
        assertThat(post("XML=%3Cx%2F%3E", NOTIFY.basicHeader())).isEqualTo(400);
        assertThat(next()).isInstanceOf(CallbackEvent.Rejected.class);
    }

    @Test
    void notifyUriCarriesTheReceiversPortAndCredentials() {
        var uri = receiver.notifyUri("127.1.2.3", "events/phone");
        assertThat(uri.format()).isEqualTo("Notify:http:127.1.2.3:" + receiver.port() + ":events/phone:" + NOTIFY.base64());
        assertThat(uri.toString()).doesNotContain(NOTIFY.base64());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void mutatedBodiesNeverThrow(long seed) {
        Random random = new Random(seed);
        CallbackEvent.Origin o = new CallbackEvent.Origin("x", "/", java.time.Instant.EPOCH);
        byte[] base = form("<notifyMediaEvent type=\"stopped\" origin=\"user\"><mediaStream id=\"a\"/></notifyMediaEvent>")
                .getBytes(StandardCharsets.US_ASCII);
        for (int n = 0; n < 300; n++) {
            byte[] b = base.clone();
            for (int k = 0; k < 1 + random.nextInt(5); k++) {
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            }
            if (random.nextBoolean()) {
                b = java.util.Arrays.copyOf(b, random.nextInt(b.length));
            }
            assertThat(CallbackReceiver.parse(o, b)).isNotNull();
        }
    }
}
