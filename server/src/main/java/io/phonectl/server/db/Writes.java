package io.phonectl.server.db;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many writes this process has committed through {@link Database#jdbi()}: a number that grows after every commit
 * of a transaction (whatever its statements, JDBC on the handle's connection included) and after every statement
 * outside one that is not a {@code SELECT}. Nothing committed through this process's handles can be missed: a reader
 * that reads the number, then the database, and finds the same number the next time knows that nothing this process
 * wrote has committed since (the number moves after the commit, before the writer's caller goes on). Writes from
 * elsewhere (another process on the same PostgreSQL, db-scheduler's own connection to its own table) are not counted:
 * only a database that this process alone writes (H2, whose file one process holds) may be read through it.
 */
public final class Writes {

    private final AtomicLong committed = new AtomicLong();
    /** Set while a caller writes only tables of its own (see {@link #uncounted}). */
    private static final ThreadLocal<Boolean> UNCOUNTED = new ThreadLocal<>();

    /** Counts what {@code jdbi} commits from now on. */
    static Writes install(Jdbi jdbi) {
        Writes w = new Writes();
        jdbi.setTransactionHandler(new Counting(jdbi.getTransactionHandler(), w.committed));
        jdbi.addCustomizer(new StatementCustomizer() {
            @Override
            public void afterExecution(PreparedStatement stmt, StatementContext ctx) {
                if (UNCOUNTED.get() == null && !inTransaction(ctx) && !query(ctx.getRawSql())) {
                    w.committed.incrementAndGet();
                }
            }
        });
        return w;
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
    private record Counting(TransactionHandler delegate, AtomicLong committed) implements TransactionHandler {

        @Override
        public void begin(Handle handle) {
            delegate.begin(handle);
        }

        @Override
        public void commit(Handle handle) {
            delegate.commit(handle);
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
            return new Counting(delegate.specialize(handle), committed);
        }
    }
}
