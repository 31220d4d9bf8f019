package io.phonectl.server.event;

import io.phonectl.server.http.ApiException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which events a reader wants: any of these jobs, any of these devices, any of these types (each an exact type or
 * a prefix ending in {@code *}, e.g. {@code job.*}); an empty set means "any". The same filter is applied in SQL to
 * the table (backlog, pages) and in memory to live events, so both give the same answer.
 */
public record EventFilter(Set<Long> jobs, Set<Long> devices, List<String> types) {

    public static final int MAX_VALUES = 50;
    public static final EventFilter ALL = new EventFilter(Set.of(), Set.of(), List.of());
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_.-]{0,63}\\*?|\\*");

    /** A WHERE condition on {@code events} with positional arguments. */
    public record Where(String sql, List<Object> args) {
    }

    public EventFilter {
        jobs = Set.copyOf(jobs);
        devices = Set.copyOf(devices);
        types = List.copyOf(types);
    }

    /** From query parameters (comma-separated lists, null when absent); problems name the parameter. */
    public static EventFilter parse(String job, String device, String type) {
        return new EventFilter(ids("job", job), ids("device", device), types(type));
    }

    public static EventFilter job(long id) {
        return new EventFilter(Set.of(id), Set.of(), List.of());
    }

    private static Set<Long> ids(String field, String text) {
        Set<Long> out = new LinkedHashSet<>();
        for (String v : values(field, text)) {
            try {
                long id = Long.parseLong(v);
                if (id < 1) {
                    throw new NumberFormatException();
                }
                out.add(id);
            } catch (NumberFormatException e) {
                throw new ApiException.Invalid(field, v, "positive integer ids separated by ','");
            }
        }
        return out;
    }

    private static List<String> types(String text) {
        List<String> out = new ArrayList<>();
        for (String v : values("type", text)) {
            out.add(checkType("type", v));
        }
        return out.contains("*") ? List.of() : out;
    }

    /** An event type, a prefix ending in {@code *}, or {@code *}; a problem names {@code field}. */
    public static String checkType(String field, String v) {
        if (v == null || !TYPE.matcher(v.strip()).matches()) {
            throw new ApiException.Invalid(field, v, "an event type such as job.done, a prefix such as job.*, or *");
        }
        return v.strip();
    }

    private static List<String> values(String field, String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> v = List.of(text.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (v.size() > MAX_VALUES) {
            throw new ApiException.Invalid(field, v.size() + " values", "at most " + MAX_VALUES + " values");
        }
        return v;
    }

    /** Whether a job filter is given: a stream of a job replays it from its start when no position is given. */
    public boolean byJob() {
        return !jobs.isEmpty();
    }

    public boolean matches(Event e) {
        return (jobs.isEmpty() || (e.job() != null && jobs.contains(e.job())))
                && (devices.isEmpty() || (e.device() != null && devices.contains(e.device())))
                && (types.isEmpty() || types.stream().anyMatch(t -> typeMatches(t, e.type())));
    }

    /** Whether a type pattern ({@code job.done} or {@code job.*}) selects an event type. */
    public static boolean typeMatches(String pattern, String type) {
        return pattern.endsWith("*") ? type.startsWith(pattern.substring(0, pattern.length() - 1)) : pattern.equals(type);
    }

    public Where where() {
        List<String> terms = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        in(terms, args, "job_id", jobs);
        in(terms, args, "device_id", devices);
        if (!types.isEmpty()) {
            List<String> any = new ArrayList<>();
            for (String t : types) {
                if (t.endsWith("*")) {
                    any.add("type LIKE ?");
                    args.add(t.substring(0, t.length() - 1).replace("_", "!_") + "%");
                } else {
                    any.add("type = ?");
                    args.add(t);
                }
            }
            terms.add("(" + String.join(" OR ", any).replace("LIKE ?", "LIKE ? ESCAPE '!'") + ")");
        }
        return new Where(terms.isEmpty() ? "1 = 1" : String.join(" AND ", terms), args);
    }

    private static void in(List<String> terms, List<Object> args, String column, Set<Long> ids) {
        if (!ids.isEmpty()) {
            terms.add(column + " IN (" + String.join(", ", ids.stream().map(i -> "?").toList()) + ")");
            args.addAll(ids);
        }
    }
}
