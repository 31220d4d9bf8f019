package io.phonectl.server.console;

import io.phonectl.server.group.Group;
import io.phonectl.server.group.GroupService;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Exchange;
import io.phonectl.server.http.Paging;
import io.phonectl.server.job.JobTarget;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading the console's forms: a field's first value, numbers and ids with the API's problem when they are not,
 * the "to whom" fieldset ({@code target.jte}) as a {@link JobTarget}, and the problem of a refused form kept beside
 * the field it names.
 */
public final class Forms {

    private Forms() {
    }

    /**
     * The "to whom" fieldset: which kind of target is chosen, its values echoed, and the groups to choose from.
     * {@code prefix} goes before the ids of its inputs (empty on compose: {@code t-group}, {@code c-group}).
     */
    public record Target(String prefix, String kind, String selector, long group, List<Long> ids, List<Group> groups) {
        public String id(String part) {
            return prefix + part;
        }
    }

    /**
     * A refused form's problem: the field the service named (such as {@code params.text}) and its message; a page
     * shows it next to that field when it has one, else above the form.
     */
    public record Problem(String field, String message) {
        static final Problem NONE = new Problem(null, null);

        static Problem of(ApiException e) {
            return new Problem(e.field(), e.getMessage());
        }

        /** The message when the problem is about this field (or a member of it, {@code variables[2].name}). */
        public String on(String name) {
            if (field == null || message == null) {
                return null;
            }
            return field.equals(name) || field.startsWith(name + ".") || field.startsWith(name + "[") ? message : null;
        }

        /** The message when the problem is about exactly this field. */
        public String exactly(String name) {
            return name.equals(field) ? message : null;
        }

        public boolean any() {
            return message != null;
        }
    }

    static String first(Map<String, List<String>> form, String name) {
        List<String> v = form.get(name);
        return v == null || v.isEmpty() ? "" : v.get(0);
    }

    /** A field's value stripped, or null when blank. */
    static String text(Map<String, List<String>> form, String name) {
        String v = first(form, name).strip();
        return v.isEmpty() ? null : v;
    }

    /** A whole number field, or null when blank; the problem names the field and the range. */
    static Integer integer(Map<String, List<String>> form, String name, String field, int min, int max) {
        String v = text(form, name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw new ApiException.Invalid(field, v.length() > 40 ? v.substring(0, 40) + "…" : v,
                    "an integer " + min + ".." + max);
        }
    }

    static boolean checked(Map<String, List<String>> form, String name) {
        return !first(form, name).isEmpty();
    }

    static long id(String field, String v) {
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new ApiException.Invalid(field, v, "an id");
        }
    }

    /** Values separated by commas, semicolons or white space (tags, holidays, nodes, event types). */
    static List<String> list(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,;\\s]+")).map(String::strip)
                .filter(t -> !t.isEmpty()).toList();
    }

    /** The fields of the GET query or the POSTed form (repeated names kept). */
    static Map<String, List<String>> fields(Exchange ex, boolean post) {
        if (post) {
            return ex.form();
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String n : ex.queryNames()) {
            out.put(n, ex.queryAll(n));
        }
        return out;
    }

    static List<Long> ids(Map<String, List<String>> form) {
        List<Long> out = new ArrayList<>();
        for (String v : form.getOrDefault("id", List.of())) {
            out.add(id("id", v));
        }
        return out;
    }

    /** The fieldset's values as the form gave them (a group chosen by default). */
    static Target target(String prefix, Map<String, List<String>> form, GroupService groups) {
        List<Long> ids = ids(form);
        String kind = first(form, "target");
        if (kind.isEmpty()) {
            kind = !ids.isEmpty() ? "devices" : !first(form, "selector").isEmpty() ? "selector" : "group";
        }
        String g = first(form, "group");
        long group = g.isBlank() ? 0 : id("group", g);
        return new Target(prefix, kind, first(form, "selector"), group, ids,
                groups.list(Paging.first(Paging.MAX_LIMIT)).items());
    }

    /** The chosen target as the API takes it. */
    static JobTarget jobTarget(Map<String, List<String>> form) {
        return switch (first(form, "target")) {
            case "all" -> new JobTarget(true, null, null, null);
            case "selector" -> new JobTarget(null, first(form, "selector"), null, null);
            case "devices" -> new JobTarget(null, null, ids(form), null);
            case "group", "" -> {
                String g = first(form, "group");
                if (g.isBlank()) {
                    throw new ApiException.Invalid("group", "", "a group to send to");
                }
                yield new JobTarget(null, null, null, List.of(id("group", g)));
            }
            default -> throw new ApiException.Invalid("target", first(form, "target"),
                    "group, selector, devices or all");
        };
    }
}
