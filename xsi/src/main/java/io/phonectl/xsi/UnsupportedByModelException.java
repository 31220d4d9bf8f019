package io.phonectl.xsi;

/** The target model (or its firmware) does not support an object, URI or action; the message says why. */
public final class UnsupportedByModelException extends XsiException {

    private final String model;
    private final String feature;
    private final String reason;

    public UnsupportedByModelException(String model, String feature, String reason) {
        super(model + " does not support " + feature + ": " + reason);
        this.model = model;
        this.feature = feature;
        this.reason = reason;
    }

    public String model() {
        return model;
    }

    public String feature() {
        return feature;
    }

    public String reason() {
        return reason;
    }
}
