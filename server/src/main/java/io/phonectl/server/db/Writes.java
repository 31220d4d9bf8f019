package io.phonectl.server.db;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many writes this process has committed through {@link Database#jdbi()}: a number that grows after every commit
 * of a transaction (whatever its statements, JDBC on the handle's connection included) and after every statement
 * outside one that is not a {@code SELECT}. Nothing committed through this process's handles can be missed: a reader
 * that reads the number, then the database, and finds the same number the next time knows that nothing this process
 * wrote has committed since (the number moves after the commit, before the writer's caller goes on). Writes from
 * elsewhere (another process on the same PostgreSQL, db-scheduler's own connection to its own table) are not counted
 * in it.
 *
 * <p>On PostgreSQL, where other replicas write too, every such write also moves the database's {@code write_mark}
 * (V5), the number all replicas read ({@link Database#readVersion()}). It is a sequence: moving it takes no lock
 * (a row would make every write of every replica wait for each other's commits), and it moves at once for everyone,
 * whatever transaction asks. So it moves right <em>after</em> the commit, before the writer's caller goes on (moved
 * before, a reader could read it, then what was there before the commit, and keep that under the new number). A
 * transaction moves it only when it wrote something (PostgreSQL gives an id only to a transaction that writes:
 * asked as its last statement); a statement outside a transaction that is not a {@code SELECT} always moves it.
 * Writes that do not go through these handles (an administrator's own SQL) are not seen until the next one that does.
 */
public final class Writes {

    private static final Logger LOG = LoggerFactory.getLogger(Writes.class);
    /** Moves the shared mark (PostgreSQL). */
    private static final String MARK = "SELECT nextval('write_mark')";
    /** Whether the transaction so far has written (PostgreSQL: it holds a transaction id). */
    private static final String WROTE = "SELECT pg_current_xact_id_if_assigned() IS NOT NULL";
    /** What {@link Database#readVersion()} reads on PostgreSQL: the mark, 0 before it ever moved. */
    static final String READ_MARK = "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM write_mark";

    private final AtomicLong committed = new AtomicLong();
    /** Set while a caller writes only tables of its own (see {@link #uncounted}). */
    private static final ThreadLocal<Boolean> UNCOUNTED = new ThreadLocal<>();

    /**
     * Counts what {@code jdbi} commits from now on; on PostgreSQL moves the shared mark too ({@code shared}), and
     * tells {@code moved} on the writing thread each time it did.
     */
    static Writes install(Jdbi jdbi, boolean shared, Runnable moved) {
        Writes w = new Writes();
        jdbi.setTransactionHandler(new Counting(jdbi.getTransactionHandler(), w.committed, shared, moved));
        jdbi.addCustomizer(new StatementCustomizer() {
            @Override
            public void afterExecution(PreparedStatement stmt, StatementContext ctx) {
                if (UNCOUNTED.get() == null && !inTransaction(ctx) && !query(ctx.getRawSql())) {
                    if (shared) {
                        mark(ctx.getConnection(), moved);
                    }
                    w.committed.incrementAndGet();
                }
            }
        });
        return w;
    }

    /**
     * Moves the shared mark after a commit, on the writer's connection (JDBC: not a statement of jdbi's, so not
     * counted again). A failure is logged, not thrown: the write is stored, and the next write moves the mark.
     */
    private static void mark(Connection c, Runnable moved) {
        moved.run();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(MARK)) {
            rs.next();
        } catch (SQLException e) {
            LOG.error("a write committed but the write mark did not move: other replicas may answer from what they "
                    + "kept until the next write ({})", e.getMessage());
        }
    }

    /** Whether the transaction on this handle has written so far (PostgreSQL), asked as its last statement. */
    private static boolean wrote(Handle h) {
        try (Statement s = h.getConnection().createStatement(); ResultSet rs = s.executeQuery(WROTE)) {
            return rs.next() && rs.getBoolean(1);
        } catch (SQLException e) {
            throw new DatabaseException("asking whether the transaction wrote failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} without counting what it commits: only for writes to tables that nothing read through this
     * number depends on (a device's mirrored live state, the replica's heartbeat, the event stream), which would
     * otherwise move it many times a second. Everything else counts; a write left out here wrongly would leave a
     * reader with an old answer, so the callers are few and each names its tables.
     */
    public static <T> T uncounted(java.util.function.Supplier<T> work) {
        Boolean before = UNCOUNTED.get();
        UNCOUNTED.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            if (before == null) {
                UNCOUNTED.remove();
            }
        }
    }

    /** The writes committed so far. */
    public long committed() {
        return committed.get();
    }

    private static boolean inTransaction(StatementContext ctx) {
        try {
            return !ctx.getConnection().getAutoCommit();
        } catch (SQLException e) {
            return false; // counted: a number that moves too often costs a read, one that does not move is wrong
        }
    }

    /** A statement that only reads: {@code SELECT …} (a {@code WITH} may write, and counts). */
    static boolean query(String sql) {
        return sql != null && sql.stripLeading().regionMatches(true, 0, "SELECT", 0, 6);
    }

    /** A transaction run by the delegate. */
    @FunctionalInterface
    private interface Transaction<R, X extends Exception> {
        R run() throws X;
    }

    /** Jdbi's transaction handler, counting each outermost commit after it happened. */
    private record Counting(TransactionHandler delegate, AtomicLong committed, boolean shared, Runnable moved)
            implements TransactionHandler {

        @Override
        public void begin(Handle handle) {
            delegate.begin(handle);
        }

        /**
         * Every commit, of {@code inTransaction} and of an explicit {@code begin}: on PostgreSQL it asks, as the
         * transaction's last statement, whether the transaction wrote, and if it did moves the shared mark once the
         * commit is done.
         */
        @Override
        public void commit(Handle handle) {
            boolean wrote = shared && UNCOUNTED.get() == null && wrote(handle);
            delegate.commit(handle);
            if (wrote) {
                mark(handle.getConnection(), moved);
            }
            count();
        }

        private void count() {
            if (UNCOUNTED.get() == null) {
                committed.incrementAndGet();
            }
        }

        @Override
        public void rollback(Handle handle) {
            delegate.rollback(handle);
        }

        @Override
        public boolean isInTransaction(Handle handle) {
            return delegate.isInTransaction(handle);
        }

        @Override
        public void savepoint(Handle handle, String name) {
            delegate.savepoint(handle, name);
        }

        @Override
        public void rollbackToSavepoint(Handle handle, String name) {
            delegate.rollbackToSavepoint(handle, name);
        }

        @Override
        public void releaseSavepoint(Handle handle, String name) {
            delegate.releaseSavepoint(handle, name);
        }

        // Jdbi's inTransaction commits through Handle.commit, which is this handler's commit: the mark moves there
        @Override
        public <R, X extends Exception> R inTransaction(Handle handle, HandleCallback<R, X> callback) throws X {
            return counted(handle, () -> delegate.inTransaction(handle, callback));
        }

        @Override
        public <R, X extends Exception> R inTransaction(Handle handle, TransactionIsolationLevel level,
                                                        HandleCallback<R, X> callback) throws X {
            return counted(handle, () -> delegate.inTransaction(handle, level, callback));
        }

        /** Runs a transaction; when it is the outermost, counts it once it has ended. */
        private <R, X extends Exception> R counted(Handle handle, Transaction<R, X> transaction) throws X {
            boolean outermost = !delegate.isInTransaction(handle);
            try {
                return transaction.run();
            } finally {
                if (outermost) {
                    count(); // committed or rolled back: counting a rollback costs a read
                }
            }
        }

        @Override
        public TransactionHandler specialize(Handle handle) throws SQLException {
            return new Counting(delegate.specialize(handle), committed, shared, moved);
        }
    }
}
