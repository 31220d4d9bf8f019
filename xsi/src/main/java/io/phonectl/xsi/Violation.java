package io.phonectl.xsi;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

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

    /**
     * The message of an exception that lists {@code violations}: their messages joined by "; ". Every module's
     * validation exception words itself this way; a list of none is a bug in the caller.
     */
    public static String summary(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one violation");
        }
        return violations.stream().map(Violation::message).collect(Collectors.joining("; "));
    }

    @Override
    public String toString() {
        return message();
    }
}
