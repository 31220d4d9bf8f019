package io.phonectl.bench;

import io.phonectl.server.device.Device;
import io.phonectl.server.device.DeviceKind;
import io.phonectl.server.http.Json;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A devices page of 100 as the API writes it: through the device memo (each device read again from the database, so
 * the memo compares a new value with the one it wrote), and as Jackson writes it without the memo.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DevicePageJsonBench {

    record Page(List<Device> items, String next, long total) {
    }

    private static final JsonMapper PLAIN = Json.mapper().rebuild().disable(MapperFeature.USE_ANNOTATIONS).build();

    private Page page;

    @Setup
    public void setup() {
        Instant t = Instant.parse("2026-12-06T08:00:00.123456Z");
        List<Device> devices = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            devices.add(new Device(i, "phone-" + i, "127.0.0.1:" + (20000 + i), "CP-8845", DeviceKind.XSI, "site" + i % 7,
                    List.of("floor" + i % 5), "", "admins", new Device.State(true, "sip88xx.14-2", t, "ok", "HTTP 200",
                    7L), null, t, t));
        }
        page = new Page(devices, "MTAwOjEwMA", 10_000);
    }

    /** What a request does: devices read anew (equal values, other objects), written through the memo. */
    @Benchmark
    public byte[] memo() {
        return Json.write(fresh());
    }

    @Benchmark
    public byte[] plain() {
        return PLAIN.writeValueAsBytes(fresh());
    }

    /** The page as a request reads it: equal devices, other objects. */
    private Page fresh() {
        List<Device> devices = new ArrayList<>(page.items().size());
        for (Device d : page.items()) {
            devices.add(copy(d));
        }
        return new Page(devices, page.next(), page.total());
    }

    private static Device copy(Device d) {
        Device.State s = d.state();
        return new Device(d.id(), new String(d.name()), new String(d.address()), new String(d.model()), d.kind(),
                new String(d.site()), List.copyOf(d.tags()), d.user(), new String(d.credentials()),
                new Device.State(s.reachable(), new String(s.firmware()), Instant.ofEpochSecond(
                        s.lastContact().getEpochSecond(), s.lastContact().getNano()), s.lastOutcome(), s.lastDetail(),
                        s.lastJob()), d.cucm(), d.createdAt(), d.updatedAt());
    }
}
