package io.phonectl.server.job;

import io.phonectl.server.db.Database;
import io.phonectl.server.testing.Databases;
import io.phonectl.server.http.Page;
import io.phonectl.server.http.Paging;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V74: a job's items have one index by state and outcome, {@code job_items_job_state_outcome (job_id, state, outcome,
 * id)}, instead of V21's two, on both databases; on H2 the claim's read, the counts and the job's end read it (the
 * claim in its order, so a claim reads only the rows it takes), and listing a job's items by outcome returns the same
 * items as before.
 */
class JobItemIndexTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Databases.class)
    void oneIndexByStateAndOutcomeReplacesTheTwo(Databases kind) {
        try (Database db = Database.open(kind.fresh(dir), null)) {
            List<String> indexes = db.jdbi().withHandle(h -> h.createQuery(kind == Databases.H2
                    ? "SELECT DISTINCT index_name FROM information_schema.indexes WHERE table_name = 'job_items'"
                    : "SELECT indexname FROM pg_indexes WHERE tablename = 'job_items'").mapTo(String.class).list());
            assertThat(indexes).contains("job_items_job_state_outcome", "job_items_device")
                    .doesNotContain("job_items_job_state", "job_items_job_outcome");
            String columns = db.jdbi().withHandle(h -> h.createQuery(kind == Databases.H2
                    ? "SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.index_columns "
                    + "WHERE table_name = 'job_items' AND index_name = 'job_items_job_state_outcome'"
                    : "SELECT indexdef FROM pg_indexes WHERE indexname = 'job_items_job_state_outcome'")
                    .mapTo(String.class).one());
            assertThat(columns.replace(" ", "")).contains("job_id,state,outcome,id");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Databases.class, names = "H2")
    void claimsCountsAndTheJobsEndReadTheIndex(Databases kind) {
        try (Database db = Database.open(kind.fresh(dir), null)) {
            long job = ItemClaimsTest.job(db);
            db.jdbi().useHandle(h -> {
                String claim = plan(h, ItemClaims.PENDING, job, 50);
                assertThat(claim).contains("job_items_job_state_outcome").contains("index sorted");
                assertThat(plan(h, JobStore.FINAL_COUNTS, job)).contains("job_items_job_state_outcome");
                assertThat(plan(h, JobStore.OPEN_COUNT, job, "pending")).contains("job_items_job_state_outcome");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void itemsListedByOutcomeAreTheFinalOnesWithIt(Databases kind) {
        try (Database db = Database.open(kind.fresh(dir), null)) {
            long job = ItemClaimsTest.job(db);
            List<Long> claimed = new ItemClaims(db).claim(job, "r-1", 10, null, PaceBy.SITE).items().stream()
                    .map(ClaimedItem::id).toList();
            db.jdbi().useHandle(h -> h.createUpdate("UPDATE job_items SET state = 'final', outcome = 'EXECUTED', "
                    + "success = TRUE, claimed_by = NULL WHERE id IN (<ids>)").bindList("ids", claimed.subList(0, 4))
                    .execute());
            JobViews views = new JobViews(db, null);
            Page<JobItem> executed = views.items(job, new JobViews.ItemFilter(List.of("EXECUTED"), List.of(), null),
                    new Paging(100, null));
            assertThat(executed.items()).extracting(JobItem::id).containsExactlyElementsOf(claimed.subList(0, 4));
            assertThat(executed.total()).isEqualTo(4);
            Page<JobItem> none = views.items(job, new JobViews.ItemFilter(List.of("EXECUTED"), List.of("pending"), null),
                    new Paging(100, null));
            assertThat(none.items()).isEmpty();
        }
    }

    private static String plan(Handle h, String sql, Object... args) {
        Query q = h.createQuery("EXPLAIN " + sql);
        for (int i = 0; i < args.length; i++) {
            q.bind(i, args[i]);
        }
        return q.mapTo(String.class).one();
    }
}
