package io.phonectl.bench;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.xsi.push.XsiPush;
import io.phonectl.client.fleet.FleetConfig;
import io.phonectl.client.fleet.FleetPush;
import io.phonectl.client.fleet.FleetReport;
import io.phonectl.client.fleet.Preflight;
import io.phonectl.client.fleet.RetryPolicy;
import io.phonectl.client.inventory.Inventory;
import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.client.xsi.PhoneAddress;
import io.phonectl.client.xsi.TransportConfig;
import io.phonectl.client.xsi.XsiTransport;
import io.phonectl.sim.host.MultiListenConnector;
import io.phonectl.xsi.object.Text;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Broadcast to N endpoints that each answer after D ms (an in-process Jetty stub: one connector, one listening
 * socket per phone on 127.0.0.1, the answer delayed on the server's scheduler so no thread waits). Pushes one
 * CiscoIPPhoneText to all of them with {@link FleetPush}, a new connection per push (Connection: close, the fleet
 * case), at several concurrency limits; and pushes to a sample one after the other to estimate the sequential time.
 * Not JMH: one broadcast is the unit of work. Arguments: phones (5000), delay ms (50), concurrency list (250,500,1000).
 */
public final class BroadcastBench {

    static final String RESPONSE = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<CiscoIPPhoneResponse>\n"
            + "<ResponseItem URL=\"\" Data=\"Success\" Status=\"0\"/>\n</CiscoIPPhoneResponse>\n";

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--stub")) {
            serveStub(Integer.parseInt(args[1]), Long.parseLong(args[2]));
            return;
        }
        boolean separate = args.length > 0 && args[0].equals("--separate");
        String[] rest = separate ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
        int phones = rest.length > 0 ? Integer.parseInt(rest[0]) : 5000;
        long delayMs = rest.length > 1 ? Long.parseLong(rest[1]) : 50;
        List<Integer> limits = new ArrayList<>();
        for (String s : (rest.length > 2 ? rest[2] : "250,500,1000").split(",")) {
            limits.add(Integer.parseInt(s.trim()));
        }
        if (separate) {
            // the stub in its own JVM, so that the CPU measured here is the client's alone
            try (StubProcess stub = StubProcess.start(phones, delayMs)) {
                measure(stub.phones(), delayMs, limits, "client only (stub in a separate JVM)");
            }
            return;
        }
        Server server = startStub(delayMs);
        MultiListenConnector connector = (MultiListenConnector) server.getConnectors()[0];
        try {
            measure(phoneList(connector, phones), delayMs, limits, "client and stub in one JVM");
        } finally {
            server.stop();
        }
    }

    /** Child process: serve N phones, print their ports on one line, stop when stdin closes. */
    static void serveStub(int phones, long delayMs) throws Exception {
        Server server = startStub(delayMs);
        MultiListenConnector connector = (MultiListenConnector) server.getConnectors()[0];
        StringBuilder sb = new StringBuilder();
        for (PhoneEntry p : phoneList(connector, phones)) {
            sb.append(p.address().port()).append(' ');
        }
        System.out.println(sb.toString().trim());
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the parent to close our stdin
        }
        server.stop();
    }

    static List<PhoneEntry> phoneList(MultiListenConnector connector, int phones) throws java.io.IOException {
        List<PhoneEntry> list = new ArrayList<>(phones);
        list.add(new PhoneEntry("phone-0", new PhoneAddress("127.0.0.1", connector.getLocalPort()), "CP-8845", "", ""));
        for (int i = 1; i < phones; i++) {
            InetSocketAddress a = connector.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            list.add(new PhoneEntry("phone-" + i, new PhoneAddress("127.0.0.1", a.getPort()), "CP-8845", "", ""));
        }
        return list;
    }

    static Server startStub(long delayMs) throws Exception {
        QueuedThreadPool pool = new QueuedThreadPool(64, 4);
        pool.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        Server server = new Server(pool);
        MultiListenConnector connector = new MultiListenConnector(server, 1, new HttpConnectionFactory(new HttpConfiguration()));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                Content.Source.consumeAll(request, Callback.from(() -> server.getScheduler().schedule(() -> {
                    response.setStatus(200);
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/xml; charset=utf-8");
                    response.write(true, ByteBuffer.wrap(RESPONSE.getBytes(StandardCharsets.UTF_8)), callback);
                }, delayMs, TimeUnit.MILLISECONDS), callback::failed));
                return true;
            }
        });
        server.start();
        return server;
    }

    static void measure(List<PhoneEntry> list, long delayMs, List<Integer> limits, String setup) {
        int phones = list.size();
        Inventory fleet = new Inventory(list);
        XsiPush action = action();
        Credentials admin = Credentials.of("admin", "admin");
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(Locale.ROOT, "%s: phones=%d delay=%dms cores=%d load=%.1f java=%s%n", setup, phones, delayMs,
                Runtime.getRuntime().availableProcessors(), os.getSystemLoadAverage(), System.getProperty("java.version"));
        try (XsiTransport transport = XsiTransport.start(TransportConfig.DEFAULTS)) {
            // warm-up: JIT, connection code paths
            run(transport, admin, new Inventory(list.subList(0, Math.min(1000, phones))), action, 500);
            int sample = Math.min(100, phones);
            FleetReport seq = run(transport, admin, new Inventory(list.subList(0, sample)), action, 1);
            double perPush = seq.wall().toNanos() / 1e6 / sample;
            double seqEstimate = perPush * phones / 1000.0;
            System.out.printf(Locale.ROOT, "sequential: %d pushes one after the other, %.1f ms each -> %d phones ~ %.1f s%n",
                    sample, perPush, phones, seqEstimate);
            for (int limit : limits) {
                long cpu0 = os.getProcessCpuTime();
                FleetReport r = run(transport, admin, fleet, action, limit);
                double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6;
                double wall = r.wall().toNanos() / 1e9;
                double rate = phones / wall;
                System.out.printf(Locale.ROOT, "concurrency=%d wall=%.2f s pushes/s=%.0f ok=%d/%d ratio-to-9k=%.2f "
                                + "speedup-vs-sequential=%.0fx cpu=%.2f ms/push (this JVM) cores-used=%.2f load=%.1f%n",
                        limit, wall, rate, r.succeeded(), phones, rate / 9000.0, seqEstimate / wall, cpuMs / phones,
                        cpuMs / 1000 / wall, os.getSystemLoadAverage());
            }
        }
    }

    /** The push every broadcast benchmark sends. */
    static XsiPush action() {
        return XsiPush.of("text", Text.builder().title("Bench").text("Broadcast").build());
    }

    static FleetReport run(XsiTransport transport, Credentials c, Inventory fleet, XsiPush action, int concurrency) {
        return FleetPush.builder(transport).credentials(p -> c).preflight(Preflight.none())
                .config(new FleetConfig(concurrency, Duration.ofSeconds(120), Duration.ofSeconds(10), RetryPolicy.NONE))
                .build().run(fleet, action);
    }
}
