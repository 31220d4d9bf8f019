package io.phonectl.server.job;

import io.phonectl.server.device.DeviceKind;

/**
 * An item a run has claimed (it is in flight in the database) with what sending needs: the device as resolved at
 * creation, and its current credentials reference.
 *
 * @param deviceId     null when the device was deleted after the job was created
 * @param user         the device's user override ("" = the credential set's)
 * @param credentialId the device's credential set, or null
 * @param resumed      a previous run died while this item was in flight: this is its second and last send
 */
public record ClaimedItem(long id, Long deviceId, String name, String address, String model, DeviceKind kind,
                          String site, String user, Long credentialId, boolean resumed) {
}
