package io.phonectl.sim;

import io.phonectl.sim.phone.SimModel;
import io.phonectl.sim.phone.SimPhone;
import io.phonectl.xsi.device.DeviceInformation;
import io.phonectl.xsi.device.DeviceLog;
import io.phonectl.xsi.device.EthernetInformation;
import io.phonectl.xsi.device.NetworkConfiguration;
import io.phonectl.xsi.device.PortInformation;
import io.phonectl.xsi.device.StreamingStatistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FleetHostTest {

    static FleetHost host;

    @BeforeAll
    static void start() throws Exception {
        host = FleetHost.start(SimConfig.ephemeral(SimModel.ALL.size(), List.of()));
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    static SimPhone phone(String model) {
        return host.phones().stream().filter(p -> p.model().name().equals(SimModel.of(model).orElseThrow().name())).findFirst().orElseThrow();
    }

    static URI at(SimPhone p, String pathAndQuery) {
        return FleetHost.uriOf(p).resolve(pathAndQuery);
    }

    @Test
    void everyModelAnswersOnItsOwnSocketWithItsOwnIdentity() {
        assertThat(host.phones()).hasSize(SimModel.ALL.size());
        for (SimPhone p : host.phones()) {
            HttpResponse<byte[]> r = Http.get(at(p, "/DeviceInformationX"), null);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/xml"));
            DeviceInformation info = DeviceInformation.parse(r.body());
            assertThat(info.hostName()).isEqualTo(p.name());
            assertThat(info.modelNumber()).isEqualTo(p.model().headerName());
            assertThat(info.macAddress()).isEqualTo(p.mac());
        }
    }

    @Test
    void pagesComeInHtmlAndXmlWithLiveValues() {
        SimPhone p = phone("8845");
        assertThat(Http.text(Http.get(at(p, "/DeviceInformation"), null))).contains("<b>HostName</b>").contains(p.name());
        NetworkConfiguration net = NetworkConfiguration.parse(Http.get(at(p, "/NetworkConfigurationX"), null).body());
        assertThat(net.ipAddress()).isEqualTo("127.0.0.1");
        assertThat(net.tftpServer1()).isEqualTo(p.device().settings().get("TFTPServer1"));
        long before = EthernetInformation.parse(Http.get(at(p, "/EthernetInformationX"), null).body()).counter("RxFrames");
        long after = EthernetInformation.parse(Http.get(at(p, "/EthernetInformationX"), null).body()).counter("RxFrames");
        assertThat(after).isEqualTo(before + 1);
        assertThat(PortInformation.parse(Http.get(at(p, "/PortInformationX?1"), null).body()).portSpeed()).contains("100");
        assertThat(DeviceLog.parse(Http.get(at(p, "/DeviceLogX?0"), null).body()).entries())
                .anySatisfy(e -> assertThat(e).contains("booted"));
        assertThat(StreamingStatistics.parse(Http.get(at(p, "/StreamingStatisticsX?1"), null).body()).streamStatus())
                .isEqualTo("Not Ready");
    }

    @ParameterizedTest
    @CsvSource({
            "/PortInformationX?1,200", "/PortInformationX?2,200", "/PortInformationX?3,404", "/PortInformation?0,404",
            "/DeviceLogX?0,200", "/DeviceLogX?2,200", "/DeviceLogX?3,404", "/DeviceLog?2,200",
            "/StreamingStatisticsX?3,200", "/StreamingStatisticsX?4,404", "/StreamingStatistics?1,200",
            "/StreamingStatisticsX?x,404", "/NoSuchPage,404"})
    void indexedPagesEndAtTheirLastIndex(String path, int status) {
        assertThat(Http.get(at(phone("7942"), path), null).statusCode()).isEqualTo(status);
    }

    @Test
    void fleetFileListsEveryPhoneWithoutPasswords(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("fleet.csv");
        SimConfig c = SimConfig.ephemeral(3, List.of("CP-8845", "7942")).withUsers(java.util.Map.of("ops", "s3cret"))
                .withFleetFile(file);
        try (FleetHost h = FleetHost.start(c)) {
            List<String> lines = Files.readAllLines(file);
            assertThat(lines).hasSize(4);
            assertThat(lines.get(0)).isEqualTo("name,address,model,user");
            assertThat(lines.get(1)).startsWith(h.phones().get(0).name() + ",127.0.0.1:").endsWith(",CP-8845,ops");
            assertThat(lines.get(2)).endsWith(",CP-7942,ops");
            assertThat(lines.get(3)).endsWith(",CP-8845,ops");
            assertThat(String.join("\n", lines)).doesNotContain("s3cret");
        }
    }

    @Test
    void twoHundredPhonesInOneHostEachAnswerAsThemselves() throws Exception {
        try (FleetHost h = FleetHost.start(SimConfig.ephemeral(200, List.of()))) {
            assertThat(h.phones()).hasSize(200);
            assertThat(h.phones().stream().map(p -> p.address().getPort()).distinct()).hasSize(200);
            for (SimPhone p : h.phones()) {
                DeviceInformation info = DeviceInformation.parse(Http.get(at(p, "/DeviceInformationX"), null).body());
                assertThat(info.hostName()).isEqualTo(p.name());
            }
        }
    }

    @Test
    void perAddressModeGivesEachPhoneItsOwnLoopbackAddress() throws Exception {
        SimConfig c = SimConfig.ephemeral(3, List.of("8851")).withAddresses(InetAddress.getByName("127.1.0.1"), 0);
        try (FleetHost h = FleetHost.start(c)) {
            assertThat(h.phones()).extracting(p -> p.address().getAddress().getHostAddress())
                    .containsExactly("127.1.0.1", "127.1.0.2", "127.1.0.3");
            for (SimPhone p : h.phones()) {
                assertThat(DeviceInformation.parse(Http.get(at(p, "/DeviceInformationX"), null).body()).hostName())
                        .isEqualTo(p.name());
            }
        }
    }

    @Test
    void perPortModeUsesConsecutivePortsFromTheBase() throws Exception {
        // find a free base by binding port 0 once; the range above it may still be taken, so retry a few bases
        for (int attempt = 0; attempt < 5; attempt++) {
            int base;
            try (var s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                base = s.getLocalPort();
            }
            if (base + 2 > 65_535) {
                continue;
            }
            SimConfig e = SimConfig.ephemeral(3, List.of());
            SimConfig c = new SimConfig(3, List.of(), null, base, null, 0, e.users(), null, false, null, -1, null, false);
            try (FleetHost h = FleetHost.start(c)) {
                assertThat(h.phones()).extracting(p -> p.address().getPort()).containsExactly(base, base + 1, base + 2);
                assertThat(h.inspectionUri()).isEmpty();
                return;
            } catch (java.io.IOException busy) {
                // a port in the range was taken: try another base
            }
        }
        throw new AssertionError("no free range of three ports found in five attempts");
    }
}
