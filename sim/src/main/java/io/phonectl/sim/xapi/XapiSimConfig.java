package io.phonectl.sim.xapi;

import io.phonectl.xapi.schema.Role;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Configuration of a set of simulated xAPI devices.
 *
 * @param product          ROOMOS or PHONEOS
 * @param count            number of devices, 1..5000 (one listener each; the process has 20,000 descriptors)
 * @param bindAddress      address to listen on; loopback by default
 * @param basePort         0 = an ephemeral port per device; otherwise device i listens on basePort + i
 *                         (per-address mode: every device listens on basePort, 0 = ephemeral)
 * @param onePerAddress    per-address mode: device i listens on bindAddress + i (IPv4), like {@code --addresses}
 * @param users            accounts accepted on every device (default admin/"" as ADMIN)
 * @param subscriptionCap  feedback registrations per session before -31998 (default 50, API guide p. 40)
 * @param notReadyWindow   after a (re)boot, requests answer -31997 Not Ready for this long (default 0)
 * @param rebootDowntime   how long the listener is closed during SystemUnit Boot (default 200 ms)
 * @param tls              null for plain http/ws; else every device serves https/wss with this key
 */
public record XapiSimConfig(XapiProduct product, int count, String bindAddress, int basePort, boolean onePerAddress,
                            List<SimUser> users,
                            int subscriptionCap, Duration notReadyWindow, Duration rebootDowntime, Tls tls) {

    /** The devices' TLS key: a key store holding one private key entry, and its password (never printed). */
    public record Tls(java.security.KeyStore keyStore, String password) {
        public Tls {
            Objects.requireNonNull(keyStore, "keyStore");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() { return "Tls[" + keyStore.getType() + ", password=***]"; }
    }
    public static final int MAX_DEVICES = 5000;

    public XapiSimConfig {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(bindAddress, "bindAddress");
        users = List.copyOf(users);
        Objects.requireNonNull(notReadyWindow, "notReadyWindow");
        Objects.requireNonNull(rebootDowntime, "rebootDowntime");
        if (count < 1 || count > MAX_DEVICES) {
            throw new XapiSimConfigException("count", count, "must be 1.." + MAX_DEVICES);
        }
        if (onePerAddress) {
            try {
                io.phonectl.sim.net.Addresses.plus(ipv4(bindAddress), count - 1);
            } catch (java.io.IOException | IllegalArgumentException e) {
                throw new XapiSimConfigException("bindAddress", bindAddress, "per-address mode needs an IPv4 literal "
                        + "with room for " + count + " addresses");
            }
            if (basePort < 0 || basePort > 65535) {
                throw new XapiSimConfigException("basePort", basePort, "must be 0..65535");
            }
        } else if (basePort < 0 || basePort + count - 1 > 65535) {
            throw new XapiSimConfigException("basePort", basePort, "must be 0 or leave room for " + count
                    + " ports up to 65535");
        }
        if (users.isEmpty()) throw new XapiSimConfigException("users", "[]", "at least one account is needed");
        if (subscriptionCap < 1 || subscriptionCap > 1000) {
            throw new XapiSimConfigException("subscriptionCap", subscriptionCap, "must be 1..1000");
        }
        if (notReadyWindow.isNegative()) {
            throw new XapiSimConfigException("notReadyWindow", notReadyWindow, "must not be negative");
        }
        if (rebootDowntime.isNegative()) {
            throw new XapiSimConfigException("rebootDowntime", rebootDowntime, "must not be negative");
        }
    }

    /** {@code count} devices of {@code product} on ephemeral loopback ports with account admin (empty password). */
    public static XapiSimConfig defaults(XapiProduct product, int count) {
        return new XapiSimConfig(product, count, "127.0.0.1", 0, false, List.of(new SimUser("admin", "", Role.ADMIN)),
                50, Duration.ZERO, Duration.ofMillis(200), null);
    }

    public XapiSimConfig withUsers(List<SimUser> newUsers) {
        return new XapiSimConfig(product, count, bindAddress, basePort, onePerAddress, newUsers, subscriptionCap, notReadyWindow,
                rebootDowntime, tls);
    }

    public XapiSimConfig withSubscriptionCap(int cap) {
        return new XapiSimConfig(product, count, bindAddress, basePort, onePerAddress, users, cap, notReadyWindow, rebootDowntime, tls);
    }

    public XapiSimConfig withNotReadyWindow(Duration window) {
        return new XapiSimConfig(product, count, bindAddress, basePort, onePerAddress, users, subscriptionCap, window,
                rebootDowntime, tls);
    }

    public XapiSimConfig withPorts(String address, int port) {
        return new XapiSimConfig(product, count, address, port, false, users, subscriptionCap, notReadyWindow,
                rebootDowntime, tls);
    }

    /** Per-address mode: device i listens on {@code first + i} (IPv4), every device on {@code port} (0: ephemeral). */
    public XapiSimConfig withAddresses(String first, int port) {
        return new XapiSimConfig(product, count, first, port, true, users, subscriptionCap, notReadyWindow,
                rebootDowntime, tls);
    }

    /** Where device i listens (port 0 = ephemeral). */
    public java.net.InetSocketAddress addressOf(int i) {
        if (!onePerAddress) return new java.net.InetSocketAddress(bindAddress, basePort == 0 ? 0 : basePort + i);
        try {
            return new java.net.InetSocketAddress(io.phonectl.sim.net.Addresses.plus(
                    ipv4(bindAddress), i), basePort);
        } catch (java.io.IOException e) {
            throw new XapiSimConfigException("bindAddress", bindAddress, e.getMessage()); // checked in the constructor
        }
    }

    /** An IPv4 literal (no name lookup: per-address mode numbers addresses). */
    private static java.net.InetAddress ipv4(String literal) throws java.io.IOException {
        if (!literal.matches("\\d{1,3}(\\.\\d{1,3}){3}")) throw new java.io.IOException(literal + " is not an IPv4 literal");
        return java.net.InetAddress.getByName(literal);
    }

    /** Serve https/wss with this key (devices use self-signed certificates unless provisioned). */
    public XapiSimConfig withTls(Tls newTls) {
        return new XapiSimConfig(product, count, bindAddress, basePort, onePerAddress, users, subscriptionCap, notReadyWindow,
                rebootDowntime, newTls);
    }

    public XapiSimConfig withRebootDowntime(Duration downtime) {
        return new XapiSimConfig(product, count, bindAddress, basePort, onePerAddress, users, subscriptionCap, notReadyWindow,
                downtime, tls);
    }
}
