package io.phonectl.xsi.action;

import io.phonectl.xsi.Sources;
import io.phonectl.xsi.Violation;
import io.phonectl.xsi.XsiValidationException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters of one action after the catalog's own checks (names, presence, types, catalog-owned values) and
 * with defaults applied. Builders read them; the typed objects and URIs they build check the remaining rules.
 */
public record ActionArgs(ActionSpec action, Map<String, String> values) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    public ActionArgs {
        Objects.requireNonNull(action, "action");
        values = Map.copyOf(values);
    }

    /**
     * Checks {@code raw} against the action's parameter table and applies defaults. Every problem is reported at
     * once in one {@link XsiValidationException}.
     */
    public static ActionArgs resolve(ActionSpec action, Map<String, String> raw) {
        List<Violation> violations = new ArrayList<>();
        for (String name : raw.keySet()) {
            if (action.param(name).isEmpty()) {
                // the value is not shown: a misspelt "credentials" must not end up in a message
                violations.add(Violation.of("parameter", name,
                        action.params().isEmpty() ? "the action " + action.id() + " takes no parameters"
                                : "a parameter of " + action.id() + " (" + names(action) + ")",
                        Sources.CONTROL_SPEC));
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (ParamSpec p : action.params()) {
            String v = raw.get(p.name());
            if (v == null) {
                if (p.required()) {
                    violations.add(Violation.of(action.id() + "." + p.name(), null, "is required",
                            Sources.CONTROL_SPEC));
                }
                p.defaultValue().ifPresent(d -> values.put(p.name(), d));
                continue;
            }
            p.check(action.id(), v).ifPresent(violations::add);
            values.put(p.name(), v);
        }
        if (!violations.isEmpty()) {
            throw new XsiValidationException(violations);
        }
        return new ActionArgs(action, values);
    }

    private static String names(ActionSpec action) {
        return String.join(", ", action.params().stream().map(ParamSpec::name).toList());
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** A value the table guarantees (required or defaulted); null when absent. */
    public String string(String name) {
        return values.get(name);
    }

    /**
     * An integer parameter; null when absent. INTEGER parameters were type-checked by {@link #resolve}; an ENUM of
     * numbers (priority, number) that is not a number fails here, naming its allowed values.
     */
    public Integer integer(String name) {
        String v = values.get(name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            String allowed = action.param(name).map(p -> p.allowed().describe()).orElse("");
            throw new XsiValidationException(Violation.of(action.id() + "." + name, v,
                    allowed.isEmpty() ? "an integer" : "one of " + allowed, Sources.CONTROL_SPEC));
        }
    }

    public int integer(String name, int absent) {
        Integer v = integer(name);
        return v == null ? absent : v;
    }

    /**
     * Fills the action's command template: {@code {name}} becomes the value, an absent value an empty segment.
     * The spec's optional URI parameters come last, so the template is cut after the last placeholder that has a
     * value (a given empty value counts as a value: the typed URI then judges it).
     */
    public String fillTemplate() {
        String template = action.sends();
        int cut = template.length();
        int lastValued = -1;
        boolean absentAfter = false;
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (values.containsKey(m.group(1))) {
                lastValued = m.end();
                absentAfter = false;
            } else {
                absentAfter = true;
            }
        }
        if (absentAfter && lastValued >= 0) {
            cut = lastValued;
        }
        StringBuilder out = new StringBuilder();
        m = PLACEHOLDER.matcher(template.substring(0, cut));
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString();
    }

}
