package io.phonectl.server.api;

import io.phonectl.server.testing.Databases;
import io.phonectl.server.testing.Http;
import io.phonectl.server.testing.ServerTest;
import io.phonectl.server.testing.SimPhones;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Jobs over HTTP against simulated phones, on H2 and PostgreSQL. */
@ParameterizedClass
@EnumSource(Databases.class)
class JobApiTest extends ServerTest {

    SimPhones phones;

    @BeforeParameterizedClassInvocation
    void phones() throws Exception {
        phones = SimPhones.start(6, List.of("CP-8845", "CP-7841", "CP-8865")).register(t.admin(), "p", "lab");
        secret(SimPhones.PASSWORD + "-not-used");
    }

    @AfterParameterizedClassInvocation
    void stopPhones() {
        if (phones != null) {
            phones.close();
        }
    }

    JsonNode waitFinal(long id) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            String s = t.admin().get("/api/v1/jobs/" + id).json().get("state").asString();
            return s.equals("done") || s.equals("cancelled");
        });
        return keep(t.admin().get("/api/v1/jobs/" + id)).json();
    }

    @Test
    void aTextObjectReachesEveryPhone() {
        Http.Answer made = keep(t.admin().post("/api/v1/jobs", Map.of("target", Map.of("all", true),
                "action", "object_text", "params", Map.of("title", "Hello", "text", "From a job"))));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long id = made.json().get("id").asLong();
        JsonNode job = waitFinal(id);
        assertThat(job.get("state").asString()).isEqualTo("done");
        assertThat(job.get("total").asInt()).isEqualTo(6);
        assertThat(job.get("counts").get("EXECUTED").asInt()).as(job.toString()).isEqualTo(6);
        JsonNode items = keep(t.admin().get("/api/v1/jobs/" + id + "/items")).json();
        assertThat(items.get("total").asInt()).isEqualTo(6);
        for (long d : phones.deviceIds()) {
            assertThat(SimPhones.received(phones.phone(d), w -> w.equals("CiscoIPPhoneText"))).isEqualTo(1);
        }
    }
}
