package io.phonectl.server.db;

/** The database cannot be configured, reached or migrated; the message says which and never holds a password. */
public final class DatabaseException extends RuntimeException {
    public DatabaseException(String message) {
        super(message);
    }

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
