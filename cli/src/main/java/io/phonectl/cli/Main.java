package io.phonectl.cli;

import io.phonectl.cli.cucm.CucmCommand;
import io.phonectl.cli.demo.DemoCommand;
import io.phonectl.cli.demo.TrainingCommand;
import io.phonectl.cli.exit.ExitCode;
import io.phonectl.cli.exit.ExitCodes;
import io.phonectl.cli.media.PageCommand;
import io.phonectl.cli.media.RingtoneCommand;
import io.phonectl.cli.serve.ServeCommand;
import io.phonectl.cli.sim.SimCommand;
import io.phonectl.cli.xapi.XapiCommand;
import io.phonectl.cli.xsi.XsiCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * Entry point of the phonectl command line. Exit codes ({@link io.phonectl.cli.exit.ExitCode}): 0 success, 1 some
 * targets failed, 2 bad input, 3 internal error; {@link ExitCodes} maps every command's failures onto them.
 */
@Command(name = "phonectl",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Toolkit for Cisco collaboration endpoints: XSI phones, xAPI devices, paging, simulation.",
        exitCodeListHeading = "%nExit codes (every command):%n",
        exitCodeList = {"0:all done: every phone or device succeeded", "1:some phones or devices failed",
                "2:bad input (option, argument, file, inventory, credentials), or output that cannot be written",
                "3:internal error (a bug in phonectl; one line, no stack trace)"},
        subcommands = {CommandLine.HelpCommand.class, XsiCommand.class, SimCommand.class, DemoCommand.class,
                XapiCommand.class, PageCommand.class, RingtoneCommand.class, CucmCommand.class,
                ServeCommand.class, TrainingCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line on the process's streams and returns its exit code. */
    public static int run(String... args) {
        CommandLine cl = commandLine();
        int code = cl.execute(args);
        // picocli's writer sits on System.out, a PrintStream that swallows write errors: ask both
        return outputLost(cl, cl.getOut().checkError() | System.out.checkError(), code);
    }

    /** Runs a command line writing to the given streams (tests capture them); returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        try {
            int code = cl.execute(args);
            return outputLost(cl, out.checkError(), code);
        } finally {
            err.flush();
        }
    }

    /**
     * What a command printed is its result: when it could not be written (a full disk, a closed pipe) the run failed,
     * whatever the command returned (issue 16: the output was lost with exit 0).
     */
    private static int outputLost(CommandLine cl, boolean lost, int code) {
        if (!lost) {
            return code;
        }
        return ExitCodes.report(cl.getErr(), "the output could not be written (standard output failed: a full disk, "
                + "or a closed pipe?)", code == ExitCode.OK ? ExitCode.BAD_INPUT : code);
    }

    static CommandLine commandLine() {
        return ExitCodes.install(new CommandLine(new Main()));
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"phonectl " + (v == null ? "development build" : v)};
        }
    }
}
