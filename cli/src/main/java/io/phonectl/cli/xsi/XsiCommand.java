package io.phonectl.cli.xsi;

import picocli.CommandLine.Command;

/** {@code phonectl xsi}: the control spec's actions for Cisco IP phones (XML Services Interface). */
@Command(name = "xsi",
        mixinStandardHelpOptions = true,
        description = "Cisco IP phones over XSI: list the control spec's actions, build what they send, validate XML.",
        subcommands = {ActionsCommand.class, BuildCommand.class, ValidateCommand.class})
public final class XsiCommand {
}
