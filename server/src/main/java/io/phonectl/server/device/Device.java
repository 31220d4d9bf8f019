package io.phonectl.server.device;

import tools.jackson.databind.annotation.JsonSerialize;

import java.time.Instant;
import java.util.List;

/**
 * A device as the API shows it.
 *
 * @param address     {@code host:port} ({@code [v6]:port} for IPv6)
 * @param model       the model catalog's name for XSI phones ("" when unknown), {@code roomos}/{@code phoneos} otherwise
 * @param user        overrides the credential set's user for this device ("" = the set's)
 * @param credentials the credential set's name, or null
 * @param cucm        the phone's registration as the CUCM source that found it last saw it, or null (not found by one)
 */
@JsonSerialize(using = DeviceJson.class)
public record Device(long id, String name, String address, String model, DeviceKind kind, String site,
                     List<String> tags, String user, String credentials, State state, Cucm cucm, Instant createdAt,
                     Instant updatedAt) {

    /** What the service last learnt about the device (all null until it was first contacted). */
    public record State(Boolean reachable, String firmware, Instant lastContact, String lastOutcome, String lastDetail,
                        Long lastJob) {
    }

    /**
     * The device's phone in CUCM, as its source's last run saw it.
     *
     * @param status   Registered, UnRegistered, Rejected, PartiallyRegistered, Unknown or NotFound (no CM node knows it)
     * @param seenAt   when a run last found it configured
     * @param goneAt   when it left CUCM's configuration (the device is kept), or null
     */
    public record Cucm(long sourceId, String source, String status, String statusReason, String node, String dn,
                       Instant seenAt, Instant goneAt) {
    }
}
