package io.phonectl.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Map;

/**
 * The service's one database: a HikariCP pool (for H2 files too, so both databases behave alike under load),
 * Flyway migrations from {@code db/migration} applied at open, and JDBI on top. Version ranges by feature keep
 * parallel work from colliding: foundation V1–V19, jobs/events V20–V39, console V40–V49, notifications V50–V69,
 * replicas V70–V79, CUCM V80–V89.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final Dialect dialect;
    private final int migrationsApplied;
    private final Writes writes;
    /** This thread's read scope on PostgreSQL: the mark read in it, or {@link #UNREAD}; null outside a scope. */
    private final ThreadLocal<long[]> scopedMark = new ThreadLocal<>();
    private static final long UNREAD = -1;

    /**
     * The H2 databases this process has open, by URL: H2 lets a second pool of the same JVM share the file, and its
     * writes are not counted by the first one's {@link Writes}.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, H2File> OPEN_H2 =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** One H2 file's pools in this process; once two had it open, none of them is its only writer again. */
    private static final class H2File {
        int pools = 1;
        volatile boolean shared;
    }

    /** This pool's H2 file, or null (PostgreSQL). */
    private final H2File h2File;

    private Database(HikariDataSource pool, Dialect dialect, int migrationsApplied, H2File h2File) {
        this.pool = pool;
        this.dialect = dialect;
        this.migrationsApplied = migrationsApplied;
        this.h2File = h2File;
        this.jdbi = Jdbi.create(pool);
        this.writes = Writes.install(jdbi, dialect == Dialect.POSTGRESQL, () -> {
            long[] scoped = scopedMark.get();
            if (scoped != null) {
                scoped[0] = UNREAD; // this thread wrote: its next read reads the mark again
            }
        });
    }

    /** What this process has committed through {@link #jdbi()} (see {@link Writes}). */
    public Writes writes() {
        return writes;
    }

    /**
     * Whether what this {@code Database} commits is all that is written to the database: H2, whose file one process
     * holds, never opened by a second pool of this process while this one had it (never PostgreSQL, which other
     * replicas write too).
     */
    public boolean soleWriter() {
        return h2File != null && !h2File.shared;
    }

    /**
     * What the database holds, as a value that is equal again only when nothing has been committed since that a kept
     * answer ({@link ReadCache}) may depend on; null when there is no such value (an H2 file that a second pool of
     * this process writes too: then nothing is kept). On H2, written by this process alone ({@link #soleWriter()}):
     * how many writes this process has committed. On PostgreSQL, which other replicas write too: the shared
     * {@code write_mark}, which every replica's writes move ({@link Writes}).
     */
    public Object readVersion() {
        if (h2File != null) {
            return soleWriter() ? writes.committed() : null;
        }
        long[] scoped = scopedMark.get();
        if (scoped != null && scoped[0] != UNREAD) {
            return scoped[0];
        }
        long mark = jdbi.withHandle(h -> h.createQuery(Writes.READ_MARK).mapTo(Long.class).one());
        if (scoped != null) {
            scoped[0] = mark;
        }
        return mark;
    }

    /** An open read scope ({@link #readScope()}). */
    public interface ReadScope extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * A request's reads, on this thread until closed: on PostgreSQL the write mark is read once, at the first
     * {@link #readVersion()}, and that value serves the scope's later ones (a request's token and its page), unless
     * this thread writes meanwhile (its write moves the mark: the next read reads it again). Read after the request
     * arrived, the mark still covers every write its caller could have been told of. On H2 (its count is in memory)
     * and within a scope already open, nothing.
     */
    public ReadScope readScope() {
        if (h2File != null || scopedMark.get() != null) {
            return () -> {
            };
        }
        scopedMark.set(new long[]{UNREAD});
        return scopedMark::remove;
    }

    /** Opens the pool and migrates the schema; the registry gets the pool's meters (hikaricp_*). */
    public static Database open(DatabaseConfig config, MeterRegistry registry) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(config.jdbcUrl());
        if (!config.user().isEmpty()) {
            hc.setUsername(config.user());
        }
        if (!config.password().isEmpty()) {
            hc.setPassword(config.password());
        }
        hc.setMaximumPoolSize(config.poolSize());
        hc.setPoolName("phonectl-db");
        hc.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
        hc.setInitializationFailTimeout(Duration.ofSeconds(10).toMillis());
        if (registry != null) {
            hc.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new DatabaseException("cannot open the database " + config + ": " + rootMessage(e), e);
        }
        try {
            MigrateResult result = migrate(pool, config.dialect());
            H2File file = config.dialect() != Dialect.H2 ? null : OPEN_H2.compute(config.jdbcUrl(), (url, f) -> {
                if (f == null) {
                    return new H2File();
                }
                f.pools++;
                f.shared = true;
                return f;
            });
            return new Database(pool, config.dialect(), result.migrationsExecuted, file);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static MigrateResult migrate(DataSource ds, Dialect dialect) {
        try {
            // out of order: migrations are numbered by area (notifications V50–V69, replicas V70–V79, CUCM V80–V89),
            // so a database that already has V80 must still get a V63 or V70 merged after it
            return Flyway.configure().dataSource(ds).locations("classpath:db/migration")
                    .placeholders(Map.of("itemIdCache", dialect == Dialect.H2 ? "10000" : "1"))
                    .javaMigrations(new JobItemForeignKeys(dialect))
                    .failOnMissingLocations(true).outOfOrder(true).load().migrate();
        } catch (FlywayException e) {
            throw new DatabaseException("database migration failed: " + rootMessage(e), e);
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Dialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return pool;
    }

    /** How many migrations this open applied (0 when the schema was current). */
    public int migrationsApplied() {
        return migrationsApplied;
    }

    /** One round trip ({@code SELECT 1}); false when the database does not answer within the pool's timeout. */
    public boolean ping() {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (h2File != null && !pool.isClosed()) {
            // the last pool gone, a later open of the file starts as its only writer
            OPEN_H2.computeIfPresent(pool.getJdbcUrl(), (url, f) -> --f.pools > 0 ? f : null);
        }
        pool.close();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
