package io.phonectl.cli.sim;

import io.phonectl.cli.exit.ExitCode;
import io.phonectl.cli.xsi.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16 point 11: how {@code phonectl sim} places phones, refuses contradicting options and reports bind failures. */
class SimAddressOptionsTest {

    @TempDir
    Path dir;

    @Test
    void addressesWithoutPortPutEveryPhoneOnOnePort() throws Exception {
        Path fleet = dir.resolve("fleet.csv");
        CliRun r = CliRun.of("sim", "--phones", "3", "--models", "CP-8845", "--addresses", "127.1.9.1",
                "--fleet-file", fleet.toString(), "--no-wait");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
        List<String> ports = Files.readAllLines(fleet).stream().skip(1).map(l -> l.split(",")[1].split(":")[1]).toList();
        assertThat(ports).hasSize(3).allMatch(p -> p.equals(ports.getFirst())).doesNotContain("0");
        assertThat(Files.readString(fleet)).contains("127.1.9.1:", "127.1.9.2:", "127.1.9.3:");
    }

    @Test
    void basePortWithAddressesIsRefusedNamingBoth() {
        CliRun r = CliRun.of("sim", "--phones", "2", "--base-port", "41000", "--addresses", "127.1.9.1",
                "--state-dir", dir.toString(), "--no-wait");
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("--base-port 41000").contains("--addresses 127.1.9.1").contains("cannot be combined");
    }

    @Test
    void portWithoutAddressesIsRefused() {
        CliRun r = CliRun.of("sim", "--phones", "2", "--port", "41000", "--state-dir", dir.toString(), "--no-wait");
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("--port 41000").contains("--addresses");
    }

    @Test
    void aTakenPortIsReportedWithTheOptionAndTheAddress() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int p = taken.getLocalPort();
            CliRun phones = CliRun.of("sim", "--phones", "1", "--base-port", Integer.toString(p),
                    "--state-dir", dir.toString(), "--no-wait");
            assertThat(phones.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(phones.err()).contains("--base-port " + p).contains("127.0.0.1:" + p).contains("phone 0");

            CliRun inspect = CliRun.of("sim", "--phones", "1", "--inspect-port", Integer.toString(p),
                    "--state-dir", dir.toString(), "--no-wait");
            assertThat(inspect.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(inspect.err()).contains("--inspect-port " + p).contains("127.0.0.1:" + p).contains("inspection API");
        }
    }

    @Test
    void theInspectionPortCanBeFixedAndIsShown() throws Exception {
        int p;
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            p = probe.getLocalPort(); // free a moment ago; the simulator takes it next
        }
        CliRun r = CliRun.of("sim", "--phones", "1", "--inspect-port", Integer.toString(p),
                "--state-dir", dir.toString(), "--no-wait");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("Inspection API: http://127.0.0.1:" + p + "/phones");
    }
}
