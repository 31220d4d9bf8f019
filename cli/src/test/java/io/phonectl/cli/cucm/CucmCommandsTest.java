package io.phonectl.cli.cucm;

import io.phonectl.cli.exit.ExitCode;
import io.phonectl.cli.Main;
import io.phonectl.cli.xsi.CliRun;
import io.phonectl.client.inventory.Inventory;
import io.phonectl.sim.cucm.CucmConfig;
import io.phonectl.sim.cucm.CucmDirectory;
import io.phonectl.sim.cucm.SimCucm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code phonectl cucm discover / sync} and {@code phonectl sim --cucm} end to end over loopback. */
class CucmCommandsTest {

    static final String PASSWORD = "cucm-secret-not-in-output";

    @TempDir
    Path dir;
    SimCucm cucm;

    @AfterEach
    void stop() {
        if (cucm != null) {
            cucm.close();
        }
    }

    void start(boolean tls) throws Exception {
        CucmConfig config = CucmConfig.defaults("axl", PASSWORD).withListener(InetAddress.getLoopbackAddress(), 0, tls);
        CucmDirectory d = CucmDirectory.of(config, Clock.systemUTC());
        for (int i = 0; i < 12; i++) {
            String name = String.format("SEP00CC%08X", i + 1);
            d.add(new CucmDirectory.PhoneSpec(name, "Room " + i, i < 6 ? "CP-8845" : "CP-7841", "SIP",
                    i % 2 == 0 ? "DP-HQ" : "DP-Lab", Integer.toString(4000 + i), "127.3.0." + (i + 1)));
            d.register(name, config.nodes().get(i % 2), null);
        }
        d.unregister("SEP00CC00000002", CucmDirectory.KEEPALIVE_TIMEOUT);
        d.restartAxl();
        cucm = SimCucm.start(config, d, Clock.systemUTC());
    }

    Path passwordFile() throws Exception {
        Path f = dir.resolve("pw");
        Files.writeString(f, PASSWORD + "\n");
        return f;
    }

    CliRun run(String command, String... more) throws Exception {
        String[] base = {"cucm", command, "--cucm", cucm.hostAndPort(), "--user", "axl", "--password-file",
                passwordFile().toString(), "--fleet-file", dir.resolve("fleet.csv").toString(), "--phone-port", "8080"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        CliRun r = CliRun.of(all);
        assertThat(r.out() + r.err()).doesNotContain(PASSWORD);
        return r;
    }

    @Test
    void discoverWritesAnInventoryAndReportsWhoIsNotRegistered() throws Exception {
        start(false);
        CliRun r = run("discover", "--http");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.SOME_FAILED);
        assertThat(r.out()).contains("Configured phones: 12  {Registered=11, UnRegistered=1}")
                .contains("SEP00CC00000002  UnRegistered  KeepAliveTimeout (13)  last 127.3.0.2 on cucm-sub1")
                .contains("Requests: AXL 3, RisPort 1");
        Inventory inv = Inventory.read(dir.resolve("fleet.csv"));
        assertThat(inv.size()).isEqualTo(12);
        assertThat(inv.phones().getFirst().address().toString()).isEqualTo("127.3.0.1:8080");
        assertThat(inv.phones().getFirst().detail("dn")).isEqualTo("4000");
        assertThat(dir.resolve("fleet.csv.cucm-state.json")).exists();
        assertThat(Files.readString(dir.resolve("fleet.csv.cucm-state.json"))).doesNotContain(PASSWORD);

        CliRun some = run("discover", "--http", "--where", "model=7841", "--where", "status=Registered");
        assertThat(some.exit()).as(some.err()).isEqualTo(ExitCode.OK);
        assertThat(some.out()).contains("Configured phones: 6  {Registered=6}");
        assertThat(Inventory.read(dir.resolve("fleet.csv")).size()).isEqualTo(6);
    }

    @Test
    void syncFindsAddedMovedAndDeletedPhones() throws Exception {
        start(false);
        assertThat(run("discover", "--http").exit()).isEqualTo(ExitCode.SOME_FAILED);
        CucmDirectory d = cucm.directory();
        d.add(new CucmDirectory.PhoneSpec("SEP00CC0000FFFF", "new", "CP-8845", "SIP", "DP-HQ", "4999", "127.3.0.99"));
        d.register("SEP00CC0000FFFF", "cucm-pub", null);
        d.move("SEP00CC00000003", "127.3.1.3");
        d.update("SEP00CC00000004", Map.of("description", "Moved to room 9"));
        d.remove("SEP00CC00000005");
        CliRun r = run("sync", "--http");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.SOME_FAILED);
        assertThat(r.out()).contains("added [SEP00CC0000FFFF], changed [SEP00CC00000004], deleted [SEP00CC00000005]")
                .contains("New addresses: 1");
        Inventory inv = Inventory.read(dir.resolve("fleet.csv"));
        assertThat(inv.phones()).anySatisfy(p -> {
            assertThat(p.name()).isEqualTo("SEP00CC00000003");
            assertThat(p.address().host()).isEqualTo("127.3.1.3");
        });
        d.restartAxl();
        CliRun full = run("sync", "--http");
        assertThat(full.out()).contains("Full pass: the change queue cannot be used");
    }

    @Test
    void certificatesAreCheckedUnlessToldOtherwise() throws Exception {
        start(true);
        CliRun refused = run("discover");
        assertThat(refused.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(refused.err()).contains("TLS with").contains("--trust").contains("--pin");
        CliRun insecure = run("discover", "--insecure");
        assertThat(insecure.exit()).as(insecure.err()).isEqualTo(ExitCode.SOME_FAILED);
        assertThat(insecure.err()).contains("warning: --insecure");
        Path pem = dir.resolve("tomcat.pem");
        Files.writeString(pem, cucm.certificate().orElseThrow().pem());
        assertThat(run("discover", "--trust", pem.toString()).exit()).isEqualTo(ExitCode.SOME_FAILED);
        assertThat(run("discover", "--pin", cucm.certificate().orElseThrow().sha256()).exit())
                .isEqualTo(ExitCode.SOME_FAILED);
        CliRun both = run("discover", "--pin", "ab", "--insecure");
        assertThat(both.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(both.err()).contains("exclude each other");
    }

    @Test
    void wrongPasswordIsExitTwoWithoutThePassword() throws Exception {
        start(false);
        Path wrong = dir.resolve("wrong");
        Files.writeString(wrong, "not-it\n");
        CliRun r = CliRun.of("cucm", "discover", "--cucm", cucm.hostAndPort(), "--http", "--user", "axl",
                "--password-file", wrong.toString(), "--fleet-file", dir.resolve("x.csv").toString());
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("HTTP 401").doesNotContain("not-it");
        assertThat(dir.resolve("x.csv")).doesNotExist();
    }

    @Test
    void simServesACucmForAFleetFileOrItsOwnPhones() throws Exception {
        Path fleet = dir.resolve("in.csv");
        Files.writeString(fleet, "name,address,model,dn\nSEP00DD00000001,127.4.0.1,CP-8845,5000\n"
                + "SEP00DD00000002,127.4.0.2:80,CP-7841,5001\n");
        CliRun r = CliRun.of("sim", "--phones", "0", "--cucm-fleet", fleet.toString(), "--cucm-http", "--password",
                PASSWORD, "--fleet-file", dir.resolve("out.csv").toString(), "--no-wait");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).containsPattern("Simulated CUCM: http://127\\.0\\.0\\.1:\\d+/ \\(nodes cucm-pub, cucm-sub1; 2 "
                + "phones configured").containsPattern("Inspection: http://127\\.0\\.0\\.1:\\d+/cucm/phones")
                .doesNotContain(PASSWORD);
        CliRun noAddresses = CliRun.of("sim", "--phones", "2", "--cucm", "--password", PASSWORD, "--fleet-file",
                dir.resolve("o2.csv").toString(), "--no-wait");
        assertThat(noAddresses.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(noAddresses.err()).contains("--cucm needs --addresses");
        CliRun own = CliRun.of("sim", "--phones", "3", "--models", "CP-8845,CP-8851-3PCC", "--addresses", "127.4.1.1",
                "--cucm", "--password", PASSWORD, "--fleet-file", dir.resolve("o3.csv").toString(), "--no-wait");
        assertThat(own.exit()).as(own.err()).isEqualTo(ExitCode.OK);
        assertThat(own.out()).containsPattern("Simulated CUCM: https://127\\.0\\.0\\.1:\\d+/").contains(
                "2 phones configured, 1 left out: 3PCC phones do not register with CUCM").contains("certificate SHA-256");
    }
}
