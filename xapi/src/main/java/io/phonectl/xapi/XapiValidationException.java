package io.phonectl.xapi;

import io.phonectl.xsi.Violation;

import java.util.List;

/** A path, value, command or message breaks one or more rules. Lists every violation, not just the first. */
public final class XapiValidationException extends XapiException {

    private final List<Violation> violations;

    public XapiValidationException(List<Violation> violations) {
        super(Violation.summary(violations));
        this.violations = List.copyOf(violations);
    }

    public XapiValidationException(Violation violation) {
        this(List.of(violation));
    }

    public static XapiValidationException of(String field, Object value, String rule, String source) {
        return new XapiValidationException(Violation.of(field, value, rule, source));
    }

    public List<Violation> violations() {
        return violations;
    }
}
