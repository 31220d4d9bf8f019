package io.phonectl.client.paging;

import io.phonectl.client.inventory.Inventory;
import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.client.xsi.PhoneAddress;
import io.phonectl.sim.FleetHost;
import io.phonectl.sim.SimConfig;
import io.phonectl.sim.phone.SimPhone;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A simulated fleet on loopback (ephemeral HTTP ports) and a plain-HTTP view of its inspection API, so that what
 * the phones say they received is read without the client under test.
 */
final class SimFleet implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final FleetHost host;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    SimFleet(List<String> models) throws Exception {
        host = FleetHost.start(SimConfig.ephemeral(models.size(), models));
    }

    List<SimPhone> phones() {
        return host.phones();
    }

    Inventory inventory() {
        List<PhoneEntry> list = new ArrayList<>();
        for (SimPhone p : host.phones()) {
            list.add(entry(p));
        }
        return new Inventory(list);
    }

    static PhoneEntry entry(SimPhone p) {
        return new PhoneEntry(p.name(), new PhoneAddress("127.0.0.1", p.address().getPort()), p.model().name(), "", "");
    }

    /** A phone entry whose port refuses connections: a port that was free a moment ago. */
    static PhoneEntry unreachable(String name) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        return new PhoneEntry(name, new PhoneAddress("127.0.0.1", port), "", "", "");
    }

    /** The phone's streams as the inspection API shows them. */
    JsonNode streams(String phone) throws Exception {
        URI uri = host.inspectionUri().orElseThrow().resolve("phones/" + URLEncoder.encode(phone, StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("inspection GET " + uri + " answered " + r.statusCode());
        }
        return JSON.readTree(r.body()).get("streams");
    }

    /** Packets received on the phone's first stream, or -1 when it has none. */
    long received(String phone) throws Exception {
        JsonNode streams = streams(phone);
        if (streams.isEmpty()) {
            return -1;
        }
        long sum = 0;
        for (JsonNode source : streams.get(0).get("sources")) {
            sum += source.get("received").asLong();
        }
        return sum;
    }

    /** {@code count} consecutive even RTP ports from a base that are all free on 127.0.0.1 now (bounded search). */
    static int freeEvenPortRun(int count, long seed) throws Exception {
        Random random = new Random(seed);
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = 20480 + 2 * random.nextInt((32768 - 20480) / 2 - count);
            if (allFree(base, count)) {
                return base;
            }
        }
        throw new AssertionError("no run of " + count + " free even RTP ports in 200 attempts");
    }

    private static boolean allFree(int base, int count) {
        List<DatagramSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                held.add(new DatagramSocket(new InetSocketAddress("127.0.0.1", base + 2 * i)));
            }
            return true;
        } catch (java.net.SocketException e) {
            return false;
        } finally {
            held.forEach(DatagramSocket::close);
        }
    }

    @Override
    public void close() {
        host.close();
    }
}
