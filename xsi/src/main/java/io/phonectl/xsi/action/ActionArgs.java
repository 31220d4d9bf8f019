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

/**
 * The parameters of one action after the catalog's own checks (names, presence, types, catalog-owned values) and
 * with defaults applied. Builders read them; the typed objects and URIs they build check the remaining rules.
 */
public record ActionArgs(ActionSpec action, Map<String, String> values) {

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
                violations.add(Violation.of(action.id() + "." + name, raw.get(name),
                        action.params().isEmpty() ? "the action takes no parameters"
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

    /** An integer parameter (the type was checked by {@link #resolve}); null when absent. */
    public Integer integer(String name) {
        String v = values.get(name);
        return v == null ? null : Integer.valueOf(v);
    }

    public int integer(String name, int absent) {
        Integer v = integer(name);
        return v == null ? absent : v;
    }

    /**
     * Fills the action's command template: {@code {name}} becomes the value, an absent value an empty segment;
     * trailing empty {@code :}-segments are dropped because the spec's optional URI parameters come last.
     */
    public String fillTemplate() {
        String out = action.sends();
        for (ParamSpec p : action.params()) {
            out = out.replace("{" + p.name() + "}", values.getOrDefault(p.name(), ""));
        }
        while (out.endsWith(":")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }
}
