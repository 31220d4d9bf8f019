package io.phonectl.cli.cucm;

import io.phonectl.cli.console.StatusLine;
import io.phonectl.client.cucm.DiscoveryListener;

import java.time.Duration;

/** Discovery progress on the shared status line: the phase, how far it got, and any wait for RisPort's limit. */
final class Progress implements DiscoveryListener {

    private final StatusLine line;
    private String phase = "";

    Progress(StatusLine line) {
        this.line = line;
    }

    @Override
    public void phase(String name, int total) {
        phase = name;
        line.show(name + (total >= 0 ? " (" + total + ")" : "") + "…", true);
    }

    @Override
    public void progress(int done, int total) {
        line.show(phase + ": " + done + (total >= 0 ? "/" + total : ""), false);
    }

    @Override
    public void waiting(Duration wait, String why) {
        line.show(phase + ": waiting " + seconds(wait) + " s (" + why + ")", true);
    }

    static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
    }
}
