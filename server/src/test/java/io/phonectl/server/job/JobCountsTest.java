package io.phonectl.server.job;

import io.phonectl.server.db.Database;
import io.phonectl.server.testing.Databases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job's counts read from the two indexes (final items by outcome, open ones by state) on both databases: the same
 * figures as one {@code GROUP BY} over the job's rows, outcomes sorted first, and another job's items not counted.
 */
class JobCountsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Databases.class)
    void countsAreTheFinalItemsByOutcomeThenTheOpenOnesByState(Databases kind) {
        try (Database db = Database.open(kind.fresh(dir), null)) {
            long job = ItemClaimsTest.job(db);
            long other = ItemClaimsTest.job(db);
            new ItemClaims(db).claim(job, "r-1", 50, null, PaceBy.SITE);
            db.jdbi().useHandle(h -> {
                end(h, job, "EXECUTED", 0, 20);
                end(h, job, "CANCELLED", 20, 30);
                end(h, job, "UNREACHABLE", 100, 101); // a pending one ended (a deadline's way)
                end(h, other, "EXECUTED", 0, 3);
            });
            Map<String, Long> counts = db.jdbi().withHandle(h -> JobStore.counts(h, job));
            assertThat(counts).containsExactly(Map.entry("CANCELLED", 10L), Map.entry("EXECUTED", 20L),
                    Map.entry("UNREACHABLE", 1L), Map.entry("in_flight", 20L), Map.entry("pending", 69L));
            Map<String, Long> grouped = new LinkedHashMap<>();
            db.jdbi().useHandle(h -> h.createQuery("SELECT coalesce(outcome, state), count(*) FROM job_items "
                            + "WHERE job_id = ? GROUP BY coalesce(outcome, state)").bind(0, job)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .forEach(e -> grouped.put(e.getKey(), e.getValue())));
            assertThat(counts).isEqualTo(grouped);
            Map<String, Long> others = db.jdbi().withHandle(h -> JobStore.counts(h, other));
            assertThat(others).containsExactly(Map.entry("EXECUTED", 3L), Map.entry("pending", 117L));
        }
    }

    /** Items {@code from} to {@code to} (by id order within the job) end with {@code outcome}. */
    private static void end(org.jdbi.v3.core.Handle h, long job, String outcome, int from, int to) {
        h.createUpdate("UPDATE job_items SET state = 'final', outcome = ?, success = ?, claimed_by = NULL "
                        + "WHERE id IN (SELECT id FROM job_items WHERE job_id = ? ORDER BY id OFFSET ? ROWS "
                        + "FETCH FIRST ? ROWS ONLY)")
                .bind(0, outcome).bind(1, outcome.equals("EXECUTED")).bind(2, job).bind(3, from).bind(4, to - from)
                .execute();
    }
}
