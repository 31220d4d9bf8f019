package io.phonectl.xsi.model;

import io.phonectl.xsi.UnsupportedByModelException;

import java.util.Objects;

/** The answer to "does this model support X": supported, or unsupported with the reason and its source. */
public sealed interface Support {

    Supported SUPPORTED = new Supported();

    boolean supported();

    /** Throws {@link UnsupportedByModelException} naming the model, the feature, the reason and the source. */
    default void orThrow(String model, String feature) {
        if (this instanceof Unsupported u) {
            throw new UnsupportedByModelException(model, feature, u.reason() + " (source: " + u.source() + ")");
        }
    }

    record Supported() implements Support {
        @Override
        public boolean supported() {
            return true;
        }
    }

    record Unsupported(String reason, String source) implements Support {
        public Unsupported {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(source, "source");
            if (reason.isBlank() || source.isBlank()) {
                throw new IllegalArgumentException("an unsupported answer needs a reason and a source");
            }
        }

        @Override
        public boolean supported() {
            return false;
        }
    }
}
