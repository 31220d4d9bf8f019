package io.phonectl.sim;

import io.phonectl.sim.host.Impairments;
import io.phonectl.sim.phone.SimPhone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Slow and dead phones, seen from a plain client: a dead phone's connect times out, a slow phone answers late. */
class ImpairmentsTest {

    static final int PHONES = 40;
    static final Impairments SOME = Impairments.NONE.withSlow(0.1, Duration.ofSeconds(3)).withDead(0.1);

    static FleetHost host;

    @BeforeAll
    static void start() throws Exception {
        host = FleetHost.start(SimConfig.ephemeral(PHONES, List.of("CP-8845")), Clock.systemUTC(), SOME);
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void sharesAreSpreadOverTheFleetAndPhoneZeroIsSpared() {
        Impairments i = Impairments.NONE.withSlow(0.1, Duration.ofMillis(500)).withDead(0.1);
        long dead = IntStream.range(0, 10_000).filter(i::dead).count();
        long slow = IntStream.range(0, 10_000).filter(n -> i.delay(n).equals(Duration.ofMillis(500))).count();
        assertThat(dead).isBetween(995L, 1005L);
        assertThat(slow).isBetween(995L, 1005L);
        assertThat(IntStream.range(0, 10_000).filter(n -> i.dead(n) && !i.delay(n).isZero()).count()).isZero();
        // every block of 100 phones has its share, not the last thousand all dead
        for (int b = 0; b < 100; b++) {
            int from = b * 100;
            assertThat(IntStream.range(from, from + 100).filter(i::dead).count()).isBetween(5L, 15L);
        }
        assertThat(i.dead(0)).isFalse();
        assertThat(i.delay(0)).isZero();
        assertThat(Impairments.NONE.withAnswerDelay(Duration.ofMillis(50)).delay(7)).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void limitsAreCheckedWithTheFieldAndRule() {
        assertThatThrownBy(() -> Impairments.NONE.withDead(1.5)).hasMessageContaining("deadShare = 1.5")
                .hasMessageContaining("0..1");
        assertThatThrownBy(() -> Impairments.NONE.withDead(0.6).withSlow(0.6, Duration.ZERO))
                .hasMessageContaining("slowShare + deadShare");
        assertThatThrownBy(() -> Impairments.NONE.withAnswerDelay(Duration.ofMinutes(3)))
                .hasMessageContaining("answerDelay = 180000 ms");
    }

    @Test
    void aDeadPhoneNeitherAcceptsNorRefuses() throws Exception {
        for (SimPhone p : phones(true)) {
            try (Socket s = new Socket()) {
                assertThatThrownBy(() -> s.connect(p.address(), 300)).as(p.name())
                        .isInstanceOf(SocketTimeoutException.class).isNotInstanceOf(ConnectException.class);
            }
        }
    }

    @Test
    void aSlowPhoneAnswersAfterItsDelayAndTheOthersAtOnce() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        SimPhone slow = host.phones().stream().filter(p -> SOME.delay(p.index()).equals(Duration.ofSeconds(3)))
                .findFirst().orElseThrow();
        // the answer is held for 3 s: a client that waits 300 ms cannot have it yet
        assertThatThrownBy(() -> http.send(execute(slow, Duration.ofMillis(300)), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        // every live phone at once (the slow ones' 3 s overlap instead of adding up): each answers the push
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (SimPhone p : phones(false)) {
            answers.add(http.sendAsync(execute(p, Duration.ofSeconds(30)), HttpResponse.BodyHandlers.ofString()));
        }
        assertThat(answers).isNotEmpty().allSatisfy(a -> {
            HttpResponse<String> r = a.get(60, TimeUnit.SECONDS);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("CiscoIPPhoneResponse", "Status=\"0\"");
        });
        assertThat(phones(false)).contains(slow);
    }

    @Test
    void phonesSentTheSameBytesEachRunThem() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<SimPhone> live = phones(false).stream().filter(p -> SOME.delay(p.index()).isZero()).limit(3).toList();
        for (SimPhone p : live) {
            http.send(execute(p, Duration.ofSeconds(30)), HttpResponse.BodyHandlers.ofString());
        }
        // one read of the bytes, shared; each phone still ran the push itself
        assertThat(live).allSatisfy(p -> assertThat(p.history().executed()).anySatisfy(e -> assertThat(e.toString()).contains("Key:VolUp")));
    }

    static List<SimPhone> phones(boolean dead) {
        return host.phones().stream().filter(p -> SOME.dead(p.index()) == dead).toList();
    }

    static HttpRequest execute(SimPhone p, Duration timeout) throws IOException {
        String xml = "<CiscoIPPhoneExecute><ExecuteItem URL=\"Key:VolUp\"/></CiscoIPPhoneExecute>";
        byte[] body = ("XML=" + URLEncoder.encode(xml, StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);
        return HttpRequest.newBuilder(URI.create(FleetHost.uriOf(p) + "CGI/Execute")).timeout(timeout)
                .header("Authorization", Http.basic("admin", "admin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }
}
