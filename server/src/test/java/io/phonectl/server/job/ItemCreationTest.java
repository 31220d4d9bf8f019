package io.phonectl.server.job;

import io.phonectl.server.db.Database;
import io.phonectl.server.http.Json;
import io.phonectl.server.replica.ReplicaConfig;
import io.phonectl.server.replica.Replicas;
import io.phonectl.server.testing.Databases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A job's items inserted in chunks (the first with the job's row, the rest while it may already send), on both
 * databases, with chunks of 3 then 4 over 25 devices: every target device gets exactly one item, in device-id order,
 * whatever the target's form; the job cannot finish while items are still to come; a creation whose creator stopped
 * in the middle is taken over where it stopped, once; a cancel during creation ends the later items cancelled.
 */
class ItemCreationTest {

    private static final int DEVICES = 25;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Databases.class)
    void everyTargetDeviceGetsOneItemInIdOrderChunkByChunk(Databases kind) {
        try (Database db = Database.open(kind.fresh(dir), null); Replicas r = Replicas.start(db, ReplicaConfig.defaults())) {
            List<Long> devices = devices(db);
            AtomicInteger told = new AtomicInteger();
            ItemCreation creation = creation(db, r, told);
            Map<JobTarget, List<Long>> targets = Map.of(
                    new JobTarget(true, null, null, null), devices,
                    new JobTarget(null, "name=p1*", null, null), // p1, p10..p19 (devices are p0..p24 in id order)
                    java.util.stream.Stream.concat(java.util.stream.Stream.of(devices.get(1)),
                            devices.subList(10, 20).stream()).toList(),
                    new JobTarget(null, null, List.of(devices.get(20), devices.get(2), devices.get(7), devices.get(2)),
                            null), List.of(devices.get(2), devices.get(7), devices.get(20)));
            for (var t : targets.entrySet()) {
                told.set(0);
                ItemCreation.Started s = start(db, creation, t.getKey());
                List<Long> expected = t.getValue();
                assertThat(s.total()).as("the target's size, before its items are all in").isEqualTo(expected.size());
                assertThat(itemDevices(db, s.id())).as("the first chunk commits with the job")
                        .containsExactlyElementsOf(expected.subList(0, Math.min(3, expected.size())));
                assertThat(creatingBy(db, s.id())).isEqualTo(expected.size() > 3 ? r.id() : null);
                assertThat(creation.open(s.id())).isEqualTo(expected.size() > 3);
                creation.complete(s);
                assertThat(itemDevices(db, s.id())).as("one item per device, in id order")
                        .containsExactlyElementsOf(expected);
                assertThat(creatingBy(db, s.id())).isNull();
                assertThat(creation.open(s.id())).isFalse();
                assertThat(total(db, s.id())).isEqualTo(expected.size());
                assertThat(told.get()).as("told after each later chunk and at the end")
                        .isEqualTo(expected.size() > 3 ? (expected.size() - 3 + 3) / 4 + 1 : 1);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void aStartWhoseTransactionRollsBackLeavesNoCreationBehind(Databases kind) {
        try (Database db = Database.open(kind.fresh(dir), null); Replicas r = Replicas.start(db, ReplicaConfig.defaults())) {
            devices(db);
            ItemCreation creation = creation(db, r, new AtomicInteger());
            JobTarget all = new JobTarget(true, null, null, null);
            ObjectNode json = Json.mapper().valueToTree(all);
            long[] id = new long[1];
            assertThatThrownBy(() -> db.jdbi().useTransaction(h -> {
                id[0] = creation.start(h, "t", "object_text", new JobSpec("object_text", Map.of(), null),
                        JobOptions.DEFAULTS, json, "test", null, new ItemTargets(null, 1_000).where(h, all),
                        Instant.now()).id();
                assertThat(creation.open(id[0])).as("counted as this replica's until the end").isTrue();
                throw new IllegalStateException("what the caller links to the job failed");
            })).hasMessageContaining("links to the job failed");
            assertThat(creation.open(id[0])).as("rolled back: nothing is being created").isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void aJobCannotFinishWhileItsItemsAreStillComing(Databases kind) {
        try (Database db = Database.open(kind.fresh(dir), null); Replicas r = Replicas.start(db, ReplicaConfig.defaults())) {
            devices(db);
            ItemCreation creation = creation(db, r, new AtomicInteger());
            ItemCreation.Started s = start(db, creation, new JobTarget(true, null, null, null));
            JobStore store = new JobStore(db, r);
            db.jdbi().useHandle(h -> h.createUpdate("UPDATE jobs SET state = 'running' WHERE id = ?").bind(0, s.id())
                    .execute());
            store.finishPending(s.id(), Outcomes.CANCELLED, "test", Instant.now());
            assertThat(store.finish(s.id(), Instant.now())).as("3 items in, all final, 22 to come").isFalse();
            creation.complete(s);
            store.finishPending(s.id(), Outcomes.CANCELLED, "test", Instant.now());
            assertThat(store.finish(s.id(), Instant.now())).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void aCreationWhoseCreatorStoppedIsTakenOverWhereItStoppedOnce(Databases kind) {
        try (Database db = Database.open(kind.fresh(dir), null)) {
            List<Long> devices = devices(db);
            Replicas first = Replicas.start(db, ReplicaConfig.defaults());
            ItemCreation a = creation(db, first, new AtomicInteger());
            ItemCreation.Started s = start(db, a, new JobTarget(true, null, null, null));
            try (Replicas second = Replicas.start(db, ReplicaConfig.defaults())) {
                ItemCreation b = creation(db, second, new AtomicInteger());
                if (kind == Databases.POSTGRESQL) { // on H2 a replica's start marks the others stopped (one process)
                    assertThat(b.open(s.id())).as("its creator is alive and at work").isTrue();
                    assertThat(b.resumeIfOrphaned(s.id())).isFalse();
                }
                first.close(); // stopped in the middle: 3 of 25 items in
                assertThat(b.open(s.id())).isFalse();
                assertThat(b.resumeIfOrphaned(s.id())).isTrue();
                assertThat(itemDevices(db, s.id())).containsExactlyElementsOf(devices);
                assertThat(creatingBy(db, s.id())).isNull();
                assertThat(total(db, s.id())).isEqualTo(DEVICES);
                assertThat(b.resumeIfOrphaned(s.id())).as("nothing left to take over").isFalse();
                a.complete(s); // the first creator's thread going on after all: its chunks roll back
                assertThat(itemDevices(db, s.id())).containsExactlyElementsOf(devices);

                // this replica's own creation whose thread is gone (it failed): taken over by its next run here
                ItemCreation.Started t = start(db, b, new JobTarget(null, null, devices.subList(5, 20), null));
                b.forget(t.id());
                assertThat(b.open(t.id())).isFalse();
                assertThat(b.resumeIfOrphaned(t.id())).isTrue();
                assertThat(itemDevices(db, t.id())).containsExactlyElementsOf(devices.subList(5, 20));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void aCancelDuringCreationEndsTheItemsInsertedAfterItCancelled(Databases kind) {
        try (Database db = Database.open(kind.fresh(dir), null); Replicas r = Replicas.start(db, ReplicaConfig.defaults())) {
            devices(db);
            ItemCreation creation = creation(db, r, new AtomicInteger());
            ItemCreation.Started s = start(db, creation, new JobTarget(true, null, null, null));
            db.jdbi().useHandle(h -> h.createUpdate("UPDATE jobs SET cancel_requested = TRUE WHERE id = ?")
                    .bind(0, s.id()).execute());
            creation.complete(s);
            Map<String, Long> byState = db.jdbi().withHandle(h -> h.createQuery("SELECT coalesce(outcome, state) AS k, "
                            + "count(*) AS n FROM job_items WHERE job_id = ? GROUP BY coalesce(outcome, state)")
                    .bind(0, s.id()).map((rs, ctx) -> Map.entry(rs.getString("k"), rs.getLong("n")))
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
            assertThat(byState).as("nothing left pending: what came after the cancel was never claimable")
                    .isEqualTo(Map.of(Outcomes.CANCELLED, (long) DEVICES));
        }
    }

    private static ItemCreation creation(Database db, Replicas r, AtomicInteger told) {
        return new ItemCreation(db, r, new ItemTargets(null, 1_000), Clock.systemUTC(), id -> told.incrementAndGet(), 3,
                4);
    }

    private static ItemCreation.Started start(Database db, ItemCreation creation, JobTarget target) {
        ObjectNode json = Json.mapper().valueToTree(target);
        return db.jdbi().inTransaction(h -> creation.start(h, "t", "object_text", new JobSpec("object_text", Map.of(),
                null), JobOptions.DEFAULTS, json, "test", null, new ItemTargets(null, 1_000).where(h, target), Instant.now()));
    }

    /** Devices p0..p24, their ids in that order. */
    private static List<Long> devices(Database db) {
        db.jdbi().useHandle(h -> ItemClaimsTest.devices(h, DEVICES));
        return db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM devices ORDER BY id").mapTo(Long.class).list());
    }

    private static List<Long> itemDevices(Database db, long job) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT device_id FROM job_items WHERE job_id = ? ORDER BY id")
                .bind(0, job).mapTo(Long.class).list());
    }

    private static String creatingBy(Database db, long job) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT creating_by FROM jobs WHERE id = ?").bind(0, job)
                .mapTo(String.class).one());
    }

    private static int total(Database db, long job) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT total FROM jobs WHERE id = ?").bind(0, job)
                .mapTo(Integer.class).one());
    }
}
