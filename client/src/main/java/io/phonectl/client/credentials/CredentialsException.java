package io.phonectl.client.credentials;

/** Credentials could not be found or are unusable. The message names the source, never a password. */
public final class CredentialsException extends RuntimeException {
    public CredentialsException(String message) {
        super(message);
    }
}
