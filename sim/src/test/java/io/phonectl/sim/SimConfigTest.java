package io.phonectl.sim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimConfigTest {

    static SimConfig with(int phones, int basePort, int inspectPort, java.nio.file.Path clip) {
        return new SimConfig(phones, List.of(), null, basePort, null, 0, Map.of("a", "b"), null, false, null,
                inspectPort, clip, false);
    }

    @ParameterizedTest
    @CsvSource({"1,true", "20000,true", "0,false", "20001,false"})
    void phoneCountLimits(int phones, boolean ok) {
        if (ok) {
            assertThat(with(phones, 0, 0, null).phones()).isEqualTo(phones);
        } else {
            assertThatThrownBy(() -> with(phones, 0, 0, null)).hasMessageContaining("phones = " + phones);
        }
    }

    @ParameterizedTest
    @CsvSource({"65526,10,true", "65527,10,false", "65535,1,true", "65536,1,false", "-1,1,false"})
    void portRangeMustFitEveryPhone(int base, int phones, boolean ok) {
        if (ok) {
            assertThat(with(phones, base, 0, null).basePort()).isEqualTo(base);
        } else {
            assertThatThrownBy(() -> with(phones, base, 0, null)).hasMessageContaining("basePort");
        }
    }

    @ParameterizedTest
    @CsvSource({"-1,true", "65535,true", "-2,false", "65536,false"})
    void inspectPortLimits(int port, boolean ok) {
        if (ok) {
            assertThat(with(1, 0, port, null).inspectPort()).isEqualTo(port);
        } else {
            assertThatThrownBy(() -> with(1, 0, port, null)).hasMessageContaining("inspectPort");
        }
    }

    @Test
    void clipDirectoryDefaultsToBuiltInsOnly() {
        assertThat(with(1, 0, 0, null).clipDirectory()).isNull();
        assertThatThrownBy(() -> with(1, 0, 0, java.nio.file.Path.of("/no/such/dir"))).hasMessageContaining("clipDirectory");
    }

    @Test
    void unknownModelsAndMissingAuthAreRefused() {
        assertThatThrownBy(() -> SimConfig.ephemeral(1, List.of("CP-0000"))).hasMessageContaining("CP-0000");
        assertThatThrownBy(() -> SimConfig.ephemeral(1, List.of()).withUsers(Map.of())).hasMessageContaining("users");
    }

    @Test
    void modelsCycleAndFleetUserIsTheFirstName() {
        SimConfig c = SimConfig.ephemeral(5, List.of("8845", "CIPC")).withUsers(Map.of("zed", "1", "amy", "2"));
        assertThat(c.modelOf(0).name()).isEqualTo("CP-8845");
        assertThat(c.modelOf(1).name()).isEqualTo("IP-Communicator");
        assertThat(c.modelOf(4).name()).isEqualTo("CP-8845");
        assertThat(c.fleetUser()).isEqualTo("amy");
    }
}
