package io.phonectl.xsi.action;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The table format: what it reads, and that a malformed table names the line. */
class ActionTableReaderTest {

    @Test
    void readsActionsWithTheirParameters() {
        List<ActionSpec> actions = ActionTableReader.read(List.of(
                "# comment", "",
                "action a_one | action | Key:Line{n} | One",
                "param n | integer | 1..120 | - | 1 | required spec | 1 to 120",
                "param s | enum | 0,1,2 | 0 | - | optional template checked | path",
                "action a_two | query | GET /X | Two"));
        assertThat(actions).extracting(ActionSpec::id).containsExactly("a_one", "a_two");
        ActionSpec one = actions.get(0);
        assertThat(one.kind()).isEqualTo(ActionKind.ACTION);
        assertThat(one.param("n").orElseThrow()).satisfies(p -> {
            assertThat(p.allowed()).isEqualTo(new Allowed.Range(1, 120));
            assertThat(p.required()).isTrue();
            assertThat(p.origin()).isEqualTo(ParamSpec.Origin.SPEC);
            assertThat(p.checked()).isFalse();
            assertThat(p.example()).contains("1");
        });
        assertThat(one.param("s").orElseThrow()).satisfies(p -> {
            assertThat(p.allowed()).isEqualTo(new Allowed.Values(List.of("0", "1", "2")));
            assertThat(p.defaultValue()).contains("0");
            assertThat(p.checked()).isTrue();
            assertThat(p.origin()).isEqualTo(ParamSpec.Origin.TEMPLATE);
        });
        assertThat(actions.get(1).kind()).isEqualTo(ActionKind.QUERY);
        assertThat(one.exampleParams()).containsExactly(java.util.Map.entry("n", "1"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
            "param n | integer | - | - | - | required spec | x                # line 1: param before any action",
            "action a | action | X                                            # line 1: expected 4 fields",
            "oops                                                             # line 1: expected 'action' or 'param'",
            "action a | action | X | A~param n | integer | - | - | - | spec | x # line 2: exactly one of required/optional",
            "action a | action | X | A~param n | integer | - | - | - | required | x # line 2: one of spec/template/ext"})
    void malformedTablesNameTheLine(String text, String message) {
        assertThatThrownBy(() -> ActionTableReader.read(List.of(text.split("~"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(message.strip());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1..3   | 0 | false", "1..3 | 1 | true", "1..3 | 3 | true", "1..3 | 4 | false", "1..3 | x | false",
            "a,b    | a | true", "a,b | A | false", "- | anything | true"})
    void allowedValues(String allowed, String value, boolean permits) {
        assertThat(Allowed.parse(allowed).permits(value)).isEqualTo(permits);
    }

    @Test
    void duplicateIdsAreRefused() {
        ActionSpec a = new ActionSpec("x", ActionKind.ACTION, "Key:Info", "X", List.of());
        assertThatThrownBy(() -> new ActionCatalog(List.of(a, a), List.of(), List.of(), List.of(), List.of()))
                .hasMessageContaining("duplicate action id x");
    }
}
