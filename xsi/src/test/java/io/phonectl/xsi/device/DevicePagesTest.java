package io.phonectl.xsi.device;

import io.phonectl.xsi.XsiParseException;
import io.phonectl.xsi.XsiValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class DevicePagesTest {

    static final DeviceInformation INFO = new DeviceInformation("00112233AABB", "SEP00112233AABB", "1001",
            "sip88xx.14-2-1", "boot-1", "sip88xx.14-2-1", "2", "FCH1234", "CP-8845", "G.711", "No",
            Map.of("udi", "phone CP-8845 & co"));

    @Test
    void deviceInformationRoundTripsThroughXml() {
        DeviceInformation back = DeviceInformation.parse(bytes(INFO.toXml()));
        assertThat(back).isEqualTo(INFO);
        assertThat(INFO.toHtml()).contains("<b>MACAddress</b>").contains("00112233AABB").contains("&amp; co");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Yes|true", "No|false", "' OUI'|true", "Non|false", "''|false", "Ja|true"})
    void messageWaitingIsReadWhateverTheLocale(String raw, boolean expected) {
        String xml = "<?xml version='1.0'?><DeviceInformation><MessageWaiting>" + raw + "</MessageWaiting></DeviceInformation>";
        DeviceInformation d = DeviceInformation.parse(bytes(xml));
        assertThat(d.hasMessageWaiting()).isEqualTo(expected);
        assertThat(d.messageWaiting()).isEqualTo(raw.strip());
    }

    @Test
    void missingAndExtraFieldsAreTolerated() {
        String xml = "<DeviceInformation><HostName>SEPX</HostName><timezone>UTC</timezone></DeviceInformation>";
        DeviceInformation d = DeviceInformation.parse(bytes(xml));
        assertThat(d.hostName()).isEqualTo("SEPX");
        assertThat(d.macAddress()).isEmpty();
        assertThat(d.extra()).containsEntry("timezone", "UTC");
    }

    @Test
    void iso88591DeclaredPagesDecodeAsLatin1() {
        byte[] xml = "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><NetworkConfiguration><DomainName>caf\u00e9</DomainName></NetworkConfiguration>"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(NetworkConfiguration.parse(xml).domainName()).isEqualTo("caf\u00e9");
    }

    @Test
    void otherPagesRoundTrip() {
        var net = new NetworkConfiguration("SEPX", "127.0.0.2", "255.0.0.0", "127.0.0.1", "example.test",
                "127.0.0.53", "", "127.0.0.5", "cucm1", Map.of("DHCPServer", "127.0.0.1"));
        assertThat(NetworkConfiguration.parse(bytes(net.toXml()))).isEqualTo(net);
        var port = new PortInformation("100 Mbps Full", "sw1", "127.0.0.1", "Gi1/0/1", "", "", "", Map.of());
        assertThat(PortInformation.parse(bytes(port.toXml()))).isEqualTo(port);
        var eth = new EthernetInformation(Map.of("TxFrames", 5L, "RxFrames", 7L), Map.of());
        assertThat(EthernetInformation.parse(bytes(eth.toXml()))).isEqualTo(eth);
        var st = new StreamingStatistics("127.0.0.9/20480", "127.0.0.2/20480", "Active", "Stream 1",
                0, 0, "", 50, 8000, "G.711u", 1, 2, 3, 0, Map.of());
        assertThat(StreamingStatistics.parse(bytes(st.toXml()))).isEqualTo(st);
        var lines = java.util.List.of(new DeviceLog.Status("10:00:00a", "boot"), new DeviceLog.Status("10:00:01a", "<registered>"));
        var expected = new DeviceLog(java.util.List.of("10:00:00a boot", "10:00:01a <registered>"));
        assertThat(DeviceLog.parse(bytes(DeviceLog.toXml(lines, false)))).isEqualTo(expected);
        assertThat(DeviceLog.parse(bytes(DeviceLog.toXml(lines, true)))).isEqualTo(expected);
    }

    @Test
    void ethernetCountersAreNumbersEvenWhenDecorated() {
        String xml = "<EthernetInformation><TxFrames> 12 frames</TxFrames><RxFrames>n/a</RxFrames></EthernetInformation>";
        EthernetInformation e = EthernetInformation.parse(bytes(xml));
        assertThat(e.counter("TxFrames")).isEqualTo(12);
        assertThat(e.counter("RxFrames")).isZero();
    }

    @Test
    void unknownEthernetCounterIsRefusedWithItsName() {
        assertThatThrownBy(() -> new EthernetInformation(Map.of("TxFramez", 1L), Map.of()))
                .isInstanceOf(XsiValidationException.class).hasMessageContaining("TxFramez").hasMessageContaining("§2.5");
    }

    @Test
    void malformed79xxDeviceLogStillReads() {
        String xml = "<?xml version=\"1.0\"?><DeviceLog><?xml version=\"1.0\"?><status>10:15:01a <b>Init</b></status>"
                + "<?xml version=\"1.0\"?><status>10:15:02a Registered</status></DeviceLog><DeviceLog><status>x</status></DeviceLog>";
        DeviceLog log = DeviceLog.parse(bytes(xml));
        assertThat(log.entries()).containsExactly("10:15:01a Init", "10:15:02a Registered", "x");
    }

    @Test
    void brokenDocumentIsATypedError() {
        assertThatThrownBy(() -> DeviceInformation.parse(bytes("<DeviceInformation><HostName>")))
                .isInstanceOf(XsiParseException.class);
    }

    static IntStream seeds() {
        return IntStream.range(0, 200);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void mutatedPagesOnlyFailWithTheTypedError(int seed) {
        Random rnd = new Random(seed);
        byte[] src = bytes(seed % 2 == 0 ? INFO.toXml() : DeviceLog.toXml(java.util.List.of(new DeviceLog.Status("1", "a"), new DeviceLog.Status("2", "b <c>")), true));
        byte[] b = src.clone();
        int edits = 1 + rnd.nextInt(8);
        for (int i = 0; i < edits; i++) {
            int at = rnd.nextInt(b.length);
            b[at] = switch (rnd.nextInt(4)) {
                case 0 -> (byte) '<';
                case 1 -> (byte) '&';
                case 2 -> (byte) rnd.nextInt(256);
                default -> (byte) '>';
            };
        }
        if (rnd.nextBoolean()) {
            b = java.util.Arrays.copyOf(b, rnd.nextInt(b.length + 1));
        }
        byte[] input = b;
        Throwable t = catchThrowable(() -> {
            DeviceInformation.parse(input);
            DeviceLog.parse(input);
            EthernetInformation.parse(input);
            StreamingStatistics.parse(input);
        });
        if (t != null) {
            assertThat(t).isInstanceOf(XsiParseException.class);
        }
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
