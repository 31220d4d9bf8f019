package io.phonectl.sim;

import com.sun.net.httpserver.HttpServer;
import io.phonectl.sim.auth.DigestAuth;
import io.phonectl.sim.phone.SimPhone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 point 8 (simulator half): the models the catalog marks {@code auth=digest} (CP-7940, CP-7960) challenge
 * with RFC 7616 Digest (MD5, qop=auth), refuse Basic, expire their nonces on the host's clock and answer a correct
 * reply to an expired nonce with {@code stale=true}. The answers are computed by hand in the test ({@link Digest}).
 */
class DigestAuthTest {

    static final MutableClock CLOCK = new MutableClock();
    static FleetHost host;

    @BeforeAll
    static void start() throws Exception {
        host = FleetHost.start(SimConfig.ephemeral(3, List.of("CP-7940", "CP-7960", "CP-8845")), CLOCK);
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    static URI shot(SimPhone p) {
        return FleetHost.uriOf(p).resolve("/CGI/Screenshot");
    }

    static String challengeHeader(HttpResponse<byte[]> r) {
        assertThat(r.statusCode()).isEqualTo(401);
        return r.headers().firstValue("WWW-Authenticate").orElseThrow();
    }

    @Test
    void aDigestModelChallengesWithDigestAndTakesACorrectAnswer() {
        for (SimPhone p : host.phones().subList(0, 2)) {
            HttpResponse<byte[]> first = Http.get(shot(p), null);
            String header = challengeHeader(first);
            assertThat(header).startsWith("Digest realm=\"" + p.model().headerName() + "\"").contains("qop=\"auth\"")
                    .contains("algorithm=MD5").contains("nonce=\"").contains("opaque=\"").doesNotContain("stale");
            assertThat(Http.text(first)).contains("Protected Object");
            Map<String, String> c = Digest.challenge(header);
            HttpResponse<byte[]> r = Http.get(shot(p), Digest.authorization(c, "admin", "admin", "GET", "/CGI/Screenshot", 1));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("image/bmp");
            assertThat(r.body()[28]).as("BMP bits per pixel: 4, holding the display's 4 greys").isEqualTo((byte) 4);
        }
    }

    @Test
    void basicIsRefusedWithAChallengeAndAWrongDigestToo() {
        SimPhone p = host.phones().getFirst();
        assertThat(challengeHeader(Http.get(shot(p), Http.basic("admin", "admin")))).startsWith("Digest ");
        Map<String, String> c = Digest.challengeOf(FleetHost.uriOf(p));
        assertThat(challengeHeader(Http.get(shot(p), Digest.authorization(c, "admin", "nope", "GET", "/CGI/Screenshot", 1))))
                .startsWith("Digest ").doesNotContain("stale");
        assertThat(challengeHeader(Http.get(shot(p), Digest.authorization(c, "nobody", "admin", "GET", "/CGI/Screenshot", 1))))
                .startsWith("Digest ");
        // an answer for another URI does not open this one
        assertThat(challengeHeader(Http.get(shot(p), Digest.authorization(c, "admin", "admin", "GET", "/CGI/Execute", 1))))
                .startsWith("Digest ");
        // a nonce the phone did not make
        Map<String, String> forged = new java.util.HashMap<>(c);
        forged.put("nonce", c.get("nonce").substring(0, c.get("nonce").indexOf('.') + 1) + "0".repeat(32));
        assertThat(challengeHeader(Http.get(shot(p), Digest.authorization(forged, "admin", "admin", "GET", "/CGI/Screenshot", 1))))
                .doesNotContain("stale");
    }

    @Test
    void anExpiredNonceEarnsStaleTrueAndTheFreshOneWorks() {
        SimPhone p = host.phones().get(1);
        Map<String, String> c = Digest.challengeOf(FleetHost.uriOf(p));
        assertThat(Http.get(shot(p), Digest.authorization(c, "admin", "admin", "GET", "/CGI/Screenshot", 1)).statusCode())
                .isEqualTo(200);
        CLOCK.advance(DigestAuth.NONCE_LIFETIME.plus(Duration.ofSeconds(1)));
        String stale = challengeHeader(Http.get(shot(p), Digest.authorization(c, "admin", "admin", "GET", "/CGI/Screenshot", 2)));
        assertThat(stale).contains("stale=true");
        Map<String, String> fresh = Digest.challenge(stale);
        assertThat(fresh.get("nonce")).isNotEqualTo(c.get("nonce"));
        assertThat(Http.get(shot(p), Digest.authorization(fresh, "admin", "admin", "GET", "/CGI/Screenshot", 1)).statusCode())
                .isEqualTo(200);
        // a wrong password on an expired nonce is not stale: the client must not retry without asking
        CLOCK.advance(DigestAuth.NONCE_LIFETIME.plus(Duration.ofSeconds(1)));
        assertThat(challengeHeader(Http.get(shot(p), Digest.authorization(fresh, "admin", "nope", "GET", "/CGI/Screenshot", 2))))
                .doesNotContain("stale");
    }

    @Test
    void anExecutePushAnsweredWithDigestIsRun() {
        SimPhone p = host.phones().getFirst();
        Map<String, String> c = Digest.challengeOf(FleetHost.uriOf(p));
        String xml = "<CiscoIPPhoneExecute><ExecuteItem URL=\"Key:Services\"/></CiscoIPPhoneExecute>";
        HttpResponse<byte[]> r = Http.post(FleetHost.uriOf(p).resolve("/CGI/Execute"),
                Digest.authorization(c, "admin", "admin", "POST", "/CGI/Execute", 1), "application/x-www-form-urlencoded",
                ("XML=" + URLEncoder.encode(xml, StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII));
        assertThat(Http.text(r)).contains("Status=\"0\"");
    }

    @Test
    void basicModelsStayBasic() {
        SimPhone p = host.phones().get(2);
        assertThat(challengeHeader(Http.get(shot(p), null))).isEqualTo("Basic realm=\"CP-8845\"");
        assertThat(Http.get(shot(p), Http.basic("admin", "admin")).statusCode()).isEqualTo(200);
    }

    @Test
    void withAnAuthenticationUrlADigestModelTakesBasicAsItCannotCheckADigest() throws Exception {
        HttpServer auth = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        auth.createContext("/auth", ex -> {
            byte[] b = "AUTHORIZED".getBytes(StandardCharsets.US_ASCII);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        auth.start();
        try (FleetHost delegated = FleetHost.start(SimConfig.ephemeral(1, List.of("CP-7940"))
                .withAuthUrl(URI.create("http://127.0.0.1:" + auth.getAddress().getPort() + "/auth"), false))) {
            SimPhone p = delegated.phones().getFirst();
            assertThat(challengeHeader(Http.get(shot(p), null))).startsWith("Basic ");
            assertThat(Http.get(shot(p), Http.basic("anyone", "secret")).statusCode()).isEqualTo(200);
        } finally {
            auth.stop(0);
        }
    }
}
