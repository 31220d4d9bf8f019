package io.phonectl.cli.xsi;

import picocli.CommandLine.Command;

/** {@code phonectl xsi}: the control spec's actions for Cisco IP phones (XML Services Interface). */
@Command(name = "xsi",
        mixinStandardHelpOptions = true,
        description = "Cisco IP phones over XSI: list the control spec's actions, build what they send, validate XML, "
                + "push to a phone or a fleet, read device pages, screenshots and capabilities.",
        subcommands = {ActionsCommand.class, BuildCommand.class, ValidateCommand.class,
                io.phonectl.cli.ops.PushCommand.class,
                io.phonectl.cli.ops.BroadcastCommand.class,
                io.phonectl.cli.ops.InfoCommand.class,
                io.phonectl.cli.ops.ScreenshotCommand.class,
                io.phonectl.cli.ops.CapsCommand.class,
                io.phonectl.cli.ops.MediaCommand.class,
                io.phonectl.cli.ops.MacroCommand.class,
                io.phonectl.cli.ops.ListenCommand.class})
public final class XsiCommand {
}
