package io.phonectl.cli.ops;

import io.phonectl.cli.Main;
import io.phonectl.client.credentials.CredentialsException;
import io.phonectl.client.inventory.InventoryException;
import io.phonectl.xsi.UnsupportedByModelException;
import io.phonectl.xsi.XsiValidationException;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** What every operational command shares: bad input becomes one line on stderr and exit code 2. */
public final class Ops {

    private Ops() {
    }

    /** Runs a command body; rule violations, bad credentials, inventories or arguments exit 2 with one line. */
    public static int guard(CommandSpec spec, Callable<Integer> body) {
        try {
            return body.call();
        } catch (XsiValidationException | UnsupportedByModelException | CredentialsException | InventoryException
                 | IllegalArgumentException e) {
            return fail(spec, e.getMessage());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            return fail(spec, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Prints {@code phonectl: <line>} on stderr and returns {@link Main#EXIT_BAD_INPUT}. */
    public static int fail(CommandSpec spec, String line) {
        err(spec).println("phonectl: " + String.valueOf(line).replace('\n', ' '));
        return Main.EXIT_BAD_INPUT;
    }

    public static PrintWriter out(CommandSpec spec) {
        return spec.commandLine().getOut();
    }

    public static PrintWriter err(CommandSpec spec) {
        return spec.commandLine().getErr();
    }
}
