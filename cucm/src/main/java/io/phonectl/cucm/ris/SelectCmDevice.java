package io.phonectl.cucm.ris;

import java.util.Objects;

/**
 * {@code selectCmDevice} or {@code selectCmDeviceExt} (same criteria and answer; Ext is the one Cisco's samples
 * use for large clusters). {@code stateInfo} is what the previous answer returned, or empty.
 */
public record SelectCmDevice(boolean ext, String stateInfo, CmSelectionCriteria criteria) {

    public SelectCmDevice {
        stateInfo = stateInfo == null ? "" : stateInfo;
        Objects.requireNonNull(criteria, "criteria");
    }

    public String operation() {
        return ext ? "selectCmDeviceExt" : "selectCmDevice";
    }
}
