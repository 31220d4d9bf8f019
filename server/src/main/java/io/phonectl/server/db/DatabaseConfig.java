package io.phonectl.server.db;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the service keeps its data.
 *
 * @param jdbcUrl   {@code jdbc:h2:…} or {@code jdbc:postgresql:…}; see {@link #h2(Path)} and {@link #postgresql(String, String)}
 * @param user      database user ("" for H2's default)
 * @param password  database password, never printed ({@link #toString()} hides it)
 * @param poolSize  connections in the one HikariCP pool (default {@value #DEFAULT_POOL})
 */
public record DatabaseConfig(String jdbcUrl, String user, String password, int poolSize) {

    public static final int DEFAULT_POOL = 10;
    public static final int MAX_POOL = 200;
    /** The H2 database file's base name inside the data folder. */
    public static final String H2_FILE = "phonectl";

    public DatabaseConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new DatabaseException("database url = \"" + redact(jdbcUrl) + "\": must be a PostgreSQL "
                    + "(postgresql://host:port/db) or H2 URL");
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        if (poolSize < 1 || poolSize > MAX_POOL) {
            throw new DatabaseException("database poolSize = " + poolSize + ": must be 1.." + MAX_POOL);
        }
    }

    /**
     * H2 in a file of the data folder, in PostgreSQL mode so that the migrations and queries are the same.
     * The file is locked: a second server on the same folder is refused by H2. {@code WRITE_DELAY=0} writes each
     * commit to the file before it returns: with H2's default (500 ms) a killed process loses the commits of its last
     * half second (measured: 26 of 200 committed rows survived a kill), and a job's claims and outcomes must not.
     * {@code DB_CLOSE_ON_EXIT=FALSE}: the service closes its database itself, last, when it stops; H2's own shutdown
     * hook closed it first, in parallel with that stop, so a SIGTERM left the stop's last writes (the outcome
     * writer's final batch, the replica marking itself stopped) failing on a closed database.
     * {@code retry:}: H2's file system that reopens the file when a thread was interrupted during its I/O. With the
     * plain file, an interrupt that reaches a thread while H2 writes for it (a CUCM run stopped with the service, any
     * executor shut down with {@code shutdownNow}) closes the file channel, and H2 then closes the whole database for
     * every thread ("The database has been closed": CucmSourceApiTest failed so in a full build);
     * {@code DatabaseTest.aThreadInterruptedWhileItWritesLeavesTheDatabaseOpen}.
     */
    public static DatabaseConfig h2(Path dataDir) {
        return new DatabaseConfig("jdbc:h2:retry:" + dataDir.toAbsolutePath().resolve(H2_FILE)
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0"
                + ";DB_CLOSE_ON_EXIT=FALSE", "", "",
                DEFAULT_POOL);
    }

    /**
     * From the command line's {@code postgresql://host[:port]/db?user=…} (the {@code jdbc:} prefix is optional).
     * The password does not belong in the URL (it would show in process lists): it comes from
     * {@code PHONECTL_DB_PASSWORD} or a file, passed here.
     */
    public static DatabaseConfig postgresql(String url, String password) {
        String u = url.startsWith("jdbc:") ? url.substring(5) : url;
        if (!u.startsWith("postgresql://")) {
            throw new DatabaseException("--db = \"" + redact(url) + "\": expected postgresql://host[:port]/database?user=NAME");
        }
        URI uri;
        try {
            uri = URI.create(u);
        } catch (IllegalArgumentException e) {
            throw new DatabaseException("--db = \"" + redact(url) + "\": not a URL (" + e.getMessage() + ")");
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new DatabaseException("--db = \"" + redact(url) + "\": expected postgresql://host[:port]/database?user=NAME");
        }
        String user = "";
        StringBuilder rest = new StringBuilder();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (key.equals("password")) {
                    throw new DatabaseException("--db: a password in the URL is refused (process lists show it); "
                            + "set PHONECTL_DB_PASSWORD or --db-password-file");
                } else if (key.equals("user")) {
                    user = value;
                } else {
                    rest.append(rest.isEmpty() ? "?" : "&").append(pair);
                }
            }
        }
        String jdbc = "jdbc:postgresql://" + uri.getRawAuthority() + uri.getRawPath() + rest;
        return new DatabaseConfig(jdbc, user, password, DEFAULT_POOL);
    }

    public Dialect dialect() {
        return Dialect.of(jdbcUrl);
    }

    public DatabaseConfig withPoolSize(int size) {
        return new DatabaseConfig(jdbcUrl, user, password, size);
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public String toString() {
        return "DatabaseConfig[" + redact(jdbcUrl) + ", user=" + user + ", password=***, poolSize=" + poolSize + "]";
    }
}
