package io.phonectl.xapi;

/**
 * Root of every failure the xAPI protocol core reports. Unchecked: callers handle the subtypes they care about.
 * Messages never contain credentials.
 */
public abstract sealed class XapiException extends RuntimeException
        permits XapiParseException, XapiValidationException, XapiRpcException {

    protected XapiException(String message) {
        super(message);
    }

    protected XapiException(String message, Throwable cause) {
        super(message, cause);
    }
}
