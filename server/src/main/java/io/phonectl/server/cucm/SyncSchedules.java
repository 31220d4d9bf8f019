package io.phonectl.server.cucm;

import com.github.kagkarlsson.scheduler.task.schedule.CronSchedule;
import com.github.kagkarlsson.scheduler.task.schedule.CronStyle;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import io.phonectl.server.http.ApiException;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeParseException;

/**
 * The rules of a source's schedule, checked where it enters (each broken one a 400 naming field, value and rule), and
 * its slot arithmetic on a given instant, so tests move the service's clock instead of waiting.
 */
final class SyncSchedules {

    /**
     * The shortest time between two slots. RisPort's limit (15 requests a minute by default) is the whole cluster's,
     * shared with every other tool that asks it, and a full pass of 10,000 phones on two nodes needs 20 requests.
     */
    static final Duration MIN_INTERVAL = Duration.ofMinutes(5);
    static final Duration MAX_INTERVAL = Duration.ofDays(31);
    /** How far ahead a cron pattern's slots are checked for the minimum interval. */
    static final Duration CRON_LOOKAHEAD = Duration.ofDays(366);
    static final int CRON_MAX_SLOTS = 20_000;
    /** A pattern must come within this (Feb 29 comes every four years). */
    static final Duration CRON_FIRST_WITHIN = Duration.ofDays(4 * 366);
    private static final String RULE_SOURCE = " (the cluster's RisPort budget, 15 requests a minute by default, is "
            + "shared with every other tool)";

    /** A checked schedule as stored: exactly one of {@code everySeconds} and {@code cron}. */
    record Stored(Long everySeconds, String cron, String zone, boolean enabled) {

        SyncSchedule view() {
            return new SyncSchedule(everySeconds == null ? null : Duration.ofSeconds(everySeconds).toString(), cron,
                    cron == null ? null : zone, enabled);
        }

        /** The first slot of a schedule set at {@code now}: an interval from now (whole seconds), or the pattern's. */
        Instant first(Instant now) {
            return everySeconds != null ? now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(everySeconds) : next(now, now);
        }

        /**
         * The first slot strictly after {@code after}. An interval's slots are {@code anchor + k * every}: a late tick
         * or a stopped service skips the missed slots and keeps the rhythm.
         */
        Instant next(Instant anchor, Instant after) {
            if (everySeconds != null) {
                Duration every = Duration.ofSeconds(everySeconds);
                if (after.isBefore(anchor)) {
                    return anchor;
                }
                long k = Duration.between(anchor, after).dividedBy(every) + 1;
                return anchor.plus(every.multipliedBy(k));
            }
            return cronSchedule(cron, ZoneId.of(zone)).getInitialExecutionTime(after);
        }
    }

    private SyncSchedules() {
    }

    /** The schedule as stored, or null for none (absent, or neither every nor cron). */
    static Stored check(SyncSchedule in, Instant now) {
        boolean every = in != null && in.every() != null && !in.every().isBlank();
        boolean cron = in != null && in.cron() != null && !in.cron().isBlank();
        if (!every && !cron) {
            return null;
        }
        boolean enabled = in.enabled() == null || in.enabled();
        if (every && cron) {
            throw new ApiException.Invalid("schedule.every", in.every(), "one of every (an interval) and cron (a "
                    + "pattern), not both");
        }
        if (every) {
            if (in.zone() != null && !in.zone().isBlank()) {
                throw new ApiException.Invalid("schedule.zone", in.zone(), "only with cron (an interval does not "
                        + "depend on a time zone)");
            }
            return new Stored(interval(in.every().strip()).toSeconds(), null, null, enabled);
        }
        String zone = in.zone() == null || in.zone().isBlank() ? "UTC" : in.zone().strip();
        ZoneId z;
        try {
            z = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new ApiException.Invalid("schedule.zone", zone, "a time zone id such as Europe/Zurich (IANA tz "
                    + "database)");
        }
        String pattern = in.cron().strip().replaceAll("\\s+", " ");
        spaced(pattern, cronSchedule(pattern, z), now);
        return new Stored(null, pattern, zone, enabled);
    }

    private static Duration interval(String text) {
        String rule = "an ISO-8601 duration in whole seconds from PT5M to P31D, e.g. PT30M or PT6H" + RULE_SOURCE;
        Duration d;
        try {
            d = Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new ApiException.Invalid("schedule.every", text, rule);
        }
        if (d.compareTo(MIN_INTERVAL) < 0 || d.compareTo(MAX_INTERVAL) > 0 || d.getNano() != 0) {
            throw new ApiException.Invalid("schedule.every", text, rule);
        }
        return d;
    }

    static CronSchedule cronSchedule(String pattern, ZoneId zone) {
        String rule = "five fields: minute hour day-of-month month day-of-week (UNIX cron, e.g. \"0 */4 * * *\")";
        if (pattern.length() > 120 || pattern.equals("-")) {
            throw new ApiException.Invalid("schedule.cron", pattern, rule + ", at most 120 characters");
        }
        try {
            return new CronSchedule(pattern, zone, CronStyle.UNIX);
        } catch (RuntimeException e) {
            throw new ApiException.Invalid("schedule.cron", pattern, rule + ": " + e.getMessage());
        }
    }

    /** Every two slots of the next year (at most 20,000 slots) at least {@link #MIN_INTERVAL} apart. */
    private static void spaced(String pattern, CronSchedule c, Instant now) {
        Instant t = c.getInitialExecutionTime(now);
        if (!t.isBefore(Schedule.NEVER) || t.isAfter(now.plus(CRON_FIRST_WITHIN))) {
            throw new ApiException.Invalid("schedule.cron", pattern, "a pattern with a slot within four years");
        }
        Instant end = t.plus(CRON_LOOKAHEAD);
        for (int i = 0; i < CRON_MAX_SLOTS && t.isBefore(end); i++) {
            Instant next = c.getInitialExecutionTime(t);
            if (Duration.between(t, next).compareTo(MIN_INTERVAL) < 0) {
                throw new ApiException.Invalid("schedule.cron", pattern, "slots at least " + MIN_INTERVAL.toMinutes()
                        + " minutes apart (" + t + " and " + next + " are " + Duration.between(t, next).toSeconds()
                        + " s apart)" + RULE_SOURCE);
            }
            t = next;
        }
    }
}
