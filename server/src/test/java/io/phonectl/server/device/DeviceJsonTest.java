package io.phonectl.server.device;

import io.phonectl.server.http.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The device memo writes exactly what the API's mapper writes for a device, and never a device's old text. */
class DeviceJsonTest {

    /** What Jackson writes for a device without the memo. */
    private static final JsonMapper PLAIN = Json.mapper().rebuild().disable(MapperFeature.USE_ANNOTATIONS).build();

    private static final Instant T = Instant.parse("2026-12-06T08:00:00.123456Z");

    private static Device device(long id, String outcome, List<String> tags, Device.Cucm cucm) {
        return new Device(id, "lobby-" + id, "127.0.0." + (id % 250) + ":80", "CP-8845", DeviceKind.XSI, "hq",
                tags, "", id % 2 == 0 ? "admins" : null,
                new Device.State(outcome == null ? null : true, outcome == null ? null : "sip88xx.14-2",
                        outcome == null ? null : T, outcome, outcome == null ? null : "HTTP 200 \"ok\" ü",
                        outcome == null ? null : 42L), cucm, T, T.plusSeconds(id));
    }

    private static final Device.Cucm CUCM = new Device.Cucm(3, "cluster \"A\"", "Registered", null, "cm1", "1001", T,
            null);

    @Test
    void writesWhatTheMapperWritesWithoutIt() {
        List<Device> devices = List.of(device(1, null, List.of(), null), device(2, "ok", List.of("a", "b"), CUCM),
                device(3, "timeout", List.of("ü"), null));
        for (Device d : devices) {
            String plain = PLAIN.writeValueAsString(d);
            assertThat(new String(Json.write(d), StandardCharsets.UTF_8)).isEqualTo(plain);
            // twice: the second comes from the memo
            assertThat(new String(Json.write(d), StandardCharsets.UTF_8)).isEqualTo(plain);
            assertThat(DeviceJson.remembered(d.id())).isEqualTo(plain);
        }
        // inside a page, as the list routes write it
        record Page(List<Device> items, String next, long total) {
        }
        Page page = new Page(devices, "c", 3);
        assertThat(Json.write(page)).isEqualTo(PLAIN.writeValueAsBytes(page));
        // the members and their order, spelled out once so a change of the mapper's defaults shows here
        assertThat(new String(Json.write(devices.get(1)), StandardCharsets.UTF_8)).isEqualTo("{\"id\":2,"
                + "\"name\":\"lobby-2\",\"address\":\"127.0.0.2:80\",\"model\":\"CP-8845\",\"kind\":\"xsi\",\"site\":\"hq\","
                + "\"tags\":[\"a\",\"b\"],\"user\":\"\",\"credentials\":\"admins\",\"state\":{\"reachable\":true,"
                + "\"firmware\":\"sip88xx.14-2\",\"lastContact\":\"2026-12-06T08:00:00.123456Z\",\"lastOutcome\":\"ok\","
                + "\"lastDetail\":\"HTTP 200 \\\"ok\\\" ü\",\"lastJob\":42},\"cucm\":{\"sourceId\":3,"
                + "\"source\":\"cluster \\\"A\\\"\",\"status\":\"Registered\",\"statusReason\":null,\"node\":\"cm1\","
                + "\"dn\":\"1001\",\"seenAt\":\"2026-12-06T08:00:00.123456Z\",\"goneAt\":null},"
                + "\"createdAt\":\"2026-12-06T08:00:00.123456Z\",\"updatedAt\":\"2026-12-06T08:00:02.123456Z\"}");
    }

    @Test
    void aDeviceThatChangedIsWrittenAnew() {
        Device before = device(11, "ok", List.of("a"), null);
        List<Device> changed = List.of(device(11, "timeout", List.of("a"), null), device(11, "ok", List.of("a", "b"),
                null), device(11, "ok", List.of("a"), CUCM), before);
        Json.write(before);
        for (Device d : changed) {
            assertThat(new String(Json.write(d), StandardCharsets.UTF_8)).isEqualTo(PLAIN.writeValueAsString(d));
            assertThat(DeviceJson.remembered(11)).isEqualTo(PLAIN.writeValueAsString(d));
        }
    }

    @Test
    void threadsWritingDifferentVersionsOfTheSameDevicesEachGetTheirOwn() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String outcome = "outcome-" + t;
                runs.add(pool.submit(() -> {
                    int checked = 0;
                    for (int round = 0; round < 200; round++) {
                        for (long id = 100; id < 110; id++) {
                            Device d = device(id, outcome, List.of(), null);
                            assertThat(new String(Json.write(d), StandardCharsets.UTF_8))
                                    .isEqualTo(PLAIN.writeValueAsString(d));
                            checked++;
                        }
                    }
                    return checked;
                }));
            }
            for (Future<Integer> run : runs) {
                assertThat(run.get(60, TimeUnit.SECONDS)).isEqualTo(2_000);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void remembersAtMostItsBound() {
        for (long id = 1_000_000; id < 1_000_000 + DeviceJson.MAX + 10; id++) {
            DeviceJson.text(device(id, null, List.of(), null));
            assertThat(DeviceJson.size()).isLessThanOrEqualTo(DeviceJson.MAX);
        }
        Device last = device(1_000_000 + DeviceJson.MAX + 9, null, List.of(), null);
        assertThat(DeviceJson.remembered(last.id())).isEqualTo(PLAIN.writeValueAsString(last));
        DeviceJson.forgetAll(); // the test JVM runs other classes after this one
    }
}
