package io.phonectl.cli;

import io.phonectl.cli.exit.ExitCodes;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every command of phonectl maps its failures through the one handler: none has its own, none is left out. */
class MainExitCodesTest {

    static void collect(CommandLine cl, List<CommandLine> into) {
        into.add(cl);
        cl.getSubcommands().values().forEach(sub -> collect(sub, into));
    }

    @Test
    void everyCommandUsesTheOneHandler() {
        List<CommandLine> all = new ArrayList<>();
        collect(Main.commandLine(), all);
        assertThat(all).hasSizeGreaterThan(25);
        assertThat(all).allSatisfy(cl -> {
            assertThat(cl.getExecutionExceptionHandler()).as(cl.getCommandName()).isInstanceOf(ExitCodes.class);
            assertThat(cl.getParameterExceptionHandler()).as(cl.getCommandName()).isInstanceOf(ExitCodes.class);
        });
    }
}
