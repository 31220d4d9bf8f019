package io.phonectl.server.job;

import io.phonectl.server.db.Database;
import io.phonectl.server.testing.Databases;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claim on both databases (H2: no row locks, claimers of one store serialized in the JVM, the UPDATE conditional
 * on pending; PostgreSQL: {@code FOR UPDATE SKIP LOCKED}): items leave in id order, each once, with their device's
 * credentials reference, and claimers that the JVM lock does not order (two stores) still never take an item twice.
 */
class ItemClaimsTest {

    private static final int ITEMS = 120;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Databases.class)
    void claimsTakeThePendingItemsInIdOrderOnceEachAndSayWhenNoneAreLeft(Databases kind) {
        try (Database db = Database.open(kind.fresh(dir), null)) {
            long job = job(db);
            ItemClaims claims = new ItemClaims(db);
            List<Long> taken = new ArrayList<>();
            JobStore.Claim c;
            int rounds = 0;
            do {
                c = claims.claim(job, "r-1", 50, null, PaceBy.SITE);
                taken.addAll(c.items().stream().map(ClaimedItem::id).toList());
                rounds++;
            } while (c.more() && rounds < 10);
            assertThat(rounds).as("50 + 50 + 20: the short batch says none are left").isEqualTo(3);
            assertThat(taken).hasSize(ITEMS).doesNotHaveDuplicates().isSorted();
            assertThat(claims.claim(job, "r-1", 50, null, PaceBy.SITE).items()).isEmpty();
            ClaimedItem first = claims.claim(job(db), "r-1", 1, null, PaceBy.SITE).items().getFirst();
            assertThat(first.user()).isEqualTo("ops");
            assertThat(first.deviceId()).isNotNull();
            long held = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM job_items WHERE job_id = ? AND "
                    + "state = 'in_flight' AND claimed_by = 'r-1'").bind(0, job).mapTo(Long.class).one());
            assertThat(held).isEqualTo(ITEMS);
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void claimersTheJvmLockDoesNotOrderStillNeverTakeAnItemTwice(Databases kind) throws InterruptedException {
        try (Database db = Database.open(kind.fresh(dir).withPoolSize(8), null)) {
            long job = job(db);
            ConcurrentLinkedQueue<String> taken = new ConcurrentLinkedQueue<>();
            List<Thread> threads = new ArrayList<>();
            for (int s = 0; s < 2; s++) {
                ItemClaims claims = new ItemClaims(db); // a store of its own: its own lock
                String replica = "r-" + s;
                for (int t = 0; t < 3; t++) {
                    threads.add(Thread.ofPlatform().start(() -> {
                        for (int round = 0; round < 200; round++) {
                            JobStore.Claim c = claims.claim(job, replica, 7, null, PaceBy.SITE);
                            c.items().forEach(i -> taken.add(i.id() + " " + replica));
                            if (!c.more()) {
                                return;
                            }
                        }
                    }));
                }
            }
            for (Thread t : threads) {
                t.join();
            }
            assertThat(taken.stream().map(s -> s.split(" ")[0]).toList()).hasSize(ITEMS).doesNotHaveDuplicates();
            // what each claimer was given is what the database says it holds
            for (String t : taken) {
                String[] f = t.split(" ");
                String holder = db.jdbi().withHandle(h -> h.createQuery("SELECT claimed_by FROM job_items WHERE id = ?")
                        .bind(0, Long.parseLong(f[0])).mapTo(String.class).one());
                assertThat(holder).isEqualTo(f[1]);
            }
        }
    }

    /** A running job with one pending item per device of {@value #ITEMS} (made on first use), as creation makes them. */
    static long job(Database db) {
        return db.jdbi().inTransaction(h -> {
            if (h.createQuery("SELECT count(*) FROM devices").mapTo(Long.class).one() == 0) {
                devices(h, ITEMS);
            }
            long id = h.createUpdate("INSERT INTO jobs (state, action, spec, options, target, total, created_by, "
                            + "created_at) VALUES ('running', 'object_text', '{}', '{}', '{}', ?, 'test', CURRENT_TIMESTAMP)")
                    .bind(0, ITEMS).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            h.createUpdate("INSERT INTO job_items (job_id, device_id, name, address, model, kind, site, state, "
                    + "queued_at) SELECT ?, d.id, d.name, d.address, d.model, d.kind, d.site, 'pending', "
                    + "CURRENT_TIMESTAMP FROM devices d ORDER BY d.id").bind(0, id).execute();
            return id;
        });
    }

    /** Devices p0..p(n-1), CP-8845 at loopback ports from 20,000, user {@code ops}: what job items are made of. */
    static void devices(org.jdbi.v3.core.Handle h, int n) {
        PreparedBatch b = h.prepareBatch("INSERT INTO devices (name, kind, host, port, address, model, username, "
                + "created_at, updated_at) VALUES (?, 'xsi', '127.0.0.1', ?, ?, 'CP-8845', 'ops', "
                + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        for (int i = 0; i < n; i++) {
            b.bind(0, "p" + i).bind(1, 20_000 + i).bind(2, "127.0.0.1:" + (20_000 + i)).add();
        }
        b.execute();
    }
}
