package io.phonectl.server.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The few conversions every store needs, written once so both drivers see the same types: instants are bound and
 * read as {@link OffsetDateTime} in UTC ({@code TIMESTAMP WITH TIME ZONE} on both databases), and constraint
 * violations are recognised by their SQLSTATE, which H2 and PostgreSQL share.
 */
public final class Sql {

    private Sql() {
    }

    /**
     * Both databases keep microseconds. Nanoseconds are cut here, not left to the driver: H2 rounds them, so a row
     * stamped "now" could compare as later than the same "now" bound in a query (a due time never due).
     */
    public static OffsetDateTime ts(Instant instant) {
        return instant == null ? null
                : OffsetDateTime.ofInstant(instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** A nullable BOOLEAN column. */
    public static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean v = rs.getBoolean(column);
        return rs.wasNull() ? null : v;
    }

    /** A nullable BIGINT column. */
    public static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /** SQLSTATE 23505: a UNIQUE constraint refused the row. */
    public static boolean uniqueViolation(Throwable e) {
        return sqlState(e, "23505");
    }

    /**
     * A FOREIGN KEY constraint refused the change: SQLSTATE 23503 (PostgreSQL, and H2 for a parent with children
     * left), or H2's 23506 (a child whose parent is missing).
     */
    public static boolean foreignKeyViolation(Throwable e) {
        return sqlState(e, "23503") || sqlState(e, "23506");
    }

    private static boolean sqlState(Throwable e, String state) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && state.equals(s.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * A LIKE pattern for a glob with {@code *} wildcards, to be used with {@code ESCAPE '!'}: LIKE's own wildcards and
     * the escape are escaped. Not the backslash: JDBI's statement lexer reads {@code '\'} as an open string.
     */
    public static String likePattern(String glob) {
        StringBuilder sb = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> sb.append('%');
                case '%', '_', '!' -> sb.append('!').append(c);
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
