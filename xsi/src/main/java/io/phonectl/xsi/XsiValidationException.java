package io.phonectl.xsi;

import java.util.List;

/** A value breaks one or more rules of the specification. Lists every violation, not just the first. */
public final class XsiValidationException extends XsiException {

    private final List<Violation> violations;

    public XsiValidationException(List<Violation> violations) {
        super(Violation.summary(violations));
        this.violations = List.copyOf(violations);
    }

    public XsiValidationException(Violation violation) {
        this(List.of(violation));
    }

    public List<Violation> violations() {
        return violations;
    }
}
