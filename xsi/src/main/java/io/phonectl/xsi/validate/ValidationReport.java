package io.phonectl.xsi.validate;

import io.phonectl.xsi.UnsupportedByModelException;
import io.phonectl.xsi.Violation;
import io.phonectl.xsi.XsiValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything wrong with an object, URI or action: broken rules ({@link Violation}s) and features the target
 * model lacks ({@link Unsupported}, with the model catalog's reason and source). Empty means valid.
 */
public record ValidationReport(List<Violation> violations, List<Unsupported> unsupported) {

    /** A feature the model does not support, as the model catalog explains it. */
    public record Unsupported(String model, String feature, String reason, String source) {
        public Unsupported {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(feature, "feature");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(source, "source");
        }

        /** {@code model = "CP-7841": does not support Display:Off:60: <reason> (source: …)}. */
        public String message() {
            return "model = \"" + model + "\": does not support " + feature + ": " + reason + " (source: " + source + ")";
        }
    }

    public static final ValidationReport OK = new ValidationReport(List.of(), List.of());

    public ValidationReport {
        violations = List.copyOf(violations);
        unsupported = List.copyOf(unsupported);
    }

    public boolean ok() {
        return violations.isEmpty() && unsupported.isEmpty();
    }

    /** One message per finding: violations first, then unsupported features. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        violations.forEach(v -> out.add(v.message()));
        unsupported.forEach(u -> out.add(u.message()));
        return out;
    }

    /** All findings on one line, separated by "; ". */
    public String oneLine() {
        return String.join("; ", lines());
    }

    /** Throws {@link XsiValidationException} for violations, else {@link UnsupportedByModelException}; no-op if ok. */
    public void throwIfAny() {
        if (!violations.isEmpty()) {
            throw new XsiValidationException(violations);
        }
        if (!unsupported.isEmpty()) {
            Unsupported u = unsupported.get(0);
            throw new UnsupportedByModelException(u.model(), u.feature(), u.reason() + " (source: " + u.source() + ")");
        }
    }

    /** Collects findings while a validation runs. */
    static final class Builder {
        private final List<Violation> violations = new ArrayList<>();
        private final List<Unsupported> unsupported = new ArrayList<>();

        Builder violation(Violation v) {
            violations.add(v);
            return this;
        }

        Builder violations(List<Violation> vs) {
            violations.addAll(vs);
            return this;
        }

        Builder unsupported(Unsupported u) {
            unsupported.add(u);
            return this;
        }

        ValidationReport build() {
            return new ValidationReport(violations, unsupported);
        }
    }
}
