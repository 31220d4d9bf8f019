package io.phonectl.server.live;

import io.phonectl.server.db.Database;
import io.phonectl.server.testing.Databases;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The poll's phones of a second: XSI phones only, by {@code id mod period}, from the registry as read at most once per
 * reread interval (not a scan of every device each second), and changes seen once it is read again.
 */
class XsiPollerTest {

    static final long PERIOD = 4;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Databases.class)
    void aSecondsPhonesComeFromTheRegistryAsLastReadUntilItIsReadAgain(Databases kind) {
        try (Database db = Database.open(kind.fresh(dir), null);
             XsiPoller kept = new XsiPoller(db, null, Clock.systemUTC(), PERIOD, Duration.ofHours(1));
             XsiPoller fresh = new XsiPoller(db, null, Clock.systemUTC(), PERIOD, Duration.ZERO)) {
            List<Long> phones = db.jdbi().inTransaction(h -> List.of(device(h, "p0", "xsi"), device(h, "p1", "xsi"),
                    device(h, "p2", "xsi"), device(h, "p3", "xsi"), device(h, "p4", "xsi")));
            long room = db.jdbi().inTransaction(h -> device(h, "room", "roomos"));
            for (long slot = 0; slot < PERIOD; slot++) {
                long s = slot;
                List<Long> expected = phones.stream().filter(id -> id % PERIOD == s).toList();
                assertThat(ids(kept.due(slot))).as("slot %d", slot).containsExactlyElementsOf(expected);
                assertThat(ids(fresh.due(slot))).containsExactlyElementsOf(expected);
            }
            assertThat(kept.due(room % PERIOD)).extracting(Map.Entry::getKey).doesNotContain(room);
            assertThat(kept.due(phones.getFirst() % PERIOD)).contains(Map.entry(phones.getFirst(),
                    "127.0.0.1:" + (20_000 + phones.getFirst())));

            long added = db.jdbi().inTransaction(h -> device(h, "p5", "xsi"));
            db.jdbi().useHandle(h -> h.createUpdate("DELETE FROM devices WHERE id = ?").bind(0, phones.getFirst())
                    .execute());
            // read at most once an hour: the slot is what the registry held then
            assertThat(ids(kept.due(added % PERIOD))).doesNotContain(added);
            assertThat(ids(kept.due(phones.getFirst() % PERIOD))).contains(phones.getFirst());
            // read again: the new phone is due in its second, the deleted one is not
            assertThat(ids(fresh.due(added % PERIOD))).contains(added);
            assertThat(ids(fresh.due(phones.getFirst() % PERIOD))).doesNotContain(phones.getFirst());
        }
    }

    private static List<Long> ids(List<Map.Entry<Long, String>> due) {
        return due.stream().map(Map.Entry::getKey).sorted().toList();
    }

    /** A device of {@code kind}; its address names a port derived from its id. */
    private static long device(Handle h, String name, String kind) {
        long id = h.createUpdate("INSERT INTO devices (name, kind, host, port, address, model, created_at, updated_at) "
                        + "VALUES (?, ?, '127.0.0.1', 1, '', ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                .bind(0, name).bind(1, kind).bind(2, kind.equals("xsi") ? "CP-8845" : "roomos")
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        h.createUpdate("UPDATE devices SET address = ? WHERE id = ?").bind(0, "127.0.0.1:" + (20_000 + id)).bind(1, id)
                .execute();
        return id;
    }
}
