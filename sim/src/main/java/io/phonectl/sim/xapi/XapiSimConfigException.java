package io.phonectl.sim.xapi;

/** A simulator configuration value outside its limits; the message names field, value, rule and source. */
public final class XapiSimConfigException extends IllegalArgumentException {
    private final String field;

    public XapiSimConfigException(String field, Object value, String rule) {
        super(field + " = " + value + ": " + rule + " (source: phonectl xAPI simulator)");
        this.field = field;
    }

    public String field() { return field; }
}
