package io.phonectl.server.job;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class FinalFiguresTest {

    @Test
    void onlyDoneAndCancelledJobsAreKept() {
        FinalFigures figures = new FinalFigures();
        FinalFigures.Summary s = new FinalFigures.Summary(Map.of("EXECUTED", 3L), null);
        java.util.List<String> states = java.util.List.of("queued", "running", "done", "cancelled");
        for (int job = 0; job < states.size(); job++) {
            String state = states.get(job);
            AtomicInteger reads = new AtomicInteger();
            for (int i = 0; i < 2; i++) {
                figures.summary(job, state, () -> {
                    reads.incrementAndGet();
                    return s;
                });
            }
            assertThat(reads).as(state).hasValue(state.equals("done") || state.equals("cancelled") ? 1 : 2);
        }
    }

    @Test
    void aFinishedJobsFiguresAreReadOnceAndTheLeastRecentlyUsedGoFirst() {
        FinalFigures figures = new FinalFigures();
        AtomicInteger reads = new AtomicInteger();
        FinalFigures.Summary s = new FinalFigures.Summary(Map.of("EXECUTED", 3L), null);
        for (int i = 0; i < 3; i++) {
            assertThat(figures.summary(1, "done", () -> {
                reads.incrementAndGet();
                return s;
            })).isSameAs(s);
        }
        assertThat(reads).hasValue(1);
        // job 1 stays in use while more than the bound of other jobs pass through; job 2, read once, is dropped
        figures.summary(2, "done", () -> s);
        for (long job = 3; job < 3 + FinalFigures.MAX_ENTRIES; job++) {
            figures.summary(job, "done", () -> s);
            figures.summary(1, "done", () -> {
                reads.incrementAndGet();
                return s;
            });
        }
        assertThat(reads).as("job 1 never read again").hasValue(1);
        AtomicInteger again = new AtomicInteger();
        figures.summary(2, "done", () -> {
            again.incrementAndGet();
            return s;
        });
        assertThat(again).as("job 2 was dropped and read again").hasValue(1);
    }
}
