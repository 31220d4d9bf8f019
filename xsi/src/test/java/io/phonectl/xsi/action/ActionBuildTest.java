package io.phonectl.xsi.action;

import io.phonectl.xsi.XsiException;
import io.phonectl.xsi.XsiValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every action builds from its example parameters; both sides of every ranged parameter. */
class ActionBuildTest {

    private static final ActionCatalog CATALOG = ActionCatalog.standard();

    static Stream<String> ids() {
        return CATALOG.actions().stream().map(ActionSpec::id);
    }

    /** (action id, parameter name, min, max) for every parameter with a range. */
    static Stream<Arguments> ranged() {
        return CATALOG.actions().stream().flatMap(a -> a.params().stream()
                .filter(p -> p.allowed() instanceof Allowed.Range)
                .map(p -> {
                    Allowed.Range r = (Allowed.Range) p.allowed();
                    return Arguments.of(a.id(), p.name(), r.min(), r.max());
                }));
    }

    @ParameterizedTest
    @MethodSource("ids")
    void buildsFromItsExample(String id) {
        Outgoing out = CATALOG.build(id, CATALOG.require(id).exampleParams());
        assertThat(out).isNotNull();
        switch (out) {
            case Outgoing.UriPush u -> assertThat(u.execute().items()).singleElement()
                    .satisfies(i -> assertThat(i.url()).isEqualTo(u.uri().format()));
            case Outgoing.HttpGet g -> assertThat(g.requestLine()).startsWith("GET /").endsWith(" HTTP/1.1");
            case Outgoing.DocumentPush d -> assertThat(d.document().rootElement()).isNotBlank();
            case Outgoing.UriReference r -> assertThat(r.uri().format()).contains(":");
        }
    }

    @Test
    void rangedParametersExist() {
        assertThat(ranged().count()).isGreaterThan(30);
    }

    @ParameterizedTest
    @MethodSource("ranged")
    void bothEndsOfTheRangeBuild(String id, String param, long min, long max) {
        for (long v : new long[] {min, max}) {
            Map<String, String> p = withParam(id, param, v);
            assertThat(CATALOG.build(id, p)).as(id + " " + param + "=" + v).isNotNull();
        }
    }

    @ParameterizedTest
    @MethodSource("ranged")
    void oneOutsideEitherEndIsRejectedNamingTheParameter(String id, String param, long min, long max) {
        for (long v : new long[] {min - 1, max + 1}) {
            Map<String, String> p = withParam(id, param, v);
            assertThatThrownBy(() -> CATALOG.build(id, p)).as(id + " " + param + "=" + v)
                    .isInstanceOf(XsiValidationException.class)
                    .hasMessageContaining(Long.toString(v))
                    .hasMessageContaining("source:");
        }
    }

    @Test
    void unknownIdUnknownParameterMissingAndMistypedAreAllReported() {
        assertThatThrownBy(() -> CATALOG.build("key_lines", Map.of())).isInstanceOf(XsiValidationException.class)
                .hasMessageContaining("action = \"key_lines\"");
        assertThatThrownBy(() -> CATALOG.build("key_line", Map.of("m", "1")))
                .isInstanceOfSatisfying(XsiValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).containsExactly("parameter", "key_line.n"));
        assertThatThrownBy(() -> CATALOG.build("key_line", Map.of("n", "one")))
                .hasMessageContaining("key_line.n = \"one\": an integer");
        assertThatThrownBy(() -> CATALOG.build("dial", Map.of("dialSequence", "1", "useAppUI", "2")))
                .hasMessageContaining("dial.useAppUI = \"2\": 0 or 1");
        assertThatThrownBy(() -> CATALOG.build("key_line", Map.of("n", "99999999999")))
                .hasMessageContaining("an integer (32-bit)");
    }

    @Test
    void unknownParameterValuesAreNotEchoed() {
        assertThatThrownBy(() -> CATALOG.build("notify", Map.of("host", "h", "port", "80", "path", "/x",
                "credential", "c2VjcmV0OnB3")))
                .hasMessageContaining("parameter = \"credential\"").hasMessageNotContaining("c2VjcmV0OnB3");
    }

    @Test
    void templatesDropTrailingOptionalSegmentsOnly() {
        assertThat(uri("dial", Map.of("dialSequence", "1000"))).isEqualTo("Dial:1000");
        assertThat(uri("rtp_rx_start", Map.of("i", "192.0.2.1", "p", "20482"))).startsWith("RTPRx:192.0.2.1:20482");
        assertThat(uri("display_off", Map.of("interval", "0"))).isEqualTo("Display:Off:0");
        assertThat(uri("app_close", Map.of("applicationId", "Acme/Pager"))).isEqualTo("App:Close:0:60:Acme/Pager");
    }

    @Test
    void countParametersGenerateThatManyItems() {
        Outgoing menu = CATALOG.build("object_menu", Map.of("max_menu_items", "100"));
        assertThat(((Outgoing.DocumentPush) menu).document()).isInstanceOfSatisfying(
                io.phonectl.xsi.object.Menu.class, m -> assertThat(m.items()).hasSize(100));
        assertThatThrownBy(() -> CATALOG.build("object_menu", Map.of("max_menu_items", "101")))
                .isInstanceOf(XsiValidationException.class).hasMessageContaining("object_menu.max_menu_items = \"101\"");
    }

    @Test
    void iconDimensionsAreCheckedByTheObjectRules() {
        assertThat(CATALOG.build("object_icon_menu", Map.of("icon_dimensions", "16x10", "url", "http://h/x")))
                .isNotNull();
        assertThatThrownBy(() -> CATALOG.build("object_icon_menu", Map.of("icon_dimensions", "17x10", "url",
                "http://h/x"))).isInstanceOf(XsiValidationException.class).hasMessageContaining("17");
        assertThatThrownBy(() -> CATALOG.build("object_icon_file_menu", Map.of("icon_dimensions", "18x19",
                "icon_url", "Resource:Icon.Connected", "url", "http://h/x")))
                .isInstanceOf(XsiValidationException.class).hasMessageContaining("19");
        assertThatThrownBy(() -> CATALOG.build("object_icon_menu", Map.of("icon_dimensions", "big", "url",
                "http://h/x"))).hasMessageContaining("WIDTHxHEIGHT");
    }

    @Test
    void referenceFamiliesAreNotWrappedInExecute() {
        for (String id : List.of("notify", "softkey_back", "resource_icon", "query_string_param")) {
            assertThat(CATALOG.build(id, CATALOG.require(id).exampleParams()))
                    .as(id).isInstanceOf(Outgoing.UriReference.class);
        }
    }

    @ParameterizedTest
    @MethodSource("ids")
    void garbageValuesOnlyFailTyped(String id) {
        ActionSpec a = CATALOG.require(id);
        java.util.Random r = new java.util.Random(id.hashCode());
        String alphabet = ":;,#*<>&\"'0123456789abcXYZ -/.%\u00e9\u0000";
        for (int i = 0; i < 20; i++) {
            Map<String, String> p = new HashMap<>(a.exampleParams());
            for (ParamSpec ps : a.params()) {
                if (r.nextBoolean()) {
                    StringBuilder sb = new StringBuilder();
                    for (int j = r.nextInt(12); j > 0; j--) {
                        sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
                    }
                    p.put(ps.name(), sb.toString());
                }
            }
            try {
                CATALOG.build(id, p);
            } catch (XsiException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }

    private static String uri(String id, Map<String, String> p) {
        Outgoing o = CATALOG.build(id, p);
        return o instanceof Outgoing.UriPush u ? u.uri().format() : ((Outgoing.UriReference) o).uri().format();
    }

    private static Map<String, String> withParam(String id, String param, long v) {
        Map<String, String> p = new HashMap<>(CATALOG.require(id).exampleParams());
        p.put(param, Long.toString(v));
        return p;
    }
}
