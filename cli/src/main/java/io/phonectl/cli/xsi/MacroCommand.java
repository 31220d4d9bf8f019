package io.phonectl.cli.xsi;

import io.phonectl.cli.console.Io;
import io.phonectl.cli.exit.ExitCode;
import io.phonectl.client.macro.MacroConfig;
import io.phonectl.client.macro.MacroReport;
import io.phonectl.client.macro.MacroRunner;
import io.phonectl.client.xsi.XsiTransport;
import io.phonectl.xsi.action.ActionCatalog;
import io.phonectl.xsi.action.MacroSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code phonectl xsi macro <macro-id> --phone …}: runs one of the control spec's macros step by step. */
@Command(name = "macro", mixinStandardHelpOptions = true,
        description = {"Run a control-spec macro (push, wait_for, poll/until) against one phone and print each step.",
                "Exit 0 when the macro reached its end, 1 when a step failed, 2 for an unknown macro or bad input."})
public final class MacroCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PhoneTarget target;

    @Parameters(index = "0", paramLabel = "MACRO-ID", description = "e.g. generate_prt_8821.")
    String macroId;

    @Option(names = "--deadline", paramLabel = "SECONDS", defaultValue = "120",
            description = "The whole macro ends by then (default ${DEFAULT-VALUE}).")
    int deadlineSeconds;

    @Option(names = "--poll-interval", paramLabel = "MILLIS", defaultValue = "2000",
            description = "Wait between polls (default ${DEFAULT-VALUE}).")
    int pollMillis;

    @Override
    public Integer call() throws Exception {
        ActionCatalog catalog = ActionCatalog.standard();
        MacroSpec macro = catalog.macro(macroId).orElseThrow(() -> new IllegalArgumentException("macro \"" + macroId
                + "\": not in the action catalog; known: " + catalog.macros().stream().map(MacroSpec::id)
                .collect(Collectors.joining(", "))));
        MacroConfig config = new MacroConfig(Duration.ofSeconds(deadlineSeconds), Duration.ofMillis(pollMillis),
                MacroConfig.DEFAULTS.maxPolls());
        try (XsiTransport transport = target.transport()) {
            MacroReport report = new MacroRunner(target.client(transport), config).run(macro);
            PrintWriter out = Io.out(spec);
            out.println(macro.id() + ": " + macro.label());
            for (MacroReport.StepResult s : report.steps()) {
                out.println("  " + s.literal() + "  ->  " + (s.outcome() == null ? "" : s.outcome().kind() + ": ")
                        + s.note());
            }
            out.println(report.succeeded() ? "done" : "stopped: " + report.failure());
            return report.succeeded() ? ExitCode.OK : ExitCode.SOME_FAILED;
        }
    }
}
