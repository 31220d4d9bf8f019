package io.phonectl.cli.exit;

import io.phonectl.client.credentials.CredentialsException;
import io.phonectl.client.cucm.CucmClientException;
import io.phonectl.client.inventory.InventoryException;
import io.phonectl.client.xapi.XapiClientException;
import io.phonectl.media.MediaException;
import io.phonectl.xapi.XapiException;
import io.phonectl.xapi.XapiRpcException;
import io.phonectl.xsi.XsiException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;

/**
 * The one place where what a command throws becomes an {@link ExitCode} and one line on stderr, for every command:
 * picocli's execution-exception and parameter-exception handler. Commands return 0 or 1 for what the phones did and
 * throw for everything else; nothing prints a stack trace.
 * <ul>
 *   <li>bad input (2): picocli's parameter errors; the typed errors of rules and data (XSI validation, parse and
 *       model support; xAPI paths and values; media files; inventories; credentials; client settings);
 *       IllegalArgumentException (option values the commands check); a file that cannot be read or written;</li>
 *   <li>some failed (1): a device answered an xAPI error, or could not be reached;</li>
 *   <li>internal error (3): anything else, i.e. a bug in phonectl.</li>
 * </ul>
 */
public final class ExitCodes implements IExecutionExceptionHandler, IParameterExceptionHandler {

    /** Installs both handlers on a command line (and its subcommands). */
    public static CommandLine install(CommandLine cl) {
        ExitCodes handler = new ExitCodes();
        cl.setExecutionExceptionHandler(handler);
        cl.setParameterExceptionHandler(handler);
        return cl;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        return report(ex.getCommandLine().getErr(), ex.getMessage(), ExitCode.BAD_INPUT);
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        return exit(cl.getErr(), ex);
    }

    /** The exit code for a failure, after printing its one line on {@code err}. */
    public static int exit(PrintWriter err, Throwable t) {
        return switch (t) {
            case ParameterException p -> report(err, p.getMessage(), ExitCode.BAD_INPUT);
            case XapiRpcException e -> report(err, "the device answered error " + e.code() + ": " + e.getMessage()
                    + e.deviceCause().stream().mapToObj(c -> " (Cause " + c + ")").findFirst().orElse(""),
                    ExitCode.SOME_FAILED);
            case XapiClientException.Config e -> report(err, e.getMessage(), ExitCode.BAD_INPUT);
            case XapiClientException e -> report(err, e.getMessage(), ExitCode.SOME_FAILED);
            case XsiException e -> report(err, e.getMessage(), ExitCode.BAD_INPUT);
            case XapiException e -> report(err, e.getMessage(), ExitCode.BAD_INPUT);
            case MediaException e -> report(err, e.getMessage(), ExitCode.BAD_INPUT);
            case CredentialsException e -> report(err, e.getMessage(), ExitCode.BAD_INPUT);
            case InventoryException e -> report(err, e.getMessage(), ExitCode.BAD_INPUT);
            // a CUCM that refuses or cannot be asked: nothing was discovered, as for bad input (docs/cucm.md)
            case CucmClientException e -> report(err, e.getMessage(), ExitCode.BAD_INPUT);
            case IllegalArgumentException e -> report(err, e.getMessage(), ExitCode.BAD_INPUT);
            case UncheckedIOException e -> report(err, io(e.getCause()), ExitCode.BAD_INPUT);
            case IOException e -> report(err, io(e), ExitCode.BAD_INPUT);
            default -> report(err, "internal error: " + t.getClass().getName()
                    + (t.getMessage() == null ? "" : ": " + t.getMessage())
                    + " (a bug in phonectl, not in the phones: please report it)", ExitCode.INTERNAL_ERROR);
        };
    }

    /** Files: the file named, and what went wrong with it as the exception's class says (no such file, denied). */
    private static String io(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + ": cannot read or write it (" + e.getClass().getSimpleName()
                    + (f.getReason() == null ? "" : ": " + f.getReason()) + ")";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** Prints {@code phonectl: <line>} (one line, whatever the message holds) and returns {@code code}. */
    public static int report(PrintWriter err, String line, int code) {
        err.println("phonectl: " + String.valueOf(line).replace('\r', ' ').replace('\n', ' '));
        err.flush();
        return code;
    }
}
