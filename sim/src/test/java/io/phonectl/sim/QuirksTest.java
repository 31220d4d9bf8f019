package io.phonectl.sim;

import com.sun.net.httpserver.HttpServer;
import io.phonectl.sim.phone.SimPhone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** HTTP client quirks real phones punish, strict XML mode, and Notify retries. */
class QuirksTest {

    static FleetHost host;
    static final String XML = "<CiscoIPPhoneExecute><ExecuteItem URL=\"Key:Services\"/></CiscoIPPhoneExecute>";
    static final byte[] BODY = ("XML=" + URLEncoder.encode(XML, StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);

    @BeforeAll
    static void start() throws Exception {
        host = FleetHost.start(SimConfig.ephemeral(1, List.of("CP-8845")).withStrictXml(true));
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    static URI execute() {
        return FleetHost.uriOf(host.phones().get(0)).resolve("/CGI/Execute");
    }

    static HttpRequest.Builder base() {
        return HttpRequest.newBuilder(execute()).timeout(Duration.ofSeconds(10))
                .header("Authorization", Http.basic("admin", "admin"))
                .header("Content-Type", "application/x-www-form-urlencoded");
    }

    @Test
    void chunkedBodyIsAnswered404() throws Exception {
        HttpRequest r = base().POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(BODY))).build();
        assertThat(Http.CLIENT.send(r, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    @Test
    void expectContinueGetsErrorSix() throws Exception {
        HttpRequest r = base().expectContinue(true).POST(HttpRequest.BodyPublishers.ofByteArray(BODY)).build();
        HttpResponse<String> resp = Http.CLIENT.send(r, HttpResponse.BodyHandlers.ofString());
        assertThat(resp.body()).isEqualTo("<CiscoIPPhoneError Number=\"6\" />");
    }

    @Test
    void aWellBehavedClientSucceeds() throws Exception {
        HttpRequest r = base().POST(HttpRequest.BodyPublishers.ofByteArray(BODY)).build();
        assertThat(Http.CLIENT.send(r, HttpResponse.BodyHandlers.ofString()).body()).contains("Status=\"0\"");
    }

    @Test
    void strictModeRefusesWhatLenientPhonesAccept() {
        SimPhone p = host.phones().get(0);
        // unknown element: ignored by lenient readers, an error under the XSD
        String xml = "<CiscoIPPhoneText><Title>T</Title><Colour>red</Colour><Text>x</Text></CiscoIPPhoneText>";
        byte[] body = ("XML=" + URLEncoder.encode(xml, StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);
        assertThat(Http.text(Http.post(execute(), Http.basic("admin", "admin"), "application/x-www-form-urlencoded", body)))
                .isEqualTo("<CiscoIPPhoneError Number=\"1\" />");
        assertThat(p.screen().prompt()).isEqualTo("XML Error [4]: Parse Error");
    }

    @Test
    void notifyIsRetriedThreeTimesThenGivenUp() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer failing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        failing.createContext("/", ex -> {
            hits.incrementAndGet();
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(500, -1);
            ex.close();
        });
        failing.start();
        try {
            SimPhone p = host.phones().get(0);
            p.reset();
            String text = "<CiscoIPPhoneText appId=\"r\" onAppFocusGained=\"Notify:http:127.0.0.1:"
                    + failing.getAddress().getPort() + ":x\"><Title>T</Title><Text>x</Text></CiscoIPPhoneText>";
            Http.post(execute(), Http.basic("admin", "admin"), "application/x-www-form-urlencoded",
                    ("XML=" + URLEncoder.encode(text, StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII));
            await().atMost(Duration.ofSeconds(15)).until(() -> p.history().notifications().size() == 4);
            assertThat(hits.get()).isEqualTo(4);
            assertThat(p.history().notifications()).allSatisfy(n -> assertThat(n.status()).isEqualTo(500));
        } finally {
            failing.stop(0);
        }
    }
}
