package io.phonectl.cli.media;

import io.phonectl.cli.console.StatusLine;

import io.phonectl.client.paging.PagingProgress;
import io.phonectl.client.paging.PagingProgress.Phase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressBarTest {

    @ParameterizedTest(name = "{0} {4}/{5} -> {7}")
    @CsvSource(delimiter = '|', value = {
            "STARTING  | 10 | 3 | 0 | 0.0  | 5.0 | 0 | starting  3/10 phones answered",
            "STREAMING | 10 | 10 | 9 | 0.0 | 5.0 | 0 | paging    [------------------------------]   0.0/5.0 s  9 phones receiving",
            "STREAMING | 10 | 10 | 9 | 2.5 | 5.0 | 0 | paging    [###############---------------]   2.5/5.0 s  9 phones receiving",
            "STREAMING | 10 | 10 | 9 | 5.0 | 5.0 | 0 | paging    [##############################]   5.0/5.0 s  9 phones receiving",
            "STREAMING | 10 | 10 | 9 | 6.0 | 5.0 | 0 | paging    [##############################]   6.0/5.0 s  9 phones receiving",
            "STOPPING  | 10 | 10 | 0 | 5.0 | 5.0 | 4 | stopping  4 phones told to stop",
            "DONE      | 10 | 10 | 0 | 5.0 | 5.0 | 9 | done      5.0 s sent, 9 phones stopped"})
    void oneLinePerPhase(Phase phase, int phones, int answered, int receiving, double sent, double total, int stopped,
                         String expected) {
        assertThat(ProgressBar.line(new PagingProgress(phase, phones, answered, receiving, sent, total, stopped)).strip())
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "enabled={0}")
    @CsvSource({"true, 4", "false, 0"})
    void redrawsAreThrottledExceptOnPhaseChangesAndDoneEndsTheLine(boolean enabled, int expectedRedraws) {
        StringWriter err = new StringWriter();
        long[] now = {1_000_000_000L};
        ProgressBar bar = new ProgressBar(enabled ? new StatusLine(new PrintWriter(err), true, () -> now[0]) : null);
        for (int i = 0; i < 300; i++) { // 300 updates 1 ms apart on a terminal: drawn at 0, 100 and 200 ms only
            bar.progress(new PagingProgress(Phase.STREAMING, 1, 1, 1, i * 0.02, 2.0, 0));
            now[0] += 1_000_000L;
        }
        bar.progress(new PagingProgress(Phase.DONE, 1, 1, 0, 2.0, 2.0, 1)); // a phase change is always drawn
        assertThat(err.toString().chars().filter(c -> c == '\r').count()).isEqualTo(expectedRedraws);
        assertThat(err.toString().endsWith("\n")).isEqualTo(enabled);
    }
}
