package io.phonectl.server.device;

import io.phonectl.server.db.Database;
import io.phonectl.server.http.Json;
import io.phonectl.server.http.Paging;
import io.phonectl.server.testing.Databases;
import io.phonectl.server.testing.Http;
import io.phonectl.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A kept devices page is answered with the JSON written for its first request: the same bytes the mapper writes for
 * the page, written once while nothing is written, and written anew after a write.
 */
class KeptPageTest {

    @TempDir
    Path dir;

    private static byte[] page(DeviceService devices, String where) {
        return devices.listJson(DeviceSelector.parse("where", where), Paging.of("2", null), DeviceService.Sort.ID, false);
    }

    /**
     * The page asked for twice with nothing written in between (the service's own threads may write now and then:
     * then it asks again, until a deadline), and the two answers: the same array when the page was kept.
     */
    private static byte[][] twiceWhileNothingIsWritten(TestServer ts) {
        Database db = ts.server.services().database();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Object version = db.readVersion();
            byte[] first = page(ts.server.services().devices(), "");
            byte[] second = page(ts.server.services().devices(), "");
            if (version.equals(db.readVersion())) {
                return new byte[][] {first, second};
            }
        }
        throw new AssertionError("something was written between every two reads of the page for 30 s");
    }

    @Test
    void aKeptPageIsAnsweredWithTheBytesWrittenOnceAndWrittenAnewAfterAWrite() throws Exception {
        try (TestServer ts = TestServer.start(Databases.H2, dir)) {
            DeviceService devices = ts.server.services().devices();
            for (int i = 1; i <= 3; i++) {
                assertThat(ts.admin().post("/api/v1/devices", Map.of("name", "lobby-" + i, "address",
                        "127.0.0.1:" + (9 + i), "model", "8845")).status()).isEqualTo(201);
            }
            Http.Answer api = ts.admin().get("/api/v1/devices?limit=2");
            assertThat(api.status()).isEqualTo(200);
            assertThat(api.raw().headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
            assertThat(api.json().get("items")).hasSize(2);
            assertThat(api.json().get("total").asLong()).isEqualTo(3);
            // the API sends what the router writes for the service's page, to the byte
            byte[][] twice = twiceWhileNothingIsWritten(ts);
            byte[] first = twice[0];
            assertThat(api.body()).isEqualTo(new String(first, StandardCharsets.UTF_8));
            assertThat(first).isEqualTo(Json.write(devices.list(DeviceSelector.ALL, Paging.of("2", null),
                    DeviceService.Sort.ID)));
            // kept: the same array again, not a copy written again
            assertThat(twice[1]).isSameAs(first);

            assertThat(ts.admin().patch("/api/v1/devices/" + api.json().get("items").get(0).get("id").asLong(),
                    Map.of("site", "hq")).status()).isEqualTo(200);
            byte[][] after = twiceWhileNothingIsWritten(ts);
            assertThat(after[0]).isNotSameAs(first);
            assertThat(new String(after[0], StandardCharsets.UTF_8)).contains("\"site\":\"hq\"");
            assertThat(after[1]).isSameAs(after[0]);
        }
    }

    @Test
    void anEmptyPageIsWrittenForEachRequest() throws Exception {
        try (TestServer ts = TestServer.start(Databases.H2, dir)) {
            DeviceService devices = ts.server.services().devices();
            byte[] none = page(devices, "site=nowhere");
            assertThat(new String(none, StandardCharsets.UTF_8)).isEqualTo("{\"items\":[],\"next\":null,\"total\":0}");
            // an empty page weighs nothing and is not kept (ReadCache): the same answer, written again
            byte[] again = page(devices, "site=nowhere");
            assertThat(again).isEqualTo(none).isNotSameAs(none);
        }
    }
}
