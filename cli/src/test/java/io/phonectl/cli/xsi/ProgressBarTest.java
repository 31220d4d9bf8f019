package io.phonectl.cli.xsi;

import io.phonectl.client.fleet.FleetProgress;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Redraw in place on a terminal, rate-limited lines elsewhere, and always the final state; a fake clock. */
class ProgressBarTest {

    static FleetProgress progress(int done, int total) {
        return new FleetProgress(total, done, done, 0, 0, total - done, 64, 0, Duration.ofSeconds(1), done,
                done == 0 ? null : Duration.ofSeconds(total - done));
    }

    /** Feeds 100 results, 5 ms apart, to a bar; returns what it wrote. */
    static String run(boolean terminal) {
        StringWriter out = new StringWriter();
        AtomicLong now = new AtomicLong();
        ProgressBar bar = new ProgressBar(new PrintWriter(out), terminal, now::get);
        for (int i = 1; i <= 100; i++) {
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(5));
            bar.onResult(null, progress(i, 100));
        }
        bar.finish();
        return out.toString();
    }

    @Test
    void notATerminalPrintsALineAtMostEverySecondAndTheLast() {
        String text = run(false);
        // 500 ms of results: the first line, then only the final one
        assertThat(text.split("\n")).hasSize(2);
        assertThat(text).doesNotContain("\r").endsWith("] 100/100  ok 100  failed 0  not sent 0  in flight 0 (limit 64)  100/s  ETA 0s\n");
        assertThat(text).startsWith("[" + "-".repeat(ProgressBar.WIDTH) + "] 1/100");
    }

    @Test
    void aTerminalRedrawsInPlaceTenTimesASecondAndEndsTheLine() {
        String text = run(true);
        long redraws = text.chars().filter(c -> c == '\r').count();
        // first draw, one per 100 ms over 500 ms, and the final state
        assertThat(redraws).isBetween(5L, 7L);
        assertThat(text).endsWith("ETA 0s\u001b[K\n").doesNotContain("\n\r");
    }
}
