package io.phonectl.xsi.object;

import io.phonectl.xsi.Violation;
import io.phonectl.xsi.XsiValidationException;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every violation of one object so that a caller sees all problems at once, then throws a single
 * {@link XsiValidationException}. Shared by objects and component messages so each rule is written once.
 */
public final class Checks {

    private final List<Violation> violations = new ArrayList<>();

    public Checks add(Violation v) {
        violations.add(v);
        return this;
    }

    public void add(String field, Object value, String rule, String source) {
        violations.add(Violation.of(field, value, rule, source));
    }

    public void required(String field, Object value, String source) {
        if (value == null || (value instanceof String s && s.isEmpty())) {
            add(field, null, "is required", source);
        }
    }

    public void maxLength(String field, String value, int max, String source) {
        if (value != null && value.length() > max) {
            add(field, value, "at most " + max + " characters, got " + value.length(), source);
        }
    }

    public void range(String field, Integer value, int min, int max, String source) {
        if (value != null && (value < min || value > max)) {
            add(field, value, "must be " + min + ".." + max, source);
        }
    }

    public void maxCount(String field, List<?> items, int max, String source) {
        if (items.size() > max) {
            add(field, items.size() + " items", "at most " + max + " items", source);
        }
    }

    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    public void throwIfAny() {
        if (!violations.isEmpty()) {
            throw new XsiValidationException(violations);
        }
    }
}
