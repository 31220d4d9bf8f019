package io.phonectl.sim.xapi;

import io.phonectl.sim.inspect.InspectionApi;
import io.phonectl.sim.net.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Seeded random paths and bodies against the devices' routes: always a JSON answer with a 2xx/4xx status. */
class DeviceInspectionFuzzTest {
    static final List<String> WORDS = List.of("devices", "xapi-0001", "xapi-9", "hangup", "event", "status", "reboot",
            "reset", "Audio", "Volume", "Call", "2", "0", "**", "%20", "%zz", "", "..", "Standby", "State", "-1",
            "999999999999", "phones");
    static final List<String> BODIES = List.of("", "1", "\"On\"", "{}", "{\"a\":[1,2]}", "[", "{\"a\":", "null",
            "\u0000", "9".repeat(400), "\"" + "x".repeat(300) + "\"");
    static XapiSimHost host;
    static InspectionApi api;

    @BeforeAll
    static void start() throws Exception {
        host = XapiSimHost.start(XapiSimConfig.defaults(XapiProduct.ROOMOS, 1));
        api = InspectionApi.forDevices(host.devices());
    }

    @AfterAll
    static void stop() throws Exception {
        host.close();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomRequestsGetJsonAnswers(long seed) {
        Random rnd = new Random(seed);
        for (int i = 0; i < 200; i++) {
            StringBuilder path = new StringBuilder();
            int n = 1 + rnd.nextInt(6);
            for (int k = 0; k < n; k++) {
                path.append('/').append(k == 0 && rnd.nextBoolean() ? "devices" : WORDS.get(rnd.nextInt(WORDS.size())));
            }
            String method = rnd.nextInt(4) == 0 ? "GET" : "POST";
            if (path.toString().endsWith("/reboot") && method.equals("POST")) continue; // tested in DeviceInspectionTest
            byte[] body = BODIES.get(rnd.nextInt(BODIES.size())).getBytes(StandardCharsets.UTF_8);
            Reply r;
            try {
                r = api.handle(method, path.toString(), null, body);
            } catch (RuntimeException e) {
                throw new AssertionError(method + " " + path + " with " + new String(body, StandardCharsets.UTF_8), e);
            }
            assertThat(r.status()).as(method + " " + path).isIn(200, 400, 404, 405);
            assertThat(r.contentType()).startsWith("application/json");
        }
    }
}
