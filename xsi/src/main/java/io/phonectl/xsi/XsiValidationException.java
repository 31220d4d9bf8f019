package io.phonectl.xsi;

import java.util.List;
import java.util.stream.Collectors;

/** A value breaks one or more rules of the specification. Lists every violation, not just the first. */
public final class XsiValidationException extends XsiException {

    private final List<Violation> violations;

    public XsiValidationException(List<Violation> violations) {
        super(describe(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public XsiValidationException(Violation violation) {
        this(List.of(violation));
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String describe(List<Violation> violations) {
        return violations.stream().map(Violation::message).collect(Collectors.joining("; "));
    }
}
