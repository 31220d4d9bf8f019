package io.phonectl.cli.sim;

import io.phonectl.cli.exit.ExitCode;
import io.phonectl.cli.xsi.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16 point 7: {@code phonectl sim --web} chooses what the phones' web servers speak. */
class SimWebOptionTest {

    @TempDir
    Path dir;

    @Test
    void httpsListsHttpsOnlyModelsWithTheirSchemeAndSaysWhereCertificatesAre() throws Exception {
        Path fleet = dir.resolve("fleet.csv");
        CliRun r = CliRun.of("sim", "--phones", "2", "--models", "CP-8845,DP-9861", "--web", "https",
                "--fleet-file", fleet.toString(), "--no-wait");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("HTTPS: each phone has its own self-signed certificate")
                .contains("phones/{name}/certificate").containsPattern("last: +\\S+ DP-9861 https://127\\.0\\.0\\.1:\\d+/");
        List<String> rows = Files.readAllLines(fleet);
        assertThat(rows.get(1)).matches("\\S+,127\\.0\\.0\\.1:\\d+,CP-8845,admin");
        assertThat(rows.get(2)).matches("\\S+,https://127\\.0\\.0\\.1:\\d+,DP-9861,admin");
    }

    @Test
    void httpsOnlyPutsEveryPhoneOnHttps() throws Exception {
        Path fleet = dir.resolve("fleet.csv");
        CliRun r = CliRun.of("sim", "--phones", "1", "--models", "CP-8845", "--web", "https-only",
                "--fleet-file", fleet.toString(), "--no-wait");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(Files.readAllLines(fleet).get(1)).contains(",https://127.0.0.1:");
        assertThat(r.out()).contains("every phone refuses plain HTTP");
    }

    @Test
    void anUnknownModeIsRefusedNamingTheChoices() {
        CliRun r = CliRun.of("sim", "--phones", "1", "--web", "tls", "--state-dir", dir.toString(), "--no-wait");
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("--web = tls").contains("http, https or https-only");
    }
}
