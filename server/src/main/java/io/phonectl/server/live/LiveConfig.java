package io.phonectl.server.live;

import java.time.Duration;
import java.util.List;

/**
 * Live connections to xAPI devices and the paced poll of XSI phones.
 *
 * @param enabled     hold one WebSocket per managed xAPI device (default true)
 * @param statusPaths the status paths mirrored into each device's last known state (subscribed with their current
 *                    value); every {@code Event} is subscribed too
 * @param refresh     how often the registry is read again for added, changed or removed xAPI devices (default 30 s)
 * @param backoffMin  first wait before connecting again after a failed connect or a drop (default 1 s)
 * @param backoffMax  longest such wait (default 60 s)
 * @param pollPeriod  every XSI phone's DeviceInformationX is read once per period, the phones spread evenly over it
 *                    (default 15 min; zero = no poll)
 * @param keepalive   WebSocket ping interval (default 30 s): a device that went away without closing (power cut,
 *                    cable) is noticed after two missed pongs
 */
public record LiveConfig(boolean enabled, List<String> statusPaths, Duration refresh, Duration backoffMin,
                         Duration backoffMax, Duration pollPeriod, Duration keepalive) {

    public static final List<String> DEFAULT_PATHS = List.of("Status Audio Volume", "Status Standby State",
            "Status SystemUnit State NumberOfActiveCalls", "Status Call", "Status SIP Registration");

    public LiveConfig {
        statusPaths = statusPaths == null ? DEFAULT_PATHS : List.copyOf(statusPaths);
        if (statusPaths.size() > 50) {
            throw new IllegalArgumentException("live statusPaths: at most 50 paths, not " + statusPaths.size());
        }
        for (String p : statusPaths) {
            if (!p.startsWith("Status ")) {
                throw new IllegalArgumentException("live statusPaths \"" + p + "\": must start with \"Status \"");
            }
        }
        refresh = positive("refresh", refresh, Duration.ofSeconds(30));
        backoffMin = positive("backoffMin", backoffMin, Duration.ofSeconds(1));
        backoffMax = positive("backoffMax", backoffMax, Duration.ofSeconds(60));
        if (backoffMax.compareTo(backoffMin) < 0) {
            throw new IllegalArgumentException("live backoffMax = " + backoffMax + ": must be >= backoffMin " + backoffMin);
        }
        keepalive = positive("keepalive", keepalive, Duration.ofSeconds(30));
        pollPeriod = pollPeriod == null ? Duration.ofMinutes(15) : pollPeriod;
        if (pollPeriod.isNegative() || (!pollPeriod.isZero() && pollPeriod.toSeconds() < 1)) {
            throw new IllegalArgumentException("live pollPeriod = " + pollPeriod + ": zero (off) or at least 1 s");
        }
    }

    private static Duration positive(String name, Duration d, Duration dflt) {
        Duration v = d == null ? dflt : d;
        if (v.isNegative() || v.isZero()) {
            throw new IllegalArgumentException("live " + name + " = " + v + ": must be positive");
        }
        return v;
    }

    public static LiveConfig defaults() {
        return new LiveConfig(true, null, null, null, null, null, null);
    }

    public LiveConfig withTimings(Duration refreshEvery, Duration min, Duration max, Duration poll) {
        return new LiveConfig(enabled, statusPaths, refreshEvery, min, max, poll, keepalive);
    }

    public LiveConfig withEnabled(boolean on) {
        return new LiveConfig(on, statusPaths, refresh, backoffMin, backoffMax, pollPeriod, keepalive);
    }

    public LiveConfig withKeepalive(Duration interval) {
        return new LiveConfig(enabled, statusPaths, refresh, backoffMin, backoffMax, pollPeriod, interval);
    }
}
