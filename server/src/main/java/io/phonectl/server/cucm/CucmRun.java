package io.phonectl.server.cucm;

import java.time.Instant;

/**
 * One discovery run of a source, as the API shows it.
 *
 * @param mode         full, or sync (incremental from the AXL change queue)
 * @param state        running, succeeded or failed ({@code detail} says why it failed)
 * @param fullPass     a sync that fell back to a full pass (the change queue was gone; {@code detail} says why)
 * @param found        phones CUCM has configured
 * @param conflicts    phones whose name a device not of this source already has: left alone
 * @param waitedMillis time spent waiting for RisPort's rate limit (the cluster's gate, shared with other runs)
 * @param slot         the scheduled slot it ran for, or null when it was started by hand
 * @param resumed      its first service stopped while it ran, and another replica (or the restarted service) ran it
 *                     again from the beginning; a resumed run interrupted again fails
 */
public record CucmRun(long id, long source, String mode, String state, boolean fullPass, String requestedBy,
                      int found, int added, int changed, int gone, int registered, int unregistered, int conflicts,
                      int axlRequests, int risRequests, long waitedMillis, String detail, Instant slot, Instant startedAt,
                      Instant finishedAt, boolean resumed) {
}
