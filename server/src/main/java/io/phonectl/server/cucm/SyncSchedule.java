package io.phonectl.server.cucm;

/**
 * When a source runs on its own: every {@code every} (an ISO-8601 duration, e.g. {@code PT30M}), or at the slots of
 * {@code cron} (five UNIX fields) in {@code zone}. As a client writes it and as the API shows it. An object with
 * neither {@code every} nor {@code cron} means no schedule (runs are started by hand only).
 *
 * @param zone    an IANA time zone id for cron (UTC when absent); not with every
 * @param enabled false keeps the schedule but starts nothing (true when absent); a disabled source starts nothing
 *                either way
 */
public record SyncSchedule(String every, String cron, String zone, Boolean enabled) {
}
