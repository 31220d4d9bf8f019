package io.phonectl.cli.cucm;

import io.phonectl.cli.console.StatusLine;
import io.phonectl.cli.console.Io;
import io.phonectl.client.cucm.CucmDiscovery;
import io.phonectl.client.cucm.SyncOutcome;
import io.phonectl.client.cucm.SyncState;
import io.phonectl.client.inventory.Inventory;
import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.client.inventory.Selector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code phonectl cucm sync}: the changes since the last discover or sync from AXL's change queue, then RisPort for
 * every configured phone; a full pass when the queue cannot be used.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Bring an inventory written by 'cucm discover' up to date: AXL's change queue (listChange) for "
                + "added, changed and deleted phones, RisPort70 for where every phone is registered now.",
                "Falls back to a full pass when the queue is gone (AXL restarted, or too many changes since).",
                "Exit codes as for discover."})
public final class SyncCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CucmTarget target;

    @Mixin
    Output output;

    @Override
    public Integer call() throws Exception {
        List<Selector> selectors = output.selectors();
        SyncState state = output.readState();
        Map<String, String> before = new HashMap<>();
        if (Files.isRegularFile(output.fleetFile)) {
            Inventory.read(output.fleetFile).phones().forEach(p -> before.put(p.name(), p.address().toString()));
        }
        StatusLine line = StatusLine.on(Io.err(spec));
        SyncOutcome s;
        try (CucmDiscovery discovery = new CucmDiscovery(target.config(Io.err(spec)))) {
            s = discovery.sync(state, output.beforeRisPort(selectors), new Progress(line));
        } finally {
            line.finish(); // a failed request goes to the one exit-code handler (exit 2, one line)
        }
        PrintWriter out = Io.out(spec);
        if (s.fullPass()) {
            out.println("Full pass: " + s.why());
        } else {
            out.println("Changes read: " + s.changesRead() + "; added " + s.added() + ", changed " + s.updated()
                    + ", deleted " + s.removed());
        }
        long moved = output.select(s.result(), selectors).stream().filter(p -> !p.ip().isEmpty()
                && before.containsKey(p.name()) && !before.get(p.name()).equals(entryAddress(p))).count();
        out.println("New addresses: " + moved);
        return DiscoverCommand.finish(spec, output, s.result(), selectors);
    }

    private String entryAddress(io.phonectl.client.cucm.DiscoveredPhone p) {
        PhoneEntry e = io.phonectl.client.cucm.CucmInventory.entry(p, output.phonePort);
        return e.address().toString();
    }
}
