package io.phonectl.cli;

import io.phonectl.cli.demo.DemoCommand;
import io.phonectl.cli.sim.SimCommand;
import io.phonectl.cli.xsi.XsiCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** Entry point of the phonectl command line. Exit codes: 0 success, 1 some targets failed, 2 bad input. */
@Command(name = "phonectl",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Toolkit for Cisco collaboration endpoints: XSI phones, xAPI devices, paging, simulation.",
        subcommands = {CommandLine.HelpCommand.class, XsiCommand.class, SimCommand.class, DemoCommand.class,
                io.phonectl.cli.xapi.XapiCommand.class,
                io.phonectl.cli.media.PageCommand.class, io.phonectl.cli.media.RingtoneCommand.class,
                io.phonectl.cli.serve.ServeCommand.class})
public final class Main {

    public static final int EXIT_OK = 0;
    public static final int EXIT_SOME_FAILED = 1;
    public static final int EXIT_BAD_INPUT = 2;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code; used by tests. */
    public static int run(String... args) {
        CommandLine cl = commandLine();
        return cl.execute(args);
    }

    /** Runs a command line writing to the given streams (tests capture them); returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        try {
            return cl.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("phonectl: " + ex.getMessage());
            return EXIT_BAD_INPUT;
        });
        return cl;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"phonectl " + (v == null ? "development build" : v)};
        }
    }
}
