package io.phonectl.server.cucm;

import java.util.List;

/**
 * A source as a client writes it (POST: name, publisher and credentials required; PATCH: null = unchanged, "" clears
 * certificate, site and deviceCredentials; a schedule with neither every nor cron removes the schedule).
 * {@code credentials} and {@code deviceCredentials} name credential sets; passwords are never given here.
 */
public record SourceInput(String name, String publisher, List<String> nodes, String axlVersion, String credentials,
                          String certificate, Boolean insecure, String site, List<String> tags,
                          String deviceCredentials, Boolean enabled, SyncSchedule schedule) {
}
