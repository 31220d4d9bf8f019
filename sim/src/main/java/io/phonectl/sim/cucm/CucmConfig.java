package io.phonectl.sim.cucm;

import io.phonectl.cucm.axl.AxlFaults;
import io.phonectl.cucm.ris.RisFaults;

import java.net.InetAddress;
import java.util.List;

/**
 * How to start a simulated CUCM cluster. Defaults ({@link #defaults}): nodes {@code cucm-pub} and {@code cucm-sub1},
 * HTTPS with a certificate made at start, loopback, an ephemeral port, RisPort's 15 requests a minute, AXL's 8 MB
 * reply limit, a change queue of 100,000 entries answered 10,000 at a time (AXL developer guide).
 *
 * @param nodes            CM node names, the first being the publisher; RisPort answers per node
 * @param users            application users; each may use AXL, RisPort or both
 * @param bind             listening address (loopback unless told otherwise)
 * @param port             0 = ephemeral (a real CUCM listens on 8443)
 * @param tls              HTTPS with a self-signed certificate (as a CUCM's Tomcat has); false = plain HTTP
 * @param ratePerMinute    RisPort requests the whole cluster answers per minute, 1..10,000
 * @param maxReplyBytes    AXL answers larger than this are refused with "Query request too large", 1 KiB..64 MiB
 * @param changeCapacity   changes the listChange queue keeps, 1..1,000,000
 * @param changesPerAnswer most changes one listChange answer carries, 1..100,000
 */
public record CucmConfig(List<String> nodes, List<CucmUser> users, InetAddress bind, int port, boolean tls,
                         int ratePerMinute, int maxReplyBytes, int changeCapacity, int changesPerAnswer) {

    public CucmConfig {
        nodes = List.copyOf(nodes);
        users = List.copyOf(users);
        if (nodes.isEmpty() || nodes.size() > 8) {
            throw new IllegalArgumentException("nodes = " + nodes + ": give 1..8 CM node names");
        }
        for (String n : nodes) {
            if (!n.matches("[A-Za-z0-9][A-Za-z0-9.-]{0,62}")) {
                throw new IllegalArgumentException("nodes: \"" + n + "\" is not a host name (letters, digits, '.', '-')");
            }
        }
        if (nodes.stream().distinct().count() != nodes.size()) {
            throw new IllegalArgumentException("nodes = " + nodes + ": names must be unique");
        }
        if (users.isEmpty()) {
            throw new IllegalArgumentException("users: give at least one application user");
        }
        bind = bind == null ? InetAddress.getLoopbackAddress() : bind;
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port = " + port + ": must be 0..65535");
        }
        range("ratePerMinute", ratePerMinute, 1, 10_000);
        range("maxReplyBytes", maxReplyBytes, 1024, 64 << 20);
        range("changeCapacity", changeCapacity, 1, 1_000_000);
        range("changesPerAnswer", changesPerAnswer, 1, 100_000);
    }

    private static void range(String field, int v, int min, int max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(field + " = " + v + ": must be " + min + ".." + max);
        }
    }

    /** Two nodes, one user with AXL and RisPort access, HTTPS on an ephemeral loopback port. */
    public static CucmConfig defaults(String user, String password) {
        return new CucmConfig(List.of("cucm-pub", "cucm-sub1"), List.of(CucmUser.both(user, password)), null, 0, true,
                RisFaults.DEFAULT_RATE_PER_MINUTE, AxlFaults.MAX_REPLY_BYTES, 100_000, 10_000);
    }

    public CucmConfig withNodes(List<String> n) {
        return new CucmConfig(n, users, bind, port, tls, ratePerMinute, maxReplyBytes, changeCapacity, changesPerAnswer);
    }

    public CucmConfig withUsers(List<CucmUser> u) {
        return new CucmConfig(nodes, u, bind, port, tls, ratePerMinute, maxReplyBytes, changeCapacity, changesPerAnswer);
    }

    public CucmConfig withListener(InetAddress address, int p, boolean https) {
        return new CucmConfig(nodes, users, address, p, https, ratePerMinute, maxReplyBytes, changeCapacity,
                changesPerAnswer);
    }

    public CucmConfig withRatePerMinute(int r) {
        return new CucmConfig(nodes, users, bind, port, tls, r, maxReplyBytes, changeCapacity, changesPerAnswer);
    }

    public CucmConfig withMaxReplyBytes(int b) {
        return new CucmConfig(nodes, users, bind, port, tls, ratePerMinute, b, changeCapacity, changesPerAnswer);
    }

    public CucmConfig withChangeQueue(int capacity, int perAnswer) {
        return new CucmConfig(nodes, users, bind, port, tls, ratePerMinute, maxReplyBytes, capacity, perAnswer);
    }
}
