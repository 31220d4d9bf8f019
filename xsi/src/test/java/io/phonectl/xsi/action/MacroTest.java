package io.phonectl.xsi.action;

import io.phonectl.xsi.XsiValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class MacroTest {

    private final ActionCatalog catalog = ActionCatalog.standard();

    @Test
    void problemReportIsPushWaitPollUntil() {
        List<MacroStep> steps = catalog.macro("generate_problem_report").orElseThrow().steps();
        assertThat(steps).hasSize(4);
        assertThat(steps.get(0)).isEqualTo(new MacroStep.Push(
                "<ExecuteItem Priority=\"0\" URL=\"Device:GeneratePRT\"/>", "Device:GeneratePRT", 0));
        assertThat(steps.get(1)).isInstanceOf(MacroStep.WaitFor.class);
        assertThat(steps.get(2)).isInstanceOfSatisfying(MacroStep.Poll.class,
                p -> assertThat(p.uri()).isEqualTo("Device:PRTStatus"));
        assertThat(steps.get(3)).isInstanceOf(MacroStep.Until.class);
        assertThat(((MacroStep.Poll) steps.get(2)).execute())
                .isEqualTo(io.phonectl.xsi.object.Execute.builder().item(0, "Device:PRTStatus").build());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0 | Success              | true",
            "6 | There is pending PRT | true",
            "6 | URI not found        | false",
            "1 | Invalid URI          | false",
            "0 | Generating PRT       | false"})
    void waitForAcceptsSuccessOrPending(int status, String data, boolean expected) {
        MacroStep.WaitFor w = (MacroStep.WaitFor) catalog.macro("generate_problem_report").orElseThrow().steps().get(1);
        assertThat(w.condition().matches(status, data)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Generated PRT at https://10.1.2.3/FS/prt-20260604-063011-0123456789ab.tar.gz | true",
            "Generated PRT at https://phone.example/FS/prt-20260604-063011-ABCDEF012345.tar.gz | true",
            "Generating PRT | false",
            "Generated PRT at https://10.1.2.3/FS/prt-2026064-063011-0123456789ab.tar.gz | false",
            "Generated PRT at https://10.1.2.3/FS/prt-20260604-063011-0123456789ab.tar.gz.exe | false",
            "There is no pending PRT invoked from XSI | false"})
    void untilMatchesTheGeneratedPrtData(String data, boolean expected) {
        MacroStep.Until u = (MacroStep.Until) catalog.macro("generate_problem_report").orElseThrow().steps().get(3);
        assertThat(u.condition().matches(0, data)).isEqualTo(expected);
    }

    @Test
    void tftpMacroPushesSeventeenUrisInOrder() {
        List<MacroStep> steps = catalog.macro("set_tftp_server_address_8875").orElseThrow().steps();
        assertThat(steps).hasSize(17).allMatch(s -> s instanceof MacroStep.Push);
        assertThat(((MacroStep.Push) steps.get(0)).uri()).isEqualTo("Key:Applications");
        assertThat(((MacroStep.Push) steps.get(16)).uri()).isEqualTo("Button:Apply");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Status=", "Status=x", "Data=unquoted", "Status=0 and Status=1", "or"})
    void unreadableConditionsAreValidationErrors(String literal) {
        assertThatThrownBy(() -> MacroCondition.parse(literal)).isInstanceOf(XsiValidationException.class)
                .hasMessageContaining("macro condition");
    }

    @Test
    void unknownVerbIsAValidationError() {
        assertThatThrownBy(() -> MacroStep.parse("sleep", "1")).isInstanceOf(XsiValidationException.class)
                .hasMessageContaining("push, wait_for, poll, until");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomLiteralsOnlyFailTyped(long seed) {
        Random r = new Random(seed);
        String alphabet = "Status=Data\"()<>yhmsdx0123456789 or.*+?[]{}\\|$^";
        for (int i = 0; i < 300; i++) {
            StringBuilder sb = new StringBuilder();
            int n = r.nextInt(40);
            for (int j = 0; j < n; j++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            Throwable t = catchThrowable(() -> MacroCondition.parse(sb.toString()).matches(0, "x"));
            if (t != null) {
                assertThat(t).as(sb.toString()).isInstanceOf(XsiValidationException.class);
            }
        }
    }
}
