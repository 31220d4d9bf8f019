package io.phonectl.server.db;

/**
 * The two databases the service runs on. The migrations are written once for both (H2 runs in
 * {@code MODE=PostgreSQL}); this names the few places where a statement must still differ.
 */
public enum Dialect {
    H2, POSTGRESQL;

    /** From a JDBC URL; anything but {@code jdbc:h2:} and {@code jdbc:postgresql:} is refused by {@link DatabaseConfig}. */
    static Dialect of(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:h2:") ? H2 : POSTGRESQL;
    }
}
