package io.phonectl.client.cucm;

import java.util.List;

/**
 * What an incremental sync found in the change queue, besides the refreshed inventory in {@code result}.
 *
 * @param fullPass true when the queue could not be used and everything was read again; {@code why} says why
 */
public record SyncOutcome(DiscoveryResult result, List<String> added, List<String> updated, List<String> removed,
                          int changesRead, boolean fullPass, String why) {

    public SyncOutcome {
        added = List.copyOf(added);
        updated = List.copyOf(updated);
        removed = List.copyOf(removed);
    }
}
