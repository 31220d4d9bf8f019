package io.phonectl.server.device;

import java.util.List;

/**
 * The fleet at a glance (the console's dashboard, {@code GET /api/v1/devices/stats}): devices by last known state,
 * and the largest models and sites with how many of each are reachable or not.
 *
 * @param unknown devices the service never contacted (no job reached them yet)
 */
public record DeviceStats(long total, long reachable, long unreachable, long unknown, List<Count> models,
                          List<Count> sites) {

    public DeviceStats {
        models = List.copyOf(models);
        sites = List.copyOf(sites);
    }

    /** One model or site: {@code value} ("" for none), how many devices, how many reachable and unreachable. */
    public record Count(String value, long devices, long reachable, long unreachable) {
    }
}
