package io.phonectl.media;

import io.phonectl.xsi.Violation;

import java.util.List;

/**
 * Root of every failure the media module reports for bad input: a WAV file ({@link WavFormatException}), an RTP
 * datagram ({@link RtpFormatException}), a ring/Play file ({@link RingFileException}). Unchecked. Each lists the
 * broken rules as {@link Violation}s (field, value, rule, source), the shape every module's validation messages share.
 */
public abstract sealed class MediaException extends RuntimeException
        permits WavFormatException, RtpFormatException, RingFileException {

    private final List<Violation> violations;

    protected MediaException(List<Violation> violations) {
        super(Violation.summary(violations));
        this.violations = List.copyOf(violations);
    }

    /** Every broken rule, in the order found. */
    public List<Violation> violations() {
        return violations;
    }
}
