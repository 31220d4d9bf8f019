package io.phonectl.server.console;

import io.phonectl.server.job.JobViews;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The job page's timeline: outcomes over time as an inline SVG drawn by the server (no chart library, no script):
 * one column per slice of the time from the job's creation to its last outcome, successes stacked under failures,
 * from {@link JobViews#timeline}. Coordinates only; the page's stylesheet colours the classes.
 */
public record JobChart(List<Bar> bars, String span, long peak, String label) {

    static final int WIDTH = 720;
    static final int HEIGHT = 160;
    static final int LEFT = 40;
    static final int BOTTOM = 20;
    static final int TOP = 10;
    static final int SLICES = 60;

    /** One rectangle: {@code kind} is good or bad; {@code title} what a pointer or a screen reader gets. */
    public record Bar(int x, int y, int width, int height, String kind, String title) {
    }

    /** The chart of a timeline, or null when no item has an outcome yet. */
    static JobChart of(JobViews.Timeline t) {
        if (t.spanMillis() == 0) {
            return null;
        }
        long peak = 1;
        for (JobViews.Slice s : t.slices()) {
            peak = Math.max(peak, s.succeeded() + s.failed());
        }
        int plot = HEIGHT - BOTTOM - TOP;
        int w = (WIDTH - LEFT) / t.slices().size();
        List<Bar> bars = new ArrayList<>();
        long start = 0;
        int i = 0;
        for (JobViews.Slice s : t.slices()) {
            int x = LEFT + i * w;
            String when = seconds(start) + "–" + seconds(s.endMillis());
            int good = (int) Math.round((double) s.succeeded() * plot / peak);
            int bad = (int) Math.round((double) s.failed() * plot / peak);
            int base = HEIGHT - BOTTOM;
            if (s.succeeded() > 0) {
                bars.add(new Bar(x, base - good, Math.max(1, w - 1), Math.max(1, good), "good",
                        s.succeeded() + " succeeded " + when));
            }
            if (s.failed() > 0) {
                bars.add(new Bar(x, base - good - Math.max(1, bad), Math.max(1, w - 1), Math.max(1, bad), "bad",
                        s.failed() + " failed " + when));
            }
            start = s.endMillis();
            i++;
        }
        long total = t.slices().stream().mapToLong(s -> s.succeeded() + s.failed()).sum();
        return new JobChart(bars, seconds(t.spanMillis()), peak, total + " outcomes in " + seconds(t.spanMillis())
                + " from the job's creation; most in one slice: " + peak);
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public int left() {
        return LEFT;
    }

    public int base() {
        return HEIGHT - BOTTOM;
    }

    public int top() {
        return TOP;
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
    }
}
