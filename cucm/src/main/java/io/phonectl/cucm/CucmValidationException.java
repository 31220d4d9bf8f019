package io.phonectl.cucm;

/** A request value that breaks a rule; the message names the field, the value, the rule and where it comes from. */
public final class CucmValidationException extends CucmException {

    private final String field;

    public CucmValidationException(String field, Object value, String rule, String source) {
        super(field + " = " + value + ": " + rule + " (" + source + ")", null);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
