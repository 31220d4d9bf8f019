package io.phonectl.xsi.action;

import java.util.List;
import java.util.Objects;

/** A variable of the control spec: an HTTP header (or URL token) the phone honours. */
public record VariableSpec(String id, ParamType type, List<String> values, String description) {
    public VariableSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        values = List.copyOf(values);
        Objects.requireNonNull(description, "description");
    }
}
