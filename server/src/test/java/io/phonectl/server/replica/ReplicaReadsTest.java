package io.phonectl.server.replica;

import io.phonectl.server.testing.Databases;
import io.phonectl.server.testing.Http;
import io.phonectl.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas on one PostgreSQL, each keeping devices pages and token rows until something is written: what one
 * writes, the other reads on its next request (docs/scale-out.md).
 */
class ReplicaReadsTest {

    @TempDir
    Path dir;

    @Test
    void aDeviceAddedOnOneReplicaAndATokenRevokedThereAreReadAtOnceOnTheOther() throws Exception {
        try (TestServer a = TestServer.start(Databases.POSTGRESQL, dir.resolve("a"));
             TestServer b = a.replica(dir.resolve("b"))) {
            Http.Answer made = a.admin().post("/api/v1/tokens", Map.of("name", "reader", "role", "viewer"));
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            Http onB = b.http().bearer(made.json().get("token").asString());
            assertThat(a.admin().post("/api/v1/devices", Map.of("name", "lobby-1", "address", "127.0.0.1:9",
                    "model", "8845")).status()).isEqualTo(201);
            // read twice on b: the page (not empty: an empty one is not kept) and the token's row are kept there now
            for (int i = 0; i < 2; i++) {
                Http.Answer page = onB.get("/api/v1/devices?limit=100");
                assertThat(page.status()).as(page.body()).isEqualTo(200);
                assertThat(page.json().get("items")).hasSize(1);
            }
            Http.Answer device = a.admin().post("/api/v1/devices", Map.of("name", "lobby-2", "address",
                    "127.0.0.1:10", "model", "8845"));
            assertThat(device.status()).as(device.body()).isEqualTo(201);
            Http.Answer after = onB.get("/api/v1/devices?limit=100");
            assertThat(after.json().get("items")).hasSize(2);
            assertThat(a.admin().delete("/api/v1/tokens/" + made.json().get("id").asLong()).status()).isEqualTo(200);
            Http.Answer refused = onB.get("/api/v1/devices?limit=100");
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.json().get("detail").asString()).contains("revoked");
        }
    }
}
