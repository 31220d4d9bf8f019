package io.phonectl.cli.cucm;

import picocli.CommandLine.Command;

/** {@code phonectl cucm}: learn the inventory from CUCM (AXL for configured phones, RisPort70 for registrations). */
@Command(name = "cucm", mixinStandardHelpOptions = true,
        description = "Find phones where they are registered: CUCM discovery over AXL and RisPort70.",
        subcommands = {DiscoverCommand.class, SyncCommand.class})
public final class CucmCommand {
}
