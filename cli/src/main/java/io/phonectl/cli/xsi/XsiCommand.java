package io.phonectl.cli.xsi;

import picocli.CommandLine.Command;

/** {@code phonectl xsi}: the control spec's actions for Cisco IP phones (XML Services Interface). */
@Command(name = "xsi",
        mixinStandardHelpOptions = true,
        description = "Cisco IP phones over XSI: list the control spec's actions, build what they send, validate XML, "
                + "push to a phone or a fleet, read device pages, screenshots and capabilities.",
        subcommands = {ActionsCommand.class, BuildCommand.class, ValidateCommand.class,
                io.phonectl.cli.xsi.PushCommand.class,
                io.phonectl.cli.xsi.BroadcastCommand.class,
                io.phonectl.cli.xsi.InfoCommand.class,
                io.phonectl.cli.xsi.ScreenshotCommand.class,
                io.phonectl.cli.xsi.CapsCommand.class,
                io.phonectl.cli.xsi.MediaCommand.class,
                io.phonectl.cli.xsi.MacroCommand.class,
                io.phonectl.cli.xsi.ListenCommand.class})
public final class XsiCommand {
}
