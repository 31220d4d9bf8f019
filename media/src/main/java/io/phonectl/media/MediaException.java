package io.phonectl.media;

/**
 * Root of every failure the media module reports for bad input (WAV files, RTP datagrams). Unchecked.
 * Subtypes: {@code WavFormatException}, {@code RtpFormatException}. Messages name the field, the value, the rule and where the rule comes from.
 */
public abstract class MediaException extends RuntimeException {
    // not sealed: the subtypes live in their feature packages, and sealing across packages needs JPMS modules

    protected MediaException(String field, Object value, String rule, String source) {
        super(field + " = \"" + value + "\": " + rule + " (source: " + source + ")");
    }
}
