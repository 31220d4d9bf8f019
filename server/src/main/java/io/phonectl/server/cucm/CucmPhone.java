package io.phonectl.server.cucm;

import java.time.Instant;

/**
 * A phone as a source last saw it in CUCM: configuration from AXL, registration from RisPort.
 *
 * @param device   the device it is, or null (no address yet, or its name belongs to another device)
 * @param status   Registered, UnRegistered, Rejected, PartiallyRegistered, Unknown or NotFound (no CM node knows it)
 * @param goneAt   when it left CUCM's configuration (the device is kept), or null
 */
public record CucmPhone(String name, Long device, String uuid, String description, String model, String protocol,
                        String devicePool, String dn, String status, String statusReason, String ip, String node,
                        String httpd, Instant goneAt, Instant seenAt) {
}
