package io.phonectl.xsi.action;

import java.util.List;
import java.util.Objects;

/** A macro of the control spec: an ordered list of steps. */
public record MacroSpec(String id, String label, List<MacroStep> steps) {
    public MacroSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        steps = List.copyOf(steps);
    }
}
