package io.phonectl.cucm;

/**
 * Root of every failure the CUCM message layer reports: a document that is not the SOAP it should be
 * ({@link CucmParseException}) or a request value that breaks a rule ({@link CucmValidationException}).
 * Unchecked; messages never contain credentials.
 */
public abstract sealed class CucmException extends RuntimeException
        permits CucmParseException, CucmValidationException {

    protected CucmException(String message, Throwable cause) {
        super(message, cause);
    }
}
