package io.phonectl.cucm;

/** Input that is not well-formed XML, not SOAP, not the expected message, or too large or deep. */
public final class CucmParseException extends CucmException {

    public CucmParseException(String message) {
        super(message, null);
    }

    public CucmParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
