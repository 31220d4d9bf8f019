package io.phonectl.xsi.uri;

import io.phonectl.xsi.XsiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A family name with no or empty arguments is refused with the typed error, never an NPE (seen with "Resource"). */
class BareFamilyTest {

    static Stream<String> bareForms() {
        List<String> families = List.of("Key", "SoftKey", "Display", "Init", "Device", "Dial", "EditDial", "SendDigits",
                "Play", "RTPRx", "RTPTx", "RTPMRx", "RTPMTx", "App", "Notify", "QueryStringParam", "SettingsMenu",
                "Button", "Resource", "Vibrate");
        return families.stream().flatMap(f -> Stream.of(f, f + ":", f + "::", f + ":::::::"));
    }

    @ParameterizedTest
    @MethodSource("bareForms")
    void bareFamiliesFailWithTheTypedError(String text) {
        // some bare forms are valid (RTPRx picks its own port); those must simply parse
        try {
            InternalUri.parse(text);
        } catch (RuntimeException e) {
            assertThatThrownBy(() -> { throw e; }).isInstanceOf(XsiException.class);
        }
    }
}
