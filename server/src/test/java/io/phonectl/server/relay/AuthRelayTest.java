package io.phonectl.server.relay;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.phonectl.client.credentials.Credentials;
import io.phonectl.server.ServerConfig;
import io.phonectl.server.testing.Databases;
import io.phonectl.server.testing.Http;
import io.phonectl.server.testing.RawHttp;
import io.phonectl.server.testing.ServerTest;
import io.phonectl.server.testing.SimPhones;
import io.phonectl.server.testing.StubAuthUpstream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The authentication relay against simulated phones in authentication-URL mode (they ask the service's
 * {@code /authenticate} about every request) and a stub upstream standing in for the CUCM, on H2 and PostgreSQL.
 */
@ParameterizedClass
@EnumSource(Databases.class)
class AuthRelayTest extends ServerTest {

    static final String USER = "cucm-app-user";
    static final String PASSWORD = "cucm-shared-secret-0815";
    static final int RATE = 1000;
    static final int BURST = 40;

    final StubAuthUpstream upstream = StubAuthUpstream.start(USER, PASSWORD);
    final ListAppender<ILoggingEvent> log = new ListAppender<>();
    final List<String> oneTimePasswords = new ArrayList<>();
    SimPhones phones;

    @Override
    protected ServerConfig configure(ServerConfig config) {
        return config.withRelay(new RelayConfig(null, upstream.url(), Duration.ofSeconds(2), RATE, BURST));
    }

    @BeforeParameterizedClassInvocation
    void phones() throws Exception {
        Logger relayLog = (Logger) LoggerFactory.getLogger("io.phonectl.server.relay");
        relayLog.setLevel(Level.DEBUG);
        log.start();
        relayLog.addAppender(log);
        phones = SimPhones.startWithAuthUrl(4, List.of("CP-8845", "CP-7841"),
                URI.create(t.server.uri() + RelayConfig.DEFAULT_PATH), false);
        Http.Answer c = t.admin().post("/api/v1/credentials", Map.of("name", "cucm", "user", USER, "secret", PASSWORD));
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        phones.registerByPhoneName(t.admin(), "cucm");
        secret(PASSWORD);
    }

    @AfterParameterizedClassInvocation
    void stop() {
        if (phones != null) {
            phones.close();
        }
    }

    @AfterAll
    void stopUpstreamAndCheckTheLog() {
        upstream.close();
        ((Logger) LoggerFactory.getLogger("io.phonectl.server.relay")).detachAppender(log);
        for (ILoggingEvent e : log.list) {
            assertThat(e.getFormattedMessage()).doesNotContain(PASSWORD);
            for (String p : oneTimePasswords) {
                assertThat(e.getFormattedMessage()).doesNotContain(p);
            }
        }
        assertThat(log.list).as("the relay logs its decisions").isNotEmpty();
    }

    @BeforeEach
    void refillTheBucket() {
        t.clock.advance(Duration.ofSeconds(2)); // the server's clock: the rate's bucket is full again
    }

    long runJob(boolean oneTime) {
        Map<String, Object> job = Map.of("target", Map.of("selector", "name=SEP*"), "action", "object_text",
                "params", Map.of("title", "Relay", "text", "Hello"), "options", Map.of("oneTimeCredentials", oneTime));
        Http.Answer a = keep(t.admin().post("/api/v1/jobs", job));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        long id = a.json().get("id").asLong();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> t.admin().get("/api/v1/jobs/" + id).json().get("state").asString().equals("done"));
        return id;
    }

    Http.Answer ask(String user, String password, String device) {
        String q = "UserID=" + enc(user) + "&Password=" + enc(password) + "&devicename=" + enc(device);
        return keep(t.http().get(RelayConfig.DEFAULT_PATH + "?" + q));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void aJobWithOneTimeCredentialsIsAuthorizedByTheServiceAloneAndTheUpstreamNeverAsked() {
        int before = upstream.asked().size();
        long id = runJob(true);
        JsonNode job = keep(t.admin().get("/api/v1/jobs/" + id)).json();
        assertThat(job.get("counts").get("EXECUTED").asInt()).as(job.toString()).isEqualTo(4);
        assertThat(job.get("options").get("oneTimeCredentials").asBoolean()).isTrue();
        assertThat(upstream.asked()).hasSize(before);
        for (long d : phones.deviceIds()) {
            assertThat(SimPhones.received(phones.phone(d), w -> w.equals("CiscoIPPhoneText"))).isGreaterThanOrEqualTo(1);
        }
        assertThat(keep(t.http().get("/metrics")).body())
                .contains("phonectl_auth_requests_total{path=\"onetime\",result=\"authorized\"} 4.0");
    }

    @Test
    void everyOtherQuestionIsRelayedUnchangedAndItsAnswerPassedBack() {
        int before = upstream.asked().size();
        long id = runJob(false);
        JsonNode job = keep(t.admin().get("/api/v1/jobs/" + id)).json();
        assertThat(job.get("counts").get("EXECUTED").asInt()).as(job.toString()).isEqualTo(4);
        List<StubAuthUpstream.Asked> asked = upstream.asked().subList(before, upstream.asked().size());
        assertThat(asked).hasSize(4);
        List<String> queries = asked.stream().map(StubAuthUpstream.Asked::rawQuery).toList();
        for (long d : phones.deviceIds()) {
            // exactly what the simulated phone sent (sim.auth.Authenticator.Url): nothing re-encoded or reordered
            assertThat(queries).contains("UserID=" + USER + "&Password=" + PASSWORD + "&devicename="
                    + phones.phone(d).name());
        }
        assertThat(asked).allSatisfy(a -> assertThat(a.method()).isEqualTo("GET"));

        // a POST form goes on as a POST with the same body and content type; the upstream's answer comes back as is
        String form = "UserID=" + USER + "&Password=wrong&devicename=SEP001122334455";
        Http.Answer a = keep(t.http().send("POST", RelayConfig.DEFAULT_PATH, "application/x-www-form-urlencoded", 
                form.getBytes(StandardCharsets.UTF_8)));
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).isEqualTo("UN-AUTHORIZED");
        StubAuthUpstream.Asked last = upstream.asked().getLast();
        assertThat(last.method()).isEqualTo("POST");
        assertThat(last.body()).isEqualTo(form);
        assertThat(last.contentType()).isEqualTo("application/x-www-form-urlencoded");
        String metrics = keep(t.http().get("/metrics")).body();
        assertThat(metrics).contains("phonectl_auth_requests_total{path=\"relay\",result=\"relayed\"}",
                "phonectl_auth_upstream_latency_seconds_bucket");
    }

    @Test
    void oneTimeCredentialsAreGoodForTheirDeviceWhileTheirJobRunsOnlyAndNeverRelayed() {
        long id = runJob(true);
        long device = phones.deviceIds().getFirst();
        String name = phones.phone(device).name();
        OneTimeCredentials ot = t.server.services().relay().oneTime();
        Credentials c = ot.issue(id, device, name);
        oneTimePasswords.add(c.password());
        secret(c.password());
        int before = upstream.asked().size();
        t.clock.advance(Duration.ofSeconds(2)); // past the cached job state
        Http.Answer done = ask(c.user(), c.password(), name);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).isEqualTo("UN-AUTHORIZED");
        // the same shape for another device, or a guessed password
        String other = phones.phone(phones.deviceIds().get(1)).name();
        assertThat(ot.check(c.user(), c.password(), other)).isInstanceOf(OneTimeCredentials.Check.Refused.class);
        assertThat(ask(c.user(), "guessed", name).body()).isEqualTo("UN-AUTHORIZED");
        assertThat(ask(OneTimeCredentials.PREFIX + "x", "y", name).body()).isEqualTo("UN-AUTHORIZED");
        assertThat(upstream.asked()).as("the service's own user names are never relayed").hasSize(before);
        assertThat(keep(t.http().get("/metrics")).body())
                .contains("phonectl_auth_requests_total{path=\"onetime\",result=\"refused\"} 3.0");
    }

    @Test
    void beyondTheRateTheUpstreamIsNotAskedAndAFailedUpstreamIsAnError() {
        int before = upstream.asked().size();
        int limited = 0;
        for (int i = 0; i < BURST + 10; i++) {
            Http.Answer a = ask(USER, PASSWORD, "SEP00AA00000001");
            if (a.status() == 429) {
                assertThat(a.body()).isEqualTo("ERROR");
                limited++;
            } else {
                assertThat(a.body()).isEqualTo("AUTHORIZED");
            }
        }
        // the server's clock stands still in this test: no token comes back while it asks
        assertThat(limited).isEqualTo(10);
        assertThat(upstream.asked()).hasSize(before + BURST);
        t.clock.advance(Duration.ofSeconds(1));
        upstream.hold();
        try {
            Http.Answer slow = ask(USER, PASSWORD, "SEP00AA00000001");
            assertThat(slow.status()).isEqualTo(502);
            assertThat(slow.body()).isEqualTo("ERROR");
        } finally {
            upstream.release();
        }
        String metrics = keep(t.http().get("/metrics")).body();
        assertThat(metrics).contains("phonectl_auth_requests_total{path=\"relay\",result=\"rate_limited\"} 10.0",
                "phonectl_auth_upstream_failures_total{reason=\"timeout\"} 1.0");
    }

    @Test
    void onlyGetAndPostAndSmallBodies() {
        Http.Answer put = keep(t.http().send("PUT", RelayConfig.DEFAULT_PATH, "text/plain", new byte[1]));
        assertThat(put.status()).isEqualTo(405);
        Http.Answer big = keep(t.http().send("POST", RelayConfig.DEFAULT_PATH, "application/x-www-form-urlencoded",
                new byte[RelayConfig.MAX_BODY_BYTES + 1]));
        assertThat(big.status()).isEqualTo(413);
        Http.Answer nothing = keep(t.http().get(RelayConfig.DEFAULT_PATH));
        assertThat(nothing.body()).as("no fields: relayed, and the upstream refuses").isEqualTo("UN-AUTHORIZED");
    }

    /** A body over the cap is read before it is refused, so the refusal arrives and the connection goes on. */
    @Test
    void aBodyOverTheCapIsRefusedOnAConnectionThatGoesOn() throws Exception {
        byte[] over = new byte[RelayConfig.MAX_BODY_BYTES + 1];
        try (RawHttp c = new RawHttp(t.server.uri())) {
            RawHttp.Answer big = c.send("POST " + RelayConfig.DEFAULT_PATH + " HTTP/1.1\nHost: test\n"
                    + "Content-Type: application/x-www-form-urlencoded\nContent-Length: " + over.length, over).read();
            assertThat(big.status()).isEqualTo(413);
            assertThat(big.text()).isEqualTo("ERROR");
            assertThat(big.headers()).doesNotContainKey("connection");
            RawHttp.Answer next = c.send("GET " + RelayConfig.DEFAULT_PATH + " HTTP/1.1\nHost: test", new byte[0])
                    .read();
            assertThat(next.text()).isEqualTo("UN-AUTHORIZED");
        }
    }

    @Test
    void aJobCannotAskForOneTimeCredentialsWithAnUnknownOption() {
        Http.Answer a = keep(t.admin().post("/api/v1/jobs", Map.of("target", Map.of("all", true), "action",
                "object_text", "params", Map.of("title", "x", "text", "y"), "options", Map.of("oneTimeCredential", true))));
        assertThat(a.status()).isEqualTo(400);
    }
}
