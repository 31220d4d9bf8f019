package io.phonectl.cli.cucm;

import io.phonectl.cli.exit.ExitCode;
import io.phonectl.cli.console.StatusLine;
import io.phonectl.cli.console.Io;
import io.phonectl.client.cucm.CucmDiscovery;
import io.phonectl.client.cucm.DiscoveredPhone;
import io.phonectl.client.cucm.DiscoveryResult;
import io.phonectl.client.inventory.Selector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code phonectl cucm discover}: a full pass over AXL and RisPort70, written as an inventory. */
@Command(name = "discover", mixinStandardHelpOptions = true,
        description = {"Read the configured phones from AXL and where they are registered from RisPort70, and write "
                + "the inventory the other commands take (--fleet FILE).",
                "Exit 0 when every kept phone is registered, 1 when some are not, 2 for bad input or a failed request."})
public final class DiscoverCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CucmTarget target;

    @Mixin
    Output output;

    @Override
    public Integer call() throws Exception {
        List<Selector> selectors = output.selectors();
        StatusLine line = StatusLine.on(Io.err(spec));
        DiscoveryResult r;
        try (CucmDiscovery discovery = new CucmDiscovery(target.config(Io.err(spec)))) {
            r = discovery.discover(output.beforeRisPort(selectors), new Progress(line));
        } finally {
            line.finish(); // a failed request goes to the one exit-code handler (exit 2, one line)
        }
        return finish(spec, output, r, selectors);
    }

    static int finish(CommandSpec spec, Output output, DiscoveryResult r, List<Selector> selectors) throws Exception {
        List<DiscoveredPhone> kept = output.select(r, selectors);
        DiscoveryResult shown = new DiscoveryResult(kept, r.state(), r.axlRequests(), r.risRequests(), r.risTruncated(),
                r.waited(), r.elapsed());
        int written = output.write(kept, r.state());
        Report.print(Io.out(spec), shown, written, output.fleetFile.toAbsolutePath().toString());
        return kept.stream().allMatch(DiscoveredPhone::registered) ? ExitCode.OK : ExitCode.SOME_FAILED;
    }
}
