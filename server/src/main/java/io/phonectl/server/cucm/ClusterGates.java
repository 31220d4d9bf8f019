package io.phonectl.server.cucm;

import io.phonectl.client.cucm.RateGate;
import io.phonectl.cucm.ris.RisFaults;

import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One RisPort rate gate per cluster in this process. RisPort's limit is the cluster's (CUCM counts every client's
 * requests together), so every run against the same publisher (host and port), whichever source it belongs to, passes
 * the same gate, and two runs never exceed the limit together. A real cluster answers on 8443 only; the port keeps
 * simulated clusters that share a host apart. Runs on other replicas, or other tools, are not seen: their
 * requests make RisPort answer with its rate fault, and the gate then holds everyone here back before asking again.
 */
public final class ClusterGates {

    private final int perMinute;
    private final Clock clock;
    private final RateGate.Sleeper sleeper;
    private final ConcurrentMap<String, RateGate> gates = new ConcurrentHashMap<>();

    /**
     * @param perMinute the budget of each cluster (CUCM's default, 15 a minute, unless a cluster was set otherwise)
     * @param clock     RisPort's window is real time at the CUCM: the system clock, but for tests
     * @param sleeper   how a run waits for the gate
     */
    public ClusterGates(int perMinute, Clock clock, RateGate.Sleeper sleeper) {
        this.perMinute = perMinute;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** CUCM's default limit, real time. */
    public static ClusterGates standard() {
        return new ClusterGates(RisFaults.DEFAULT_RATE_PER_MINUTE, Clock.systemUTC(), RateGate.Sleeper.real());
    }

    /** The gate of the cluster whose RisPort is asked at {@code host} and {@code port}. */
    RateGate gate(String host, int port) {
        return gates.computeIfAbsent(host.toLowerCase(Locale.ROOT) + ":" + port,
                h -> new RateGate(perMinute, clock, sleeper));
    }

    Clock clock() {
        return clock;
    }
}
