package io.phonectl.xsi;

/**
 * Root of every failure the XSI model reports. Unchecked: callers handle the subtypes they care about.
 * Messages never contain credentials.
 */
public abstract sealed class XsiException extends RuntimeException
        permits XsiValidationException, XsiParseException, UnsupportedByModelException {

    protected XsiException(String message) {
        super(message);
    }

    protected XsiException(String message, Throwable cause) {
        super(message, cause);
    }
}
