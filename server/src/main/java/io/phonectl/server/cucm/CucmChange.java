package io.phonectl.server.cucm;

/**
 * What a run changed for one phone.
 *
 * @param kind   added (a device was made), changed, gone (left CUCM: the device is kept and marked), returned (a gone
 *               phone is configured again), conflict (the name belongs to a device not of this source: left alone),
 *               unplaced (configured but with no address yet: no device until RisPort knows one)
 * @param device the device, or null when there is none
 * @param detail "status: Registered -> UnRegistered; address: 10.0.0.1 -> 10.0.0.2"
 */
public record CucmChange(long id, String name, Long device, String kind, String detail) {
}
