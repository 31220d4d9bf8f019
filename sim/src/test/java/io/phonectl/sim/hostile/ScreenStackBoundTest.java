package io.phonectl.sim.hostile;

import io.phonectl.sim.FleetHost;
import io.phonectl.sim.SimConfig;
import io.phonectl.sim.phone.SimPhone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Issue 16 hardening: pushing screen after screen never grows a phone's screen stack past the phone's bound
 * ({@code SimPhone.MAX_SCREENS}); the oldest screens go. 10,000 pushes of 3,900-character texts would need about
 * 80 MB kept; the small-heap JVM has 64 MB.
 */
@SmallHeap
class ScreenStackBoundTest {

    static final int PUSHES = 10_000;
    static final long MAX_USED = 24L << 20;
    static FleetHost host;
    static SimPhone phone;

    @BeforeAll
    static void start() throws Exception {
        Heap.checkSmall();
        host = FleetHost.start(SimConfig.ephemeral(1, List.of("CP-8845")));
        phone = host.phones().getFirst();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void tenThousandPushesKeepTheStackBounded() throws Exception {
        String filler = "x".repeat(3_900);
        AtomicInteger ok = new AtomicInteger();
        assertTimeoutPreemptively(Duration.ofSeconds(240), () -> {
            try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
                List<Future<?>> done = new java.util.ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    int worker = w;
                    done.add(pool.submit(() -> {
                        for (int i = worker; i < PUSHES; i += 4) {
                            String xml = "<CiscoIPPhoneText><Title>Push " + i + "</Title><Text>" + filler
                                    + "</Text></CiscoIPPhoneText>";
                            if (Plain.push(FleetHost.uriOf(phone), xml).body().contains("Success")) {
                                ok.incrementAndGet();
                            }
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            }
        });
        assertThat(ok.get()).isEqualTo(PUSHES);
        int depth = depthFromInspection();
        assertThat(depth).isBetween(2, SimPhone.MAX_SCREENS + 1);
        assertThat(phone.screen().title()).startsWith("Push ");
        assertThat(Heap.usedAfterGc()).isLessThan(MAX_USED);
    }

    /** The inspection API's screenDepth, read as JSON text by a plain client. */
    private static int depthFromInspection() {
        URI inspect = host.inspectionUri().orElseThrow().resolve("/phones/" + phone.name());
        HttpResponse<String> r = Plain.send(HttpRequest.newBuilder(inspect).GET().build());
        Matcher m = Pattern.compile("\"screenDepth\"\\s*:\\s*(\\d+)").matcher(r.body());
        assertThat(m.find()).as(r.body()).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
