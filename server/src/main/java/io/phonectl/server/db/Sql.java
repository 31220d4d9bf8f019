package io.phonectl.server.db;

import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.SqlStatement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

/**
 * The few conversions every store needs, written once so both drivers see the same types: instants are bound as
 * {@link OffsetDateTime} in UTC and read as {@link java.sql.Timestamp} ({@code TIMESTAMP WITH TIME ZONE} on both
 * databases), and constraint violations are recognised by their SQLSTATE, which H2 and PostgreSQL share.
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

    /** {@link #ts} bound on a plain JDBC statement (a batch written without Jdbi): a null is typed for both drivers. */
    public static void ts(java.sql.PreparedStatement statement, int position, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(position, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(position, ts(instant));
        }
    }

    /**
     * Read as a {@link java.sql.Timestamp}, an instant on both drivers for {@code TIMESTAMP WITH TIME ZONE}: H2 builds
     * an {@link OffsetDateTime} from a LocalDate, a LocalTime and a ZoneOffset, where a Timestamp is one object.
     * (PostgreSQL's driver has no {@code getObject(…, Instant.class)}.)
     */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** The same by position, for rows read often (a lookup by label upper-cases the label on every call in H2). */
    public static Instant instant(ResultSet rs, int column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** A nullable BOOLEAN column. */
    public static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean v = rs.getBoolean(column);
        return rs.wasNull() ? null : v;
    }

    public static Boolean bool(ResultSet rs, int column) throws SQLException {
        boolean v = rs.getBoolean(column);
        return rs.wasNull() ? null : v;
    }

    /** A nullable BIGINT column. */
    public static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    public static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /** Binds {@code args} to a statement's positional parameters from 0, in order. */
    public static <T extends SqlStatement<T>> T bind(T statement, List<?> args) {
        return bind(statement, args, 0);
    }

    /** Binds {@code args} to a statement's positional parameters from {@code from}, in order. */
    public static <T extends SqlStatement<T>> T bind(T statement, List<?> args, int from) {
        for (int i = 0; i < args.size(); i++) {
            statement.bind(from + i, args.get(i));
        }
        return statement;
    }

    /**
     * A BIGINT array for {@code = ANY(:ids)}, set through JDBC itself: jdbi's {@code bindArray} resolves the element
     * type's generics on every call, which cost as much as the query on a page of devices.
     */
    public static Argument bigints(Collection<Long> ids) {
        Long[] values = ids.toArray(Long[]::new);
        return (position, statement, ctx) -> statement.setArray(position,
                statement.getConnection().createArrayOf("bigint", values));
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
