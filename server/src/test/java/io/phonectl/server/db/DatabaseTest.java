package io.phonectl.server.db;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.phonectl.server.testing.Databases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Databases.class)
    void migratesOnceAndReopensWithoutChanges(Databases kind) {
        DatabaseConfig config = kind.fresh(dir);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (Database db = Database.open(config, meters)) {
            assertThat(db.migrationsApplied()).isGreaterThanOrEqualTo(4);
            assertThat(db.ping()).isTrue();
            assertThat(db.dialect().name()).isEqualTo(kind.name());
            List<String> tables = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT lower(table_name) FROM information_schema.tables WHERE lower(table_schema) = 'public'")
                    .mapTo(String.class).list());
            assertThat(tables).contains("users", "sessions", "api_tokens", "audit_log", "credentials", "devices",
                    "device_tags", "device_groups", "group_members");
            assertThat(meters.find("hikaricp.connections").gauge()).isNotNull();
        }
        try (Database db = Database.open(config, null)) {
            assertThat(db.migrationsApplied()).isZero();
        }
    }

    /**
     * Migrations are numbered by area, and areas merge in any order: a database that already has V80 (CUCM) must
     * still get V63 (paging) and V70 (replicas), which a later version brings. Without out-of-order migration,
     * Flyway refuses to start on such a database.
     */
    @ParameterizedTest
    @EnumSource(Databases.class)
    void aDatabaseWithALaterAreaStillGetsEarlierNumberedMigrations(Databases kind) throws Exception {
        DatabaseConfig config = kind.fresh(dir.resolve("db"));
        Path older = dir.resolve("older-version");
        java.nio.file.Files.createDirectories(older);
        Path all = Path.of(Database.class.getResource("/db/migration").toURI());
        try (var files = java.nio.file.Files.list(all)) {
            for (Path f : files.toList()) {
                int version = Integer.parseInt(f.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"));
                if (version <= 62 || version == 80) {
                    java.nio.file.Files.copy(f, older.resolve(f.getFileName()));
                }
            }
        }
        org.flywaydb.core.Flyway.configure().dataSource(config.jdbcUrl(), config.user(), config.password())
                .locations("filesystem:" + older).load().migrate();
        try (Database db = Database.open(config, null)) {
            assertThat(db.migrationsApplied()).as("V63, V70, V71, V81 and any later below V80").isGreaterThanOrEqualTo(4);
            long replicas = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM replicas")
                    .mapTo(Long.class).one());
            assertThat(replicas).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void constraintsHoldOnBoth(Databases kind) {
        try (Database db = Database.open(kind.fresh(dir), null)) {
            db.jdbi().useHandle(h -> h.execute("INSERT INTO users (name, role, password_hash, must_change_password, "
                    + "created_at, updated_at) VALUES ('a', 'admin', 'x', TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"));
            assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute("INSERT INTO users (name, role, password_hash, "
                    + "must_change_password, created_at, updated_at) VALUES ('a', 'viewer', 'x', TRUE, "
                    + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"))).hasMessageContaining("users_name_unique");
            assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute("INSERT INTO users (name, role, password_hash, "
                    + "must_change_password, created_at, updated_at) VALUES ('b', 'root', 'x', TRUE, "
                    + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"))).hasMessageContaining("users_role_known");
        }
    }

    /**
     * V73: on H2 the device foreign key of the job items uses V21's index on device_id instead of one of its own (no
     * two indexes on the same columns; five, not six; four since V74 made one index of V21's two by state and outcome);
     * on both databases they still act: a job's items go with it, a deleted device leaves its items without an id,
     * an item of no job is refused.
     */
    @ParameterizedTest
    @EnumSource(Databases.class)
    void jobItemForeignKeysHoldWithoutIndexesOfTheirOwn(Databases kind) {
        try (Database db = Database.open(kind.fresh(dir), null)) {
            if (kind == Databases.H2) {
                List<String> indexes = db.jdbi().withHandle(h -> h.createQuery("SELECT string_agg(column_name, ',' "
                        + "ORDER BY ordinal_position) FROM information_schema.index_columns WHERE table_name = "
                        + "'job_items' GROUP BY index_name").mapTo(String.class).list());
                assertThat(indexes).hasSize(4).doesNotHaveDuplicates();
            }
            db.jdbi().useHandle(h -> {
                h.execute("INSERT INTO devices (name, kind, host, port, address, model, created_at, updated_at) "
                        + "VALUES ('p1', 'xsi', '127.0.0.1', 8001, '127.0.0.1:8001', 'CP-8845', CURRENT_TIMESTAMP, "
                        + "CURRENT_TIMESTAMP), ('p2', 'xsi', '127.0.0.1', 8002, '127.0.0.1:8002', 'CP-8845', "
                        + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
                for (String job : List.of("1", "2")) {
                    h.execute("INSERT INTO jobs (id, state, action, spec, options, target, total, created_by, created_at) "
                            + "VALUES (" + job + ", 'queued', 'object_text', '{}', '{}', '{}', 2, 't', CURRENT_TIMESTAMP)");
                    h.execute("INSERT INTO job_items (job_id, device_id, name, address, model, kind, state, queued_at) "
                            + "SELECT " + job + ", id, name, address, model, kind, 'pending', CURRENT_TIMESTAMP FROM devices");
                }
                h.execute("DELETE FROM devices WHERE name = 'p1'");
                h.execute("DELETE FROM jobs WHERE id = 1");
            });
            List<String> left = db.jdbi().withHandle(h -> h.createQuery("SELECT job_id || ' ' || name || ' ' || "
                    + "coalesce(CAST(device_id AS VARCHAR(20)), 'none') FROM job_items ORDER BY job_id, name")
                    .mapTo(String.class).list());
            assertThat(left).hasSize(2).first().asString().isEqualTo("2 p1 none");
            assertThat(left.get(1)).startsWith("2 p2 ").doesNotEndWith("none");
            assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute("INSERT INTO job_items (job_id, name, "
                    + "address, model, kind, state, queued_at) VALUES (99, 'x', 'x', 'x', 'xsi', 'pending', "
                    + "CURRENT_TIMESTAMP)"))).isInstanceOf(RuntimeException.class);
        }
    }

    /**
     * An interrupt that reaches a thread while H2 writes for it (an executor shut down with shutdownNow) leaves the
     * database open for every other thread (with the plain file system H2 closed the whole database).
     */
    @Test
    void aThreadInterruptedWhileItWritesLeavesTheDatabaseOpen() throws Exception {
        try (Database db = Database.open(DatabaseConfig.h2(dir), null)) {
            db.jdbi().useHandle(h -> h.execute("CREATE TABLE interrupted (n INTEGER)"));
            CountDownLatch writing = new CountDownLatch(1);
            // retry: may take the interrupt in and go on writing, so the loop ends on this flag, not on the interrupt
            AtomicBoolean stop = new AtomicBoolean();
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < 1_000_000 && !stop.get(); i++) {
                        int n = i;
                        db.jdbi().useHandle(h -> h.execute("INSERT INTO interrupted VALUES (?)", n));
                        writing.countDown();
                    }
                } catch (RuntimeException e) {
                    // the interrupted thread's own statement may fail; the others' must not
                }
            });
            assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 20 && writer.isAlive(); i++) {
                writer.interrupt();
                writer.join(java.time.Duration.ofMillis(50));
            }
            stop.set(true);
            writer.join(java.time.Duration.ofSeconds(30));
            assertThat(writer.isAlive()).isFalse();
            db.jdbi().useHandle(h -> h.execute("INSERT INTO interrupted VALUES (-1)"));
            long after = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM interrupted WHERE n = -1")
                    .mapTo(Long.class).one());
            assertThat(after).isEqualTo(1);
        }
    }

    @Test
    void postgresqlUrlFromTheCommandLine() {
        DatabaseConfig c = DatabaseConfig.postgresql("postgresql://db.example:5433/fleet?user=ops&sslmode=require", "pw");
        assertThat(c.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5433/fleet?sslmode=require");
        assertThat(c.user()).isEqualTo("ops");
        assertThat(c.toString()).doesNotContain("pw");
        assertThatThrownBy(() -> DatabaseConfig.postgresql("postgresql://h/db?user=u&password=secret1", ""))
                .isInstanceOf(DatabaseException.class).hasMessageNotContaining("secret1");
        assertThatThrownBy(() -> DatabaseConfig.postgresql("mysql://h/db", "")).hasMessageContaining("postgresql://");
        assertThatThrownBy(() -> new DatabaseConfig("jdbc:h2:mem:x", "", "", 0)).hasMessageContaining("1..200");
    }
}
