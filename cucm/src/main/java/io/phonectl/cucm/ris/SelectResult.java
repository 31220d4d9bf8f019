package io.phonectl.cucm.ris;

import java.util.List;

/**
 * A selectCmDevice(Ext) answer. {@code totalDevicesFound} counts every match; when it exceeds the items returned,
 * the answer was cut at MaxReturnedDevices and the caller must ask again for what is missing.
 */
public record SelectResult(long totalDevicesFound, List<CmNode> nodes, String stateInfo) {

    public SelectResult {
        nodes = List.copyOf(nodes);
        stateInfo = stateInfo == null ? "" : stateInfo;
    }

    public int itemsReturned() {
        return nodes.stream().mapToInt(n -> n.devices().size()).sum();
    }

    public boolean truncated() {
        return totalDevicesFound > itemsReturned();
    }
}
