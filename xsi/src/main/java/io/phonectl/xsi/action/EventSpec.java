package io.phonectl.xsi.action;

import java.util.Objects;

/** An event of the control spec: the handler attribute or message that triggers it and the payload posted. */
public record EventSpec(String id, String trigger, String payload, String notes) {
    public EventSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(notes, "notes");
    }
}
