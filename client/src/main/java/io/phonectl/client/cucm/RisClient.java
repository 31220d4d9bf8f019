package io.phonectl.client.cucm;

import io.phonectl.cucm.ris.CmDevice;
import io.phonectl.cucm.ris.CmNode;
import io.phonectl.cucm.ris.CmSelectionCriteria;
import io.phonectl.cucm.ris.RisCodec;
import io.phonectl.cucm.ris.RisFaults;
import io.phonectl.cucm.ris.SelectCmDevice;
import io.phonectl.cucm.ris.SelectResult;
import io.phonectl.cucm.soap.Soap;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Asks RisPort70 about phones by name, {@code risBatch} names a query, within the rate budget. A phone two nodes
 * know comes back twice. When an answer was cut at MaxReturnedDevices (TotalDevicesFound larger than what came
 * back), the names it may have cut short (no item, or no Registered item) are asked again at the front of the next
 * query, at most twice each. A rate fault (another client used the cluster's budget) waits and asks again.
 */
public final class RisClient {

    static final String ROLES = "\"Standard RealtimeAndTraceCollection\" (with \"Standard CCM Admin Users\")";
    /** Wait after a rate fault before asking again, and how many times. */
    static final Duration RATE_FAULT_WAIT = Duration.ofSeconds(15);
    static final int RATE_FAULT_TRIES = 8;
    static final int MAX_RETRIES_PER_NAME = 2;

    private final CucmTransport transport;
    private final RateGate gate;
    private int requests;
    private int truncated;
    private Duration waited = Duration.ZERO;

    public RisClient(CucmTransport transport, RateGate gate) {
        this.transport = transport;
        this.gate = gate;
    }

    public int requests() {
        return requests;
    }

    /** Time this client spent waiting at the gate (the gate may be shared: its own total is everyone's). */
    public Duration waited() {
        return waited;
    }

    /** Answers that came back cut at MaxReturnedDevices. */
    public int truncatedAnswers() {
        return truncated;
    }

    /** One item as one CM node reported it. */
    public record NodeDevice(String node, CmDevice device) {
    }

    /** Every item every node reported for these names, by upper-case name. */
    public Map<String, List<NodeDevice>> devices(List<String> names, DiscoveryListener listener)
            throws InterruptedException {
        CucmClientConfig c = transport.config();
        Map<String, List<NodeDevice>> seen = new TreeMap<>();
        Map<String, Integer> retries = new HashMap<>();
        Deque<String> pending = new ArrayDeque<>(names);
        List<String> nodes = c.nodes().isEmpty() ? List.of("") : c.nodes();
        int done = 0;
        listener.phase("RisPort", names.size());
        while (!pending.isEmpty()) {
            List<String> batch = new ArrayList<>();
            while (batch.size() < c.risBatch() && !pending.isEmpty()) {
                batch.add(pending.pollFirst());
            }
            boolean cut = false;
            for (String node : nodes) {
                SelectResult r = query(batch, node, listener);
                for (CmNode n : r.nodes()) {
                    for (CmDevice d : n.devices()) {
                        seen.computeIfAbsent(key(d.name()), k -> new ArrayList<>()).add(new NodeDevice(n.name(), d));
                    }
                }
                if (r.truncated()) {
                    cut = true;
                    truncated++;
                }
            }
            int again = 0;
            if (cut) {
                for (String name : batch.reversed()) {
                    List<NodeDevice> items = seen.getOrDefault(key(name), List.of());
                    boolean registered = items.stream().anyMatch(d -> "Registered".equals(d.device().status()));
                    if (!registered && retries.merge(key(name), 1, Integer::sum) <= MAX_RETRIES_PER_NAME) {
                        pending.addFirst(name);
                        again++;
                    }
                }
            }
            done += batch.size() - again;
            listener.progress(done, names.size());
        }
        return seen;
    }

    static String key(String name) {
        return name.toUpperCase(Locale.ROOT);
    }

    private SelectResult query(List<String> batch, String node, DiscoveryListener listener)
            throws InterruptedException {
        CucmClientConfig c = transport.config();
        SelectCmDevice request = new SelectCmDevice(true, "", CmSelectionCriteria.phonesByName(batch, node));
        for (int attempt = 1; ; attempt++) {
            waited = waited.plus(gate.acquire(w -> listener.waiting(w, "RisPort allows " + gate.perMinute()
                    + " requests a minute")));
            requests++;
            Soap.Message m = transport.post("RisPort70", ROLES, c.uri(c.risHost(), RisCodec.PATH), "selectCmDeviceExt",
                    RisCodec.encode(request));
            if (!m.isFault()) {
                return RisCodec.decode(m);
            }
            if (!RisFaults.isRateExceeded(m.fault()) || attempt >= RATE_FAULT_TRIES) {
                throw new CucmClientException.Fault("selectCmDeviceExt", m.fault());
            }
            gate.backOff(RATE_FAULT_WAIT);
            listener.waiting(RATE_FAULT_WAIT, "RisPort refused for its rate limit (other clients use it too)");
        }
    }
}
