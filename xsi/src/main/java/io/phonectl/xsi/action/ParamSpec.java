package io.phonectl.xsi.action;

import io.phonectl.xsi.Sources;
import io.phonectl.xsi.Violation;

import java.util.Objects;
import java.util.Optional;

/**
 * One parameter of an action, as a row of the catalog's parameter table.
 *
 * @param name         exactly as the spec spells it
 * @param allowed      the stated range or values; enforced here only when {@code checked}, otherwise the typed
 *                     object or URI that the action builds owns the rule and this is documentation
 * @param defaultValue used when the parameter is absent (may be absent itself)
 * @param example      a valid value used by tests and {@code phonectl xsi build --example} (may be absent)
 * @param origin       where the name comes from: the spec's params, a {placeholder} of its command, or ours
 */
public record ParamSpec(String name, ParamType type, Allowed allowed, Optional<String> defaultValue,
                        Optional<String> example, boolean required, Origin origin, boolean checked,
                        String description) {

    /** Where a parameter name comes from. */
    public enum Origin { SPEC, TEMPLATE, EXT }

    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(allowed, "allowed");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(example, "example");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(description, "description");
    }

    /**
     * The violation of this parameter's own table row by {@code value}, if any: the type always (an integer must be
     * an integer), the allowed values only when the catalog owns that rule.
     */
    public Optional<Violation> check(String actionId, String value) {
        String field = actionId + "." + name;
        switch (type) {
            case INTEGER -> {
                if (!isInt(value)) {
                    return Optional.of(Violation.of(field, value, "an integer (32-bit)", Sources.CONTROL_SPEC));
                }
            }
            case BOOLEAN -> {
                if (!value.equals("0") && !value.equals("1")) {
                    return Optional.of(Violation.of(field, value, "0 or 1", Sources.CONTROL_SPEC));
                }
            }
            case ENUM, STRING -> {
                // the value set, if any, is an Allowed rule below
            }
        }
        if (checked && !allowed.permits(value)) {
            String rule = allowed instanceof Allowed.Range ? "in the range " : "one of ";
            return Optional.of(Violation.of(field, value, rule + allowed.describe(), Sources.CONTROL_SPEC));
        }
        return Optional.empty();
    }

    private static boolean isInt(String value) {
        if (!value.matches("-?\\d{1,10}")) {
            return false;
        }
        long v = Long.parseLong(value);
        return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
    }

    /** A value outside {@link #allowed()} when it is a range, for tests and documentation. */
    public Optional<String> outOfRangeExample() {
        return allowed instanceof Allowed.Range r ? Optional.of(Long.toString(r.max() + 1)) : Optional.empty();
    }
}
