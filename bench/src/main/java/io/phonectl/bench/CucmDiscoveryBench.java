package io.phonectl.bench;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.cucm.CucmClientConfig;
import io.phonectl.client.cucm.CucmDiscovery;
import io.phonectl.client.cucm.DiscoveryListener;
import io.phonectl.client.cucm.DiscoveryResult;
import io.phonectl.client.tls.TlsPolicy;
import io.phonectl.sim.cucm.CucmConfig;
import io.phonectl.sim.cucm.CucmDirectory;
import io.phonectl.sim.cucm.CucmFleet;
import io.phonectl.sim.cucm.SimCucm;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Harness (not JMH): a full discovery of N simulated phones on a two-node simulated CUCM over HTTPS (pinned
 * certificate), in real time with RisPort's default limit of 15 requests a minute. Prints the wall time, the time
 * spent waiting for the rate limit and its share, the time and throughput of each phase (AXL paging above all), the
 * request counts and the statuses found. Client and simulator share the machine's cores.
 *
 * <p>Usage: {@code CucmDiscoveryBench [phones=10000] [nodes=all|each] [risBatch=1000] [axlPage=1000]}; {@code each}
 * asks RisPort once per node and batch (as {@code --nodes cucm-pub,cucm-sub1} does).
 */
public final class CucmDiscoveryBench {

    private CucmDiscoveryBench() {
    }

    public static void main(String[] args) throws Exception {
        int phones = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        boolean each = args.length > 1 && args[1].equals("each");
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int page = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        CucmConfig config = CucmConfig.defaults("axl", "bench-secret");
        CucmDirectory d = CucmDirectory.of(config, Clock.systemUTC());
        long t0 = System.nanoTime();
        CucmFleet.synthetic(d, phones, InetAddress.getByName("127.16.0.1"));
        try (SimCucm cucm = SimCucm.start(config, d, Clock.systemUTC())) {
            System.out.printf(Locale.ROOT, "simulated CUCM: %d phones, nodes %s, %s, ready in %.2f s%n", phones,
                    config.nodes(), cucm.uri(), (System.nanoTime() - t0) / 1e9);
            CucmClientConfig client = CucmClientConfig.builder("127.0.0.1", Credentials.of("axl", "bench-secret"))
                    .port(cucm.uri().getPort()).tls(TlsPolicy.pinned(cucm.certificate().orElseThrow().sha256()))
                    .nodes(each ? config.nodes() : List.of()).risBatch(batch).axlPage(page).build();
            Map<String, Long> phaseStart = new LinkedHashMap<>();
            List<String> waits = new ArrayList<>();
            DiscoveryListener listener = new DiscoveryListener() {
                @Override
                public void phase(String name, int total) {
                    phaseStart.putIfAbsent(name.replaceAll(" \\(.*", ""), System.nanoTime());
                }

                @Override
                public void waiting(Duration wait, String why) {
                    waits.add(String.format(Locale.ROOT, "%.1f s", wait.toMillis() / 1000.0));
                }
            };
            long start = System.nanoTime();
            DiscoveryResult r;
            try (CucmDiscovery discovery = new CucmDiscovery(client)) {
                r = discovery.discover(p -> true, listener);
            }
            long end = System.nanoTime();
            double total = (end - start) / 1e9;
            double waited = r.waited().toMillis() / 1000.0;
            System.out.printf(Locale.ROOT, "discovery: %.2f s wall, %.2f s waiting for the RisPort limit (%.0f %%), "
                    + "%.2f s working%n", total, waited, 100 * waited / total, total - waited);
            List<Map.Entry<String, Long>> phases = new ArrayList<>(phaseStart.entrySet());
            for (int i = 0; i < phases.size(); i++) {
                long from = phases.get(i).getValue();
                long to = i + 1 < phases.size() ? phases.get(i + 1).getValue() : end;
                double s = (to - from) / 1e9;
                String name = phases.get(i).getKey();
                String rate = name.startsWith("AXL phones") || name.startsWith("AXL lines") || name.equals("RisPort")
                        ? String.format(Locale.ROOT, " (%.0f phones/s)", phones / s) : "";
                System.out.printf(Locale.ROOT, "  %-18s %7.2f s%s%n", name, s, rate);
            }
            System.out.printf(Locale.ROOT, "requests: AXL %d, RisPort %d (%d answers cut at 1000 items); waits %s%n",
                    r.axlRequests(), r.risRequests(), r.risTruncated(), waits);
            System.out.println("statuses: " + r.byStatus());
        }
    }
}
