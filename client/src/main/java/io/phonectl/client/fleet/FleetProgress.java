package io.phonectl.client.fleet;

import java.time.Duration;

/**
 * A snapshot of a running fleet push. {@code eta} is null until the first phone is done.
 *
 * @param total     phones in the push
 * @param done      phones with a definite outcome
 * @param succeeded of those, successes
 * @param failed    of those, failures after sending (auth, timeout, refused …)
 * @param notSent   of those, phones not contacted (unsupported, invalid, no credentials, deadline)
 * @param inFlight  phones being talked to right now
 * @param limit     how many may be talked to at once now (the adaptive limit as it moves, or the fixed one)
 * @param retries   retry attempts so far
 */
public record FleetProgress(int total, int done, int succeeded, int failed, int notSent, int inFlight, int limit,
                            int retries, Duration elapsed, double phonesPerSecond, Duration eta) {

    public double fraction() {
        return total == 0 ? 1.0 : (double) done / total;
    }

    /**
     * One line for a terminal progress bar, e.g.
     * {@code [##########----------] 2500/5000  ok 2400  failed 80  not sent 20  in flight 250 (limit 640)  1210/s  ETA 2s}.
     */
    public String line(int barWidth) {
        int w = Math.max(1, barWidth);
        int filled = (int) Math.round(fraction() * w);
        String eta = this.eta == null ? "ETA ?" : "ETA " + Math.max(0, this.eta.toSeconds()) + "s";
        return "[" + "#".repeat(filled) + "-".repeat(w - filled) + "] " + done + "/" + total
                + "  ok " + succeeded + "  failed " + failed + "  not sent " + notSent + "  in flight " + inFlight
                + " (limit " + limit + ")  " + Math.round(phonesPerSecond) + "/s  " + eta;
    }
}
