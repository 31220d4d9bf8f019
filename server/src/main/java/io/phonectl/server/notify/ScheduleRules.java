package io.phonectl.server.notify;

import com.github.kagkarlsson.scheduler.task.schedule.CronSchedule;
import com.github.kagkarlsson.scheduler.task.schedule.CronStyle;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Json;
import io.phonectl.server.http.Names;
import io.phonectl.server.job.JobService;
import io.phonectl.server.paging.PageService;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The rules of schedules: checks at the boundary (name, one of at and cron, the cron pattern — five fields, UNIX
 * style, as db-scheduler's cron reads it — the zone, holidays, what runs) and the slot arithmetic on a given instant,
 * so tests move the service's clock instead of waiting.
 */
final class ScheduleRules {

    static final int MAX_HOLIDAYS = 366;
    /** Slots looked at in one pass (a schedule every minute that slept a day has 1,440). */
    static final int MAX_SLOTS = 2_000;

    /** What is stored, checked. */
    record Checked(String zone, String holidays, boolean enabled, String runs) {
    }

    private ScheduleRules() {
    }

    static Checked check(Schedule.Input in, Instant now, JobService jobs, TemplateService templates,
                         PageService pages) {
        Names.require("name", in.name());
        if ((in.at() == null) == (in.cron() == null)) {
            throw new ApiException.Invalid("at", in.at(), "exactly one of at (one-time, ISO-8601) and cron (recurring)");
        }
        String zone = in.zone() == null || in.zone().isBlank() ? "UTC" : in.zone().strip();
        ZoneId z;
        try {
            z = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new ApiException.Invalid("zone", zone, "a time zone id such as Europe/Zurich (IANA tz database)");
        }
        if (in.cron() != null) {
            cron(in.cron(), z);
        } else if (!in.at().isAfter(now)) {
            throw new ApiException.Invalid("at", in.at(), "a time in the future (now is " + now + ")");
        }
        List<String> holidays = in.holidays() == null ? List.of() : in.holidays();
        if (holidays.size() > MAX_HOLIDAYS) {
            throw new ApiException.Invalid("holidays", holidays.size() + " dates", "at most " + MAX_HOLIDAYS);
        }
        for (int i = 0; i < holidays.size(); i++) {
            try {
                LocalDate.parse(holidays.get(i));
            } catch (DateTimeException | NullPointerException e) {
                throw new ApiException.Invalid("holidays[" + i + "]", holidays.get(i), "a date yyyy-MM-dd (local to the "
                        + "zone)");
            }
        }
        Schedule.Runs r = in.runs();
        int given = r == null ? 0 : (r.template() == null ? 0 : 1) + (r.job() == null ? 0 : 1)
                + (r.page() == null ? 0 : 1);
        if (given != 1) {
            throw new ApiException.Invalid("runs", r == null ? null : "…", "exactly one of template (with target and "
                    + "variables), job (a job definition as POST /api/v1/jobs takes it) and page (a page as POST "
                    + "/api/v1/pages takes it)");
        }
        if (r.page() != null) {
            if (r.target() != null || r.variables() != null || r.options() != null) {
                throw new ApiException.Invalid("runs.target", "…", "only with template (a page carries its own "
                        + "target)");
            }
            try {
                pages.check(r.page());
            } catch (ApiException.Invalid e) {
                throw new ApiException.Invalid("runs.page." + e.field(), e.value(), e.rule());
            } catch (ApiException.NotFound e) {
                throw new ApiException.Invalid("runs.page.audio", r.page().audio(), "the id of a stored clip");
            }
        } else if (r.job() != null) {
            if (r.target() != null || r.variables() != null) {
                throw new ApiException.Invalid("runs.target", "…", "only with template (a job carries its own target)");
            }
            try {
                jobs.check(r.job());
            } catch (ApiException.Invalid e) {
                throw new ApiException.Invalid("runs.job." + e.field(), e.value(), e.rule());
            }
        } else {
            Template t;
            try {
                t = templates.get(r.template());
            } catch (ApiException.NotFound e) {
                throw new ApiException.Invalid("runs.template", r.template(), "the id of an existing template");
            }
            if (r.target() == null) {
                throw new ApiException.Invalid("runs.target", null, "the devices the template is sent to");
            }
            r.target().checked();
            TemplateText.render(t.params(), t.variables(), r.variables());
        }
        return new Checked(zone, Json.mapper().writeValueAsString(List.copyOf(new LinkedHashSet<>(holidays))),
                in.enabled() == null || in.enabled(), Json.mapper().writeValueAsString(r));
    }

    static CronSchedule cron(String pattern, ZoneId zone) {
        try {
            return new CronSchedule(pattern.strip(), zone, CronStyle.UNIX);
        } catch (RuntimeException e) {
            throw new ApiException.Invalid("cron", pattern, "five fields: minute hour day-of-month month day-of-week "
                    + "(UNIX cron, e.g. \"0 8 * * 1-5\"): " + e.getMessage());
        }
    }

    /** The slots after {@code last} (or the schedule's creation) up to {@code now}, oldest first. */
    static List<Instant> due(Schedule s, Instant last, Instant now) {
        List<Instant> out = new ArrayList<>();
        if (s.at() != null) {
            if (last == null && !s.at().isAfter(now)) {
                out.add(s.at());
            }
            return out;
        }
        CronSchedule c = cron(s.cron(), ZoneId.of(s.zone()));
        Instant t = c.getInitialExecutionTime(last != null ? last : s.createdAt());
        while (!t.isAfter(now) && out.size() < MAX_SLOTS) {
            out.add(t);
            t = c.getInitialExecutionTime(t);
        }
        return out;
    }

    /** The next slot after {@code after} that is still to come at {@code now}; null when none. */
    static Instant next(Schedule s, Instant after, Instant now) {
        if (s.at() != null) {
            return after == null && s.at().isAfter(now) ? s.at() : null;
        }
        Instant from = after != null && after.isAfter(now) ? after : now;
        return cron(s.cron(), ZoneId.of(s.zone())).getInitialExecutionTime(from);
    }

    /** The next {@code n} slots from {@code now} (holidays included: a run lists them as holiday). */
    static List<Instant> upcoming(Schedule s, Instant now, int n) {
        List<Instant> out = new ArrayList<>();
        if (s.at() != null) {
            if (s.at().isAfter(now)) {
                out.add(s.at());
            }
            return out;
        }
        CronSchedule c = cron(s.cron(), ZoneId.of(s.zone()));
        Instant t = now;
        while (out.size() < n) {
            t = c.getInitialExecutionTime(t);
            out.add(t);
        }
        return out;
    }

    static boolean holiday(Schedule s, Instant slot) {
        return s.holidays().contains(LocalDate.ofInstant(slot, ZoneId.of(s.zone())).toString());
    }
}
