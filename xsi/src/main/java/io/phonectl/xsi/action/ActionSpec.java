package io.phonectl.xsi.action;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One action of the control spec: its id, kind, what it sends (the spec's command, in one line) and parameters.
 */
public record ActionSpec(String id, ActionKind kind, String sends, String label, List<ParamSpec> params) {

    public ActionSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sends, "sends");
        Objects.requireNonNull(label, "label");
        params = List.copyOf(params);
    }

    public Optional<ParamSpec> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The example value of every parameter that has one: a complete, valid set for {@code build}. */
    public Map<String, String> exampleParams() {
        Map<String, String> out = new LinkedHashMap<>();
        for (ParamSpec p : params) {
            p.example().ifPresent(v -> out.put(p.name(), v));
        }
        return out;
    }
}
