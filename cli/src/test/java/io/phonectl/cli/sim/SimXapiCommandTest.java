package io.phonectl.cli.sim;

import io.phonectl.cli.exit.ExitCode;
import io.phonectl.cli.Main;
import io.phonectl.cli.xsi.CliRun;
import io.phonectl.client.inventory.Inventory;
import io.phonectl.client.inventory.PhoneEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code phonectl sim --xapi N}: devices in the same process, their fleet file readable by the client's Inventory. */
class SimXapiCommandTest {
    static final String PASSWORD = "not-in-output-7";

    @TempDir
    Path dir;

    @Test
    void devicesOnlyWriteAFleetFileTheInventoryReads() throws Exception {
        Path fleet = dir.resolve("f.csv");
        CliRun r = CliRun.of("sim", "--phones", "0", "--xapi", "2", "--product", "roomos", "--user", "ops",
                "--password", PASSWORD, "--fleet-file", fleet.toString(), "--no-wait");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out() + r.err()).doesNotContain(PASSWORD);
        assertThat(r.out()).contains("Simulated xAPI devices: 2").contains("xAPI fleet file: " + dir.resolve("f-xapi.csv"))
                .containsPattern("Inspection API: http://127\\.0\\.0\\.1:\\d+/devices");
        assertThat(fleet).doesNotExist(); // no phones, no phones' file
        Inventory inv = Inventory.read(dir.resolve("f-xapi.csv"));
        assertThat(inv.phones()).extracting(PhoneEntry::name).containsExactly("xapi-0001", "xapi-0002");
        assertThat(inv.phones()).allSatisfy(p -> {
            assertThat(p.model()).isEqualTo("roomos");
            assertThat(p.user()).isEqualTo("ops");
            assertThat(p.address().host()).isEqualTo("127.0.0.1");
        });
        assertThat(Files.readString(dir.resolve("f-xapi.csv"))).doesNotContain(PASSWORD);
    }

    @Test
    void phonesAndDevicesShareOneInspectionPortAndTheAddressScheme() {
        Path fleet = dir.resolve("fleet.csv");
        CliRun r = CliRun.of("sim", "--phones", "2", "--models", "CP-8845", "--xapi", "2", "--product", "phoneos",
                "--addresses", "127.1.3.1", "--port", "0", "--password", PASSWORD, "--fleet-file", fleet.toString(),
                "--no-wait");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
        List<String> inspection = r.out().lines().filter(l -> l.startsWith("Inspection API: ")).toList();
        assertThat(inspection).hasSize(2);
        String phonesBase = inspection.get(0).split(" ")[2].replace("phones", "");
        String devicesBase = inspection.get(1).split(" ")[2].replace("devices", "");
        assertThat(devicesBase).isEqualTo(phonesBase);
        assertThat(Inventory.read(fleet).phones()).extracting(p -> p.address().host())
                .containsExactly("127.1.3.1", "127.1.3.2");
        // the devices take the next addresses after the last phone
        assertThat(Inventory.read(dir.resolve("fleet-xapi.csv")).phones())
                .extracting(p -> p.address().host() + " " + p.model())
                .containsExactly("127.1.3.3 phoneos", "127.1.3.4 phoneos");
    }

    @Test
    void refusesAnUnknownProduct() {
        CliRun r = CliRun.of("sim", "--phones", "0", "--xapi", "1", "--product", "webex", "--no-wait",
                "--fleet-file", dir.resolve("x.csv").toString());
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("--product = webex");
    }
}
