package io.phonectl.cli.media;

import io.phonectl.media.wav.WavWriter;
import io.phonectl.sim.FleetHost;
import io.phonectl.sim.SimConfig;
import io.phonectl.sim.phone.SimPhone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code phonectl page} against simulated phones on loopback. */
class PageCommandTest {
    static FleetHost host;
    @TempDir
    static Path dir;
    static Path fleet;
    static Path wav;

    @BeforeAll
    static void start() throws Exception {
        host = FleetHost.start(SimConfig.ephemeral(3, List.of("CP-8845", "CP-7841", "CP-8851-3PCC")));
        Path credentials = dir.resolve("phones.properties");
        Files.writeString(credentials, "user=admin\npassword=admin\n");
        StringBuilder csv = new StringBuilder("name,address,model,credentials\n");
        for (SimPhone p : host.phones()) {
            csv.append(p.name()).append(",127.0.0.1:").append(p.address().getPort()).append(',').append(p.model().name())
                    .append(",file:").append(credentials).append('\n');
        }
        fleet = dir.resolve("fleet.csv");
        Files.writeString(fleet, csv);
        float[] s = new float[4800]; // 0.3 s at 16 kHz: 2,400 samples at 8 kHz, 15 packets
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (0.4 * Math.sin(2 * Math.PI * 600 * i / 16000.0));
        }
        wav = dir.resolve("alert.wav");
        Files.write(wav, WavWriter.write(16000, 16, new float[][] {s}));
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    static String freePorts(int count, long seed) throws Exception {
        Random random = new Random(seed);
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = 20480 + 2 * random.nextInt(6000);
            List<DatagramSocket> held = new ArrayList<>();
            try {
                for (int i = 0; i < count; i++) {
                    held.add(new DatagramSocket(new InetSocketAddress("127.0.0.1", base + 2 * i)));
                }
                return String.valueOf(base);
            } catch (java.net.SocketException busy) {
                // try another base
            } finally {
                held.forEach(DatagramSocket::close);
            }
        }
        throw new AssertionError("no free RTP ports");
    }

    @Test
    void pagesTheSupportingPhonesAndReportsTheRest() throws Exception {
        CliRun run = CliRun.of("page", "--fleet", fleet.toString(), "--file", wav.toString(), "--port", freePorts(3, 1),
                "--volume", "40");
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).containsPattern("CP-8845 +media +received +15 +yes")
                .containsPattern("CP-7841 +legacy +received +15 +yes")
                .containsPattern("CP-8851-3PCC +legacy +refused-unsupported +0 +-")
                .contains("2 of 3 phones received 0.3 s of audio; 1 refused-unsupported");
        assertThat(run.err()).contains("paging").contains("done");
    }

    @Test
    void jsonReportAndExitZeroWhenEveryPhoneReceived() throws Exception {
        CliRun run = CliRun.of("page", "--fleet", fleet.toString(), "--where", "model!=CP-8851-3PCC", "--file", wav.toString(),
                "--unicast", "--port", freePorts(2, 2), "--loop", "2", "--api", "legacy", "--json", "--no-progress");
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode json = JsonMapper.builder().build().readTree(run.out());
        assertThat(json.get("allReceived").asBoolean()).isTrue();
        assertThat(json.get("secondsTotal").asDouble()).isEqualTo(0.6);
        assertThat(json.get("phones")).hasSize(2).allSatisfy(p -> {
            assertThat(p.get("api").asString()).isEqualTo("legacy");
            assertThat(p.get("status").asString()).isEqualTo("received");
            assertThat(p.get("packetsSent").asLong()).isEqualTo(30);
            assertThat(p.get("stopped").asBoolean()).isTrue();
        });
        for (SimPhone p : host.phones()) {
            assertThat(p.history().executed().stream().map(Object::toString).toList()).noneMatch(e -> e.contains("password"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing wav | --file=nope.wav | nope.wav",
            "bad group | --multicast=127.0.0.1:20480 | multicast",
            "odd group port | --multicast=239.1.1.1:20481 | even",
            "group syntax | --multicast=239.1.1.1 | GROUP:PORT",
            "bad api | --api=both | legacy, media",
            "volume | --volume=101 | volume",
            "loops | --loop=0 | loops",
            "no match | --where=model=CP-9999 | no phones",
            "bad where | --where=model | field=value",
            "bad interface | --interface=nosuchif0 | no such network interface"})
    void badInputIsExitTwoWithTheReason(String label, String option, String expected) {
        List<String> args = new ArrayList<>(List.of("page", "--fleet", fleet.toString(), "--no-progress"));
        if (!option.startsWith("--file=")) {
            args.add("--file=" + wav);
        }
        args.add(option.startsWith("--file=") ? "--file=" + dir.resolve(option.substring(7)) : option);
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).contains(expected);
    }

    @Test
    void multicastAndUnicastAreExclusive() {
        CliRun run = CliRun.of("page", "--fleet", fleet.toString(), "--file", wav.toString(), "--unicast",
                "--multicast", "239.1.1.1:20480");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("mutually exclusive");
    }
}
