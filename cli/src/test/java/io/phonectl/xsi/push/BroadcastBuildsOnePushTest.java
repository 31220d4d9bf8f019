package io.phonectl.xsi.push;

import io.phonectl.cli.Main;
import io.phonectl.cli.exit.ExitCode;
import io.phonectl.sim.FleetHost;
import io.phonectl.sim.SimConfig;
import io.phonectl.sim.phone.PhoneEvent;
import io.phonectl.sim.phone.SimPhone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One {@code phonectl xsi broadcast} builds one push: the document is encoded once (plus once per distinct key
 * spelling of the fleet's models), and each URI is parsed once, however many phones and models it reaches. In this
 * package so that the test can read {@link PushStats}; the simulated phones decode in the same JVM, which counts
 * nothing (receiving is the phone's work).
 */
class BroadcastBuildsOnePushTest {

    /** Two models that spell Key:VolDwn as Key:VolDown (78xx, 98xx), two that do not; three phones each. */
    static final List<String> MODELS = List.of("CP-8845", "CP-7841", "DP-9841", "CP-8865");
    static final int PHONES = 12;

    @TempDir
    static Path dir;
    static FleetHost fleet;
    static Path fleetFile;
    static Path passwordFile;

    @BeforeAll
    static void start() throws Exception {
        fleetFile = dir.resolve("fleet.csv");
        passwordFile = Files.writeString(dir.resolve("pw.txt"), "push-once-pw\n");
        fleet = FleetHost.start(SimConfig.ephemeral(PHONES, MODELS).withUsers(Map.of("ops", "push-once-pw"))
                .withFleetFile(fleetFile));
    }

    @AfterAll
    static void stop() {
        fleet.close();
    }

    static int broadcast(String... what) {
        String[] head = {"xsi", "broadcast", "--fleet", fleetFile.toString(), "--user", "ops", "--password-file",
                passwordFile.toString()};
        String[] args = new String[head.length + what.length];
        System.arraycopy(head, 0, args, 0, head.length);
        System.arraycopy(what, 0, args, head.length, what.length);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        assertThat(exit).as(out + "\n" + err).isEqualTo(ExitCode.OK);
        return exit;
    }

    static String lastExecuted(SimPhone phone) {
        List<PhoneEvent> executed = phone.history().executed();
        return executed.getLast().what();
    }

    @Test
    void theFleetHasEveryModel() {
        assertThat(fleet.phones()).hasSize(PHONES);
        assertThat(fleet.phones().stream().map(p -> p.model().name()).distinct()).containsExactlyInAnyOrderElementsOf(MODELS);
    }

    @Test
    void oneBroadcastEncodesOnceAndParsesEachUriOnce() {
        long encoded = PushStats.ENCODED.sum();
        long read = PushStats.URIS_READ.sum();

        broadcast("Key:Services", "Key:Settings");

        assertThat(PushStats.ENCODED.sum() - encoded).as("encodings for %d phones of %d models", PHONES, MODELS.size())
                .isEqualTo(1);
        assertThat(PushStats.URIS_READ.sum() - read).as("URIs parsed").isEqualTo(2);
        assertThat(fleet.phones()).allSatisfy(p -> assertThat(lastExecuted(p)).isEqualTo("Key:Settings"));
    }

    @Test
    void eachModelGetsItsKeySpellingEncodedOncePerSpelling() {
        long encoded = PushStats.ENCODED.sum();
        long read = PushStats.URIS_READ.sum();

        broadcast("key_vol_down");

        // the spec's Key:VolDwn, and Key:VolDown for the 78xx and 98xx (shared by both families' phones)
        assertThat(PushStats.ENCODED.sum() - encoded).isEqualTo(2);
        assertThat(PushStats.URIS_READ.sum() - read).as("the catalog parsed the URI; the push kept it").isZero();
        for (SimPhone p : fleet.phones()) {
            String series = p.model().catalog().series();
            String expected = series.equals("78xx") || series.equals("98xx") ? "Key:VolDown" : "Key:VolDwn";
            assertThat(lastExecuted(p)).as(p.model().name()).isEqualTo(expected);
        }
    }
}
