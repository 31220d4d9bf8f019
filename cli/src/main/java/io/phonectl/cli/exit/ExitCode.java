package io.phonectl.cli.exit;

/**
 * The exit codes of every phonectl command; {@link ExitCodes} maps what a command throws onto them.
 * <table>
 *   <caption>exit codes</caption>
 *   <tr><td>0</td><td>everything asked for was done (every phone or device succeeded)</td></tr>
 *   <tr><td>1</td><td>some phones or devices failed (refused, timed out, answered an error)</td></tr>
 *   <tr><td>2</td><td>bad input: an option, argument, file, inventory or credential that cannot be used</td></tr>
 *   <tr><td>3</td><td>internal error: phonectl itself failed (a bug); one line on stderr, no stack trace</td></tr>
 * </table>
 */
public final class ExitCode {

    public static final int OK = 0;
    public static final int SOME_FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int INTERNAL_ERROR = 3;

    private ExitCode() {
    }
}
