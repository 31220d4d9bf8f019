package io.phonectl.media;

import io.phonectl.xsi.Violation;

import java.util.List;

/** A WAV file that cannot be read or converted: names the field, the value, the rule and its source. */
public final class WavFormatException extends MediaException {
    public static final String SOURCE = "RIFF/WAVE PCM format (Microsoft multimedia spec)";

    public WavFormatException(String field, Object value, String rule) {
        super(List.of(Violation.of(field, value, rule, SOURCE)));
    }
}
