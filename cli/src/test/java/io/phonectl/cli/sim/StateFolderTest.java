package io.phonectl.cli.sim;

import io.phonectl.cli.xsi.CliRun;
import io.phonectl.cli.exit.ExitCode;
import io.phonectl.client.inventory.Inventory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code phonectl sim} writes its fleet file into the state folder unless told where; never the working directory. */
class StateFolderTest {

    @TempDir
    Path dir;

    @Test
    void withoutFleetFileTheFleetGoesToTheStateFolderWhichIsNamedAtStartUp() throws Exception {
        Path state = dir.resolve("state");
        CliRun r = CliRun.of("sim", "--phones", "2", "--models", "CP-8845", "--state-dir", state.toString(), "--no-wait");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
        Path fleet = state.resolve("sim").resolve("fleet.csv").toAbsolutePath();
        assertThat(r.out()).contains("State folder: " + fleet.getParent()).contains("Fleet file: " + fleet);
        assertThat(Inventory.read(fleet).phones()).hasSize(2);
        assertThat(Path.of("fleet.csv")).as("nothing in the working directory").doesNotExist();
    }

    @Test
    void anExplicitFleetFileNamesNoStateFolder() {
        Path fleet = dir.resolve("mine.csv");
        CliRun r = CliRun.of("sim", "--phones", "1", "--fleet-file", fleet.toString(), "--no-wait");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).doesNotContain("State folder").contains("Fleet file: " + fleet);
        assertThat(fleet).exists();
    }

    @Test
    void theDefaultFollowsPhonectlStateDirThenXdgThenHome() {
        assertThat(StateFolder.resolve(Map.of("PHONECTL_STATE_DIR", "/srv/p", "XDG_STATE_HOME", "/x"), "/home/u"))
                .isEqualTo(Path.of("/srv/p"));
        assertThat(StateFolder.resolve(Map.of("XDG_STATE_HOME", "/x"), "/home/u")).isEqualTo(Path.of("/x/phonectl"));
        // the XDG spec says a relative XDG_STATE_HOME is invalid and must be ignored
        assertThat(StateFolder.resolve(Map.of("XDG_STATE_HOME", "rel"), "/home/u"))
                .isEqualTo(Path.of("/home/u/.local/state/phonectl"));
        assertThat(StateFolder.resolve(Map.of(), "/home/u")).isEqualTo(Path.of("/home/u/.local/state/phonectl"));
    }
}
