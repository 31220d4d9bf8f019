package io.phonectl.server.db;

import io.phonectl.server.testing.Databases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The count of committed writes moves after every commit through the service's jdbi, and an answer kept by
 * {@link ReadCache} is read again after any write: whoever was told that a write is done reads what it wrote.
 */
class ReadCacheTest {

    @TempDir
    Path dir;

    private static String name(Database db, long id) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT name FROM credentials WHERE id = ?").bind(0, id)
                .mapTo(String.class).one());
    }

    private static long credential(Database db, String name) {
        return db.jdbi().withHandle(h -> h.createUpdate("INSERT INTO credentials (name, username, key_id, nonce, sealed, "
                        + "created_at, updated_at) VALUES (?, 'u', 'k', ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                .bind(0, name).bind(1, new byte[]{1}).bind(2, new byte[]{2}).executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class).one());
    }

    @Test
    void everyKindOfWriteMovesTheCountAfterItsCommitAndReadsDoNot() throws Exception {
        try (Database db = Database.open(DatabaseConfig.h2(dir), null)) {
            Writes w = db.writes();
            long c0 = w.committed();
            db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM devices").mapTo(Long.class).one());
            db.jdbi().withHandle(h -> h.createQuery("  select 1").mapTo(Integer.class).one());
            assertThat(w.committed()).as("queries outside a transaction").isEqualTo(c0);
            // a transaction that only read is counted all the same (a commit is a commit)
            db.jdbi().inTransaction(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            long afterReads = w.committed();
            assertThat(afterReads).isGreaterThan(c0);
            long id = credential(db, "a"); // a statement outside a transaction
            long c1 = w.committed();
            assertThat(c1).isGreaterThan(afterReads);
            long[] inside = new long[1];
            db.jdbi().useTransaction(h -> {
                h.createUpdate("UPDATE credentials SET name = 'b' WHERE id = ?").bind(0, id).execute();
                // JDBC on the handle's connection, as the job store writes outcomes
                try (var s = h.getConnection().prepareStatement("UPDATE credentials SET username = 'v' WHERE id = ?")) {
                    s.setLong(1, id);
                    s.executeUpdate();
                }
                db.jdbi().useHandle(nested -> nested.createQuery("SELECT 1").mapTo(Integer.class).one());
                inside[0] = w.committed();
            });
            assertThat(inside[0]).as("not before the commit").isEqualTo(c1);
            long c2 = w.committed();
            assertThat(c2).isGreaterThan(c1);
            // a nested transaction is the outer one's: counted when the outer commits
            db.jdbi().useTransaction(h -> {
                h.inTransaction(inner -> inner.createUpdate("UPDATE credentials SET name = 'c' WHERE id = ?")
                        .bind(0, id).execute());
                inside[0] = w.committed();
            });
            assertThat(inside[0]).isEqualTo(c2);
            assertThat(w.committed()).isGreaterThan(c2);
            // what a caller declares outside the count
            long c3 = w.committed();
            Writes.uncounted(() -> db.jdbi().withHandle(h -> h.createUpdate("UPDATE replicas SET heartbeat_at = "
                    + "CURRENT_TIMESTAMP WHERE id = 'none'").execute()));
            assertThat(w.committed()).isEqualTo(c3);
            db.jdbi().useHandle(h -> h.execute("DELETE FROM credentials WHERE id = ?", id));
            assertThat(w.committed()).isGreaterThan(c3);
        }
    }

    /** A read of the credential set's name that counts itself. */
    private static java.util.function.Supplier<String> counted(Database db, long id, AtomicInteger reads) {
        return () -> {
            reads.incrementAndGet();
            return name(db, id);
        };
    }

    /** The same database through a second pool: on PostgreSQL, another replica. */
    private static Database another(Database db) throws java.sql.SQLException {
        return Database.open(new DatabaseConfig(db.jdbi().withHandle(h -> h.getConnection().getMetaData().getURL()),
                "postgres", "", 2), null);
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void anAnswerIsKeptUntilTheNextWrite(Databases kind) throws Exception {
        try (Database db = Database.open(kind.fresh(dir), null)) {
            long id = credential(db, "first");
            AtomicInteger reads = new AtomicInteger();
            ReadCache<Long, String> cache = new ReadCache<>(db, 10, v -> 1);
            java.util.function.Supplier<String> read = counted(db, id, reads);
            assertThat(cache.get(id, read)).isEqualTo("first");
            assertThat(cache.get(id, read)).isEqualTo("first");
            assertThat(reads.get()).as("read once, then kept").isEqualTo(1);
            db.jdbi().useHandle(h -> h.createUpdate("UPDATE credentials SET name = 'second' WHERE id = ?")
                    .bind(0, id).execute());
            assertThat(cache.get(id, read)).isEqualTo("second");
            assertThat(reads.get()).isEqualTo(2);
            if (kind == Databases.POSTGRESQL) {
                try (Database other = another(db)) {
                    // another replica's reads, its transactions that wrote nothing or were rolled back, and what it
                    // writes outside the count (a device's live state, its heartbeat) change nothing
                    assertThat(name(other, id)).isEqualTo("second");
                    other.jdbi().useTransaction(h -> h.createQuery("SELECT count(*) FROM devices").mapTo(Long.class)
                            .one());
                    try {
                        other.jdbi().useTransaction(h -> {
                            h.createUpdate("UPDATE credentials SET name = 'never' WHERE id = ?").bind(0, id).execute();
                            throw new IllegalStateException("rolled back");
                        });
                    } catch (IllegalStateException expected) {
                        // the transaction and its mark are undone together
                    }
                    Writes.uncounted(() -> other.jdbi().withHandle(h -> h.createUpdate("INSERT INTO replicas (id, "
                            + "host, pid, started_at, heartbeat_at) VALUES ('r', 'h', 1, CURRENT_TIMESTAMP, "
                            + "CURRENT_TIMESTAMP)").execute()));
                    assertThat(cache.get(id, read)).isEqualTo("second");
                    assertThat(reads.get()).as("still kept").isEqualTo(2);
                    // what it writes is read at once: a statement, a transaction, JDBC on a transaction's connection
                    other.jdbi().useHandle(h -> h.createUpdate("UPDATE credentials SET name = 'third' WHERE id = ?")
                            .bind(0, id).execute());
                    assertThat(cache.get(id, read)).isEqualTo("third");
                    long before = (Long) other.readVersion();
                    other.jdbi().useTransaction(h -> h.createUpdate("UPDATE credentials SET name = 'fourth' "
                            + "WHERE id = ?").bind(0, id).execute());
                    assertThat((Long) other.readVersion()).as("a transaction moves the mark once").isEqualTo(before + 1);
                    assertThat(cache.get(id, read)).isEqualTo("fourth");
                    other.jdbi().useTransaction(h -> {
                        try (var st = h.getConnection().prepareStatement("UPDATE credentials SET name = 'fifth' "
                                + "WHERE id = ?")) {
                            st.setLong(1, id);
                            st.executeUpdate();
                        }
                    });
                    assertThat(cache.get(id, read)).isEqualTo("fifth");
                    assertThat(reads.get()).isEqualTo(5);
                }
            }
        }
    }

    /**
     * Within a read scope (a request) the mark is read once on PostgreSQL: another replica's write after that is seen
     * by the next scope, this thread's own write at once.
     */
    @ParameterizedTest
    @EnumSource(Databases.class)
    void aScopeReadsTheMarkOnceUnlessItsThreadWrites(Databases kind) throws Exception {
        try (Database db = Database.open(kind.fresh(dir), null)) {
            long id = credential(db, "first");
            AtomicInteger reads = new AtomicInteger();
            ReadCache<Long, String> cache = new ReadCache<>(db, 10, v -> 1);
            java.util.function.Supplier<String> read = counted(db, id, reads);
            try (Database other = kind == Databases.POSTGRESQL ? another(db) : null) {
                Database writer = other == null ? db : other;
                try (Database.ReadScope scope = db.readScope()) {
                    assertThat(cache.get(id, read)).isEqualTo("first");
                    writer.jdbi().useHandle(h -> h.createUpdate("UPDATE credentials SET name = 'second' WHERE id = ?")
                            .bind(0, id).execute());
                    // on PostgreSQL another replica's write during the request is not seen by it (the request reads
                    // what was there when it first asked); on H2 the writer is this process: seen at once
                    assertThat(cache.get(id, read)).isEqualTo(kind == Databases.POSTGRESQL ? "first" : "second");
                    // this thread's own write is seen at once
                    db.jdbi().useTransaction(h -> h.createUpdate("UPDATE credentials SET name = 'third' WHERE id = ?")
                            .bind(0, id).execute());
                    assertThat(cache.get(id, read)).isEqualTo("third");
                }
                writer.jdbi().useHandle(h -> h.createUpdate("UPDATE credentials SET name = 'fourth' WHERE id = ?")
                        .bind(0, id).execute());
                try (Database.ReadScope scope = db.readScope()) {
                    assertThat(cache.get(id, read)).as("the next request").isEqualTo("fourth");
                    try (Database.ReadScope nested = db.readScope()) {
                        assertThat(cache.get(id, read)).isEqualTo("fourth");
                    }
                    assertThat(cache.get(id, read)).isEqualTo("fourth");
                }
                assertThat(reads.get()).isEqualTo(kind == Databases.POSTGRESQL ? 3 : 4);
            }
        }
    }

    /**
     * A second pool of this JVM on the same H2 file writes uncounted by the first: neither keeps anything then, nor
     * after the second is closed (what it wrote was never counted by the first).
     */
    @Test
    void twoPoolsOnOneH2FileKeepNothing() {
        try (Database db = Database.open(DatabaseConfig.h2(dir), null)) {
            assertThat(db.soleWriter()).isTrue();
            long id = credential(db, "one");
            ReadCache<Long, String> cache = new ReadCache<>(db, 10, v -> 1);
            assertThat(cache.get(id, () -> name(db, id))).isEqualTo("one");
            try (Database other = Database.open(DatabaseConfig.h2(dir), null)) {
                assertThat(db.soleWriter()).isFalse();
                assertThat(other.soleWriter()).isFalse();
                other.jdbi().useHandle(h -> h.createUpdate("UPDATE credentials SET name = 'two' WHERE id = ?")
                        .bind(0, id).execute());
                assertThat(cache.get(id, () -> name(db, id))).isEqualTo("two");
                other.jdbi().useHandle(h -> h.createUpdate("UPDATE credentials SET name = 'three' WHERE id = ?")
                        .bind(0, id).execute());
            }
            assertThat(db.soleWriter()).isFalse();
            assertThat(cache.get(id, () -> name(db, id))).isEqualTo("three");
        }
        // a database opened again once every pool of it is closed is its only writer again
        try (Database again = Database.open(DatabaseConfig.h2(dir), null)) {
            assertThat(again.soleWriter()).isTrue();
        }
    }

    @Test
    void keepsAtMostItsWeight() {
        try (Database db = Database.open(DatabaseConfig.h2(dir), null)) {
            ReadCache<Integer, Integer> cache = new ReadCache<>(db, 10, v -> 3);
            for (int i = 0; i < 20; i++) {
                int k = i;
                assertThat(cache.get(k, () -> k * 2)).isEqualTo(k * 2);
                assertThat(cache.size()).isLessThanOrEqualTo(3);
            }
        }
    }

    /** An answer that weighs nothing is not kept: a flood of them (made-up tokens) does not empty the cache. */
    @Test
    void answersOfNoWeightAreReadEveryTimeAndEvictNothing() {
        try (Database db = Database.open(DatabaseConfig.h2(dir), null)) {
            ReadCache<Integer, Integer> cache = new ReadCache<>(db, 2, v -> v < 0 ? 0 : 1);
            java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
            java.util.function.IntFunction<java.util.function.Supplier<Integer>> reading = v -> () -> {
                reads.incrementAndGet();
                return v;
            };
            cache.get(1, reading.apply(10));
            for (int i = 0; i < 50; i++) {
                assertThat(cache.get(-i - 1, reading.apply(-1))).isEqualTo(-1);
            }
            assertThat(cache.get(-1, reading.apply(-1))).isEqualTo(-1);
            assertThat(reads.get()).as("each answer of no weight read, the same key again too").isEqualTo(52);
            assertThat(cache.get(1, reading.apply(99))).as("the kept answer is still kept").isEqualTo(10);
            assertThat(reads.get()).isEqualTo(52);
            assertThat(cache.size()).isEqualTo(1);
        }
    }

    /**
     * A writer renames a credential set again and again; readers that start after a rename returned read that name
     * or a later one, never an earlier one. On PostgreSQL the writer is another replica (a second pool).
     */
    @ParameterizedTest
    @EnumSource(Databases.class)
    void readersStartedAfterAWriteReturnedNeverSeeWhatWasBeforeIt(Databases kind) throws Exception {
        try (Database db = Database.open(kind.fresh(dir), null);
             Database other = kind == Databases.H2 ? null : another(db)) {
            Database writer = other == null ? db : other;
            long id = credential(db, "n0");
            ReadCache<Long, String> cache = new ReadCache<>(db, 10, v -> 1);
            java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Integer>> readers = new ArrayList<>();
                for (int r = 0; r < 3; r++) {
                    readers.add(pool.submit(() -> {
                        int checked = 0;
                        long floor;
                        do {
                            floor = done.get(); // every rename up to this one has returned
                            String seen = cache.get(id, () -> name(db, id));
                            assertThat(Long.parseLong(seen.substring(1))).isGreaterThanOrEqualTo(floor);
                            checked++;
                        } while (floor < 300);
                        return checked;
                    }));
                }
                for (long n = 1; n <= 300; n++) {
                    long next = n;
                    writer.jdbi().useTransaction(h -> h.createUpdate("UPDATE credentials SET name = ? WHERE id = ?")
                            .bind(0, "n" + next).bind(1, id).execute());
                    done.set(next);
                }
                for (Future<Integer> r : readers) {
                    assertThat(r.get(60, TimeUnit.SECONDS)).isPositive();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
