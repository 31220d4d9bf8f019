package io.phonectl.media;

import io.phonectl.xsi.Violation;

import java.util.List;

/** A datagram that is not a well-formed RTP packet (RFC 3550 §5.1). */
public final class RtpFormatException extends MediaException {
    public static final String SOURCE = "RFC 3550 §5.1";

    public RtpFormatException(String field, Object value, String rule) {
        super(List.of(Violation.of(field, value, rule, SOURCE)));
    }
}
