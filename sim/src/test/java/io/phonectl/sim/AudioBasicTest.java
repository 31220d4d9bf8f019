package io.phonectl.sim;

import com.sun.net.httpserver.HttpServer;
import io.phonectl.sim.phone.SimPhone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16 point 10: a fetched URL answered {@code audio/basic} is played as a Play clip is (the Execute answer waits
 * for it, the device log records it); a clip over 5 s or with a header fails on the prompt line. Plain JDK clients.
 */
class AudioBasicTest {

    static FleetHost host;
    static HttpServer audio;
    static String base;

    static byte[] silence(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 0xFF);
        return b;
    }

    @BeforeAll
    static void start() throws Exception {
        audio = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        serve("/five-seconds.au", silence(40_000));
        serve("/short.au", silence(800));
        serve("/too-long.au", silence(40_001));
        byte[] wav = silence(800);
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, wav, 0, 4);
        serve("/wav.au", wav);
        audio.start();
        base = "http://127.0.0.1:" + audio.getAddress().getPort();
        host = FleetHost.start(SimConfig.ephemeral(1, List.of("CP-8845")));
    }

    static void serve(String path, byte[] body) {
        audio.createContext(path, ex -> {
            ex.getResponseHeaders().add("Content-Type", "audio/basic");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
    }

    @AfterAll
    static void stop() {
        host.close();
        audio.stop(0);
    }

    static HttpRequest push(SimPhone p, String url) {
        String xml = "<CiscoIPPhoneExecute><ExecuteItem URL=\"" + url + "\"/></CiscoIPPhoneExecute>";
        return HttpRequest.newBuilder(FleetHost.uriOf(p).resolve("/CGI/Execute")).timeout(Duration.ofSeconds(30))
                .header("Authorization", Http.basic("admin", "admin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("XML=" + URLEncoder.encode(xml, StandardCharsets.UTF_8))).build();
    }

    @Test
    void aClipIsPlayedWhileTheExecuteAnswerWaits() throws Exception {
        SimPhone p = host.phones().getFirst();
        CompletableFuture<HttpResponse<String>> answer = Http.CLIENT.sendAsync(push(p, base + "/five-seconds.au"),
                HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(10)).until(() -> p.history().deviceLog().stream()
                .anyMatch(l -> l.contains("playing audio/basic " + base + "/five-seconds.au (40000 samples, 5000 ms)")));
        assertThat(answer).as("the answer waits while the 5 s clip plays").isNotDone();
        assertThat(answer.get(20, TimeUnit.SECONDS).body()).contains("Status=\"0\"");
        assertThat(p.history().deviceLog()).anySatisfy(l -> assertThat(l).contains("played audio/basic (40000 samples)"));
        assertThat(p.screen().prompt()).isEmpty();
    }

    @Test
    void aLongerOrHeaderedClipFailsAsThePhoneShowsIt() throws Exception {
        SimPhone p = host.phones().getFirst();
        assertThat(Http.CLIENT.send(push(p, base + "/too-long.au"), HttpResponse.BodyHandlers.ofString()).body())
                .contains("Status=\"0\"");
        assertThat(p.screen().prompt()).isEqualTo("Data too large!");
        Http.CLIENT.send(push(p, base + "/wav.au"), HttpResponse.BodyHandlers.ofString());
        assertThat(p.screen().prompt()).isEqualTo("Unknown Error");
        assertThat(p.history().deviceLog()).anySatisfy(l -> assertThat(l).contains("at most 40000 samples"))
                .anySatisfy(l -> assertThat(l).contains("RIFF"));
        Http.CLIENT.send(push(p, base + "/short.au"), HttpResponse.BodyHandlers.ofString());
        assertThat(p.history().deviceLog()).anySatisfy(l -> assertThat(l).contains("(800 samples, 100 ms)"));
    }
}
