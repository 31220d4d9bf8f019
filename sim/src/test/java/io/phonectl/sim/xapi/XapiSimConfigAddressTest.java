package io.phonectl.sim.xapi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where devices listen: per-port (basePort + i) and per-address (first + i, one port) modes, both sides of each limit. */
class XapiSimConfigAddressTest {

    @ParameterizedTest
    @CsvSource({
            "per-port,    127.0.0.1, 0,     3, 2, 127.0.0.1:0",
            "per-port,    127.0.0.1, 40000, 3, 2, 127.0.0.1:40002",
            "per-port,    127.0.0.1, 65533, 3, 2, 127.0.0.1:65535",
            "per-address, 127.1.0.1, 0,     3, 2, 127.1.0.3:0",
            "per-address, 127.1.0.254, 80,  3, 2, 127.1.1.0:80",
            "per-address, 127.255.255.253, 80, 3, 2, 127.255.255.255:80",
    })
    void deviceAddresses(String mode, String first, int port, int count, int index, String expected) {
        XapiSimConfig c = XapiSimConfig.defaults(XapiProduct.ROOMOS, count);
        c = mode.equals("per-port") ? c.withPorts(first, port) : c.withAddresses(first, port);
        var at = c.addressOf(index);
        assertThat(at.getAddress().getHostAddress() + ":" + at.getPort()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "per-port,    127.0.0.1, 65534, basePort",
            "per-address, 255.255.255.254, 80, bindAddress",
            "per-address, ::1, 80, bindAddress",
            "per-address, localhost, 80, bindAddress",
            "per-address, 127.1.0.1, 65536, basePort",
            "per-address, 127.1.0.1, -1, basePort",
    })
    void refusesAddressesOutOfRange(String mode, String first, int port, String field) {
        XapiSimConfig c = XapiSimConfig.defaults(XapiProduct.ROOMOS, 3);
        assertThatThrownBy(() -> {
            if (mode.equals("per-port")) c.withPorts(first, port); else c.withAddresses(first, port);
        }).isInstanceOf(XapiSimConfigException.class).hasMessageContaining(field);
    }

    @Test
    void lastAddressOfIpv4IsAccepted() {
        XapiSimConfig c = XapiSimConfig.defaults(XapiProduct.PHONEOS, 2).withAddresses("255.255.255.254", 80);
        assertThat(c.addressOf(1).getAddress().getHostAddress()).isEqualTo("255.255.255.255");
    }
}
