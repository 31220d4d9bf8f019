package io.phonectl.xsi;

import java.util.Objects;

/**
 * One broken rule: which field, the offending value, the rule it breaks and where the rule comes from
 * (see {@link Sources}).
 */
public record Violation(String field, String value, String rule, String source) {

    private static final int MAX_VALUE_SHOWN = 60;

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(source, "source");
        value = value == null ? "(absent)" : value;
    }

    public static Violation of(String field, Object value, String rule, String source) {
        return new Violation(field, value == null ? null : String.valueOf(value), rule, source);
    }

    /** {@code Title = "…": at most 32 characters (source: …)}; long values are shortened. */
    public String message() {
        String shown = value.length() > MAX_VALUE_SHOWN
                ? value.substring(0, MAX_VALUE_SHOWN) + "…(" + value.length() + " chars)"
                : value;
        return field + " = \"" + shown + "\": " + rule + " (source: " + source + ")";
    }

    @Override
    public String toString() {
        return message();
    }
}
