package io.phonectl.server.paging;

import io.phonectl.client.paging.PagingConfig;

import java.net.NetworkInterface;

/**
 * Paging settings of the service.
 *
 * @param basePort           the RTP port unicast pages use when a request names none (default 20480, the lowest
 *                           legal one)
 * @param interfaceName      the network interface multicast pages leave by (e.g. {@code eth0}; {@code lo} in tests),
 *                           or null for the operating system's choice (default); checked when the service starts
 */
public record PageSettings(int basePort, String interfaceName) {

    public PageSettings {
        if (basePort < 20480 || basePort > 32766 || basePort % 2 != 0) {
            throw new IllegalArgumentException("basePort = " + basePort + ": must be even, 20480..32766 (RTP ports of "
                    + "the control spec)");
        }
        PageRules.networkInterface(interfaceName);
    }

    public static PageSettings defaults() {
        return new PageSettings(PagingConfig.DEFAULT_BASE_PORT, null);
    }

    public PageSettings withMulticastInterface(String name) {
        return new PageSettings(basePort, name);
    }

    NetworkInterface multicastInterface() {
        return PageRules.networkInterface(interfaceName);
    }
}
