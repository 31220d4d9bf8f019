package io.phonectl.server.job;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class FinalFiguresTest {

    @Test
    void onlyDoneAndCancelledJobsAreFinal() {
        assertThat(FinalFigures.isFinal("done")).isTrue();
        assertThat(FinalFigures.isFinal("cancelled")).isTrue();
        assertThat(FinalFigures.isFinal("running")).isFalse();
        assertThat(FinalFigures.isFinal("queued")).isFalse();
    }

    @Test
    void aFinishedJobsFiguresAreReadOnceAndTheLeastRecentlyUsedGoFirst() {
        FinalFigures figures = new FinalFigures();
        AtomicInteger reads = new AtomicInteger();
        FinalFigures.Summary s = new FinalFigures.Summary(Map.of("EXECUTED", 3L), null);
        for (int i = 0; i < 3; i++) {
            assertThat(figures.summary(1, () -> {
                reads.incrementAndGet();
                return s;
            })).isSameAs(s);
        }
        assertThat(reads).hasValue(1);
        // job 1 stays in use while more than the bound of other jobs pass through; job 2, read once, is dropped
        figures.summary(2, () -> s);
        for (long job = 3; job < 3 + FinalFigures.MAX_ENTRIES; job++) {
            figures.summary(job, () -> s);
            figures.summary(1, () -> {
                reads.incrementAndGet();
                return s;
            });
        }
        assertThat(reads).as("job 1 never read again").hasValue(1);
        AtomicInteger again = new AtomicInteger();
        figures.summary(2, () -> {
            again.incrementAndGet();
            return s;
        });
        assertThat(again).as("job 2 was dropped and read again").hasValue(1);
    }
}
