package io.phonectl.media;

import io.phonectl.xsi.Violation;

import java.util.List;

/**
 * A ring tone or {@code Play:} file that breaks the control spec's rules (raw µ-law 8 kHz, 240–16080 samples, a
 * multiple of 240, zero crossings at both ends), or audio that cannot become one. Lists every broken rule.
 */
public final class RingFileException extends MediaException {

    public RingFileException(List<Violation> violations) {
        super(violations);
    }

    public RingFileException(Violation violation) {
        this(List.of(violation));
    }
}
