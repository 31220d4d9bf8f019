package io.phonectl.server.cucm;

import java.time.Instant;
import java.util.List;

/**
 * A CUCM cluster the service learns phones from, as the API shows it. The AXL user's password is in the credential
 * set named by {@code credentials}, never here.
 *
 * @param publisher         {@code host:port} of the publisher (AXL and RisPort are asked there)
 * @param nodes             CM node names RisPort is asked about; empty = every node
 * @param certificate       a PEM certificate trusted for this source only, or null (then the JVM's CAs)
 * @param insecure          no certificate check at all (a lab); never together with a certificate
 * @param site              the site devices this source adds get
 * @param tags              the tags devices this source adds get
 * @param deviceCredentials the credential set the added devices get for pushes, or null
 * @param syncable          true when the next run can be an incremental sync (a run succeeded before)
 * @param schedule          when it runs on its own, or null (runs by hand only)
 * @param nextRunAt         the next scheduled slot; null without a schedule, or while it or the source is disabled
 * @param running           the run in progress (on whichever replica), or null
 */
public record CucmSource(long id, String name, String publisher, List<String> nodes, String axlVersion,
                         String credentials, String certificate, boolean insecure, String site, List<String> tags,
                         String deviceCredentials, boolean enabled, boolean syncable, SyncSchedule schedule,
                         Instant nextRunAt, Long running, Instant createdAt, Instant updatedAt) {

    public CucmSource {
        nodes = List.copyOf(nodes);
        tags = List.copyOf(tags);
    }
}
