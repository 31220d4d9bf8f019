package io.phonectl.server.job;

import io.phonectl.server.PhonectlServer;
import io.phonectl.server.ServerConfig;
import io.phonectl.server.auth.SecurityConfig;
import io.phonectl.server.auth.User;
import io.phonectl.server.credential.CredentialConfig;
import io.phonectl.server.http.HttpConfig;
import io.phonectl.server.http.Role;
import io.phonectl.server.testing.Http;
import io.phonectl.server.testing.SimPhones;
import io.phonectl.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A server stopped cleanly in the middle of a job (SIGTERM, Ctrl-C) stops within seconds, and the next start on the
 * same data finishes the job: the run that stopped left its task to db-scheduler, not completed.
 */
class GracefulStopTest {

    static PhonectlServer start(Path data) throws Exception {
        return PhonectlServer.start(ServerConfig.defaults(data).withHttp(HttpConfig.loopback(0))
                .withSecurity(SecurityConfig.defaults().withBcryptCost(4).withAdminPassword(TestServer.ADMIN_PASSWORD))
                .withCredentials(new CredentialConfig(TestServer.MASTER_KEY)));
    }

    static Http admin(PhonectlServer s, String name) {
        User admin = s.services().auth().users().byName("admin").orElseThrow();
        return Http.at(s.uri()).bearer(s.services().auth().tokens().create(admin.id(), name, Role.ADMIN, null).token());
    }

    @Test
    void aStoppedServerStopsQuicklyAndTheNextStartFinishesTheJob(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        try (SimPhones phones = SimPhones.start(8, List.of("CP-8845"))) {
            PhonectlServer first = start(data);
            long job;
            try {
                Http a = admin(first, "first");
                phones.register(a, "g", "lab");
                Http.Answer made = a.post("/api/v1/jobs", Map.of("target", Map.of("all", true), "action", "play_audio",
                        "params", Map.of("filename", "Chime.raw"), "options", Map.of("concurrency", 2, "attempts", 1)));
                assertThat(made.status()).as(made.body()).isEqualTo(201);
                job = made.json().get("id").asLong();
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    JsonNode j = a.get("/api/v1/jobs/" + job).json();
                    return j.get("counts").path("EXECUTED").asInt() >= 2;
                });
            } finally {
                long t0 = System.nanoTime();
                first.close();
                // no timing assertion; the stop must merely finish (bounded by the awaits below)
                System.out.printf("stopped in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            }
            PhonectlServer second = start(data);
            try {
                Http a = admin(second, "second");
                await().atMost(Duration.ofSeconds(60)).until(() -> a.get("/api/v1/jobs/" + job).json().get("state")
                        .asString().equals("done"));
                JsonNode j = a.get("/api/v1/jobs/" + job).json();
                assertThat(j.get("runs").asInt()).isEqualTo(2);
                assertThat(j.get("counts").get("EXECUTED").asInt()).isEqualTo(8);
                for (long d : phones.deviceIds()) {
                    assertThat(SimPhones.received(phones.phone(d), "Play:Chime.raw"::equals)).isBetween(1L, 2L);
                }
            } finally {
                second.close();
            }
        }
    }
}
