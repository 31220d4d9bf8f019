package io.phonectl.xsi.validate;

import io.phonectl.xsi.UnsupportedByModelException;
import io.phonectl.xsi.action.ActionCatalog;
import io.phonectl.xsi.action.ActionSpec;
import io.phonectl.xsi.model.ModelCatalog;
import io.phonectl.xsi.model.PhoneModel;
import io.phonectl.xsi.object.AppEvents;
import io.phonectl.xsi.object.Execute;
import io.phonectl.xsi.object.IconFileMenu;
import io.phonectl.xsi.object.Input;
import io.phonectl.xsi.object.InputItem;
import io.phonectl.xsi.object.Menu;
import io.phonectl.xsi.object.SoftKeyItem;
import io.phonectl.xsi.object.Text;
import io.phonectl.xsi.uri.InternalUri;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XsiValidatorTest {

    private final XsiValidator validator = XsiValidator.standard();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // action           | params                       | model      | ok    | expected text
            "display_off        | interval=60                  | CP-8845    | true  | ''",
            "display_off        | interval=60                  | CP-7841    | false | Display",
            "display_off        | interval=60                  |            | true  | ''",
            "key_hold           |                              | CP-8845    | false | FixedFeature3",
            "key_hold           |                              | CP-7942    | true  | ''",
            "device_generate_prt|                              | CP-8821    | true  | ''",
            "device_generate_prt|                              | CP-8845    | false | 8821",
            "settings_key_digit | n=7                          | CP-8875    | true  | ''",
            "settings_key_digit | n=7                          | CP-8845    | false | 8875",
            "key_soft           | n=5                          | CP-8845    | true  | ''",
            "key_soft           | n=5                          | CP-7942    | false | softkeys 1-4",
            "start_media        | ip=192.0.2.1;port=20480      | CP-8845    | true  | ''",
            "start_media        | ip=192.0.2.1;port=20480      | CP-7841    | false | RTP",
            "notify             | host=h;port=80;path=/x       | CP-7841    | false | Notify",
            "query_port_information | n=2                      | CP-8845    | true  | ''",
            "query_port_information | n=2                      | CP-8832    | false | pages are 1-1",
            "push_execute       | uri=SoftKey:Exit             | CP-8821    | true  | ''",
            "push_execute       | uri=SoftKey:Exit             | CP-8845    | false | SoftKey",
            "push_execute       | uri=Notify:http:h:80:/x      |            | false | Notify",
            "push_execute       | uri=Display:Off:1441         |            | false | 1441",
            "push_execute       | uri=http://192.0.2.1/x       | CP-7841    | true  | ''",
    })
    void actionsAgainstModels(String id, String params, String model, boolean ok, String text) {
        ValidationReport r = validator.validateAction(id.strip(), params(params), model);
        assertThat(r.ok()).as(r.oneLine()).isEqualTo(ok);
        assertThat(r.oneLine()).contains(text);
        if (!ok) {
            assertThat(r.oneLine()).contains("source:");
        }
    }

    static Stream<String> models() {
        return ModelCatalog.standard().models().stream().map(PhoneModel::name);
    }

    /** The validator answers exactly as the catalog does for IconFileMenu, model by model. */
    @ParameterizedTest
    @MethodSource("models")
    void iconFileMenuFollowsTheCatalog(String model) {
        IconFileMenu menu = IconFileMenu.builder().icon(0, "Resource:Icon.Connected").item(0, "One", "http://h/1")
                .build();
        ValidationReport r = validator.validate(menu, model);
        boolean supported = ModelCatalog.standard().model(model).supportObject("CiscoIPPhoneIconFileMenu").supported();
        assertThat(r.unsupported().stream().anyMatch(u -> u.feature().equals("CiscoIPPhoneIconFileMenu")))
                .as(r.oneLine()).isEqualTo(!supported);
    }

    @Test
    void inputPostOnlyWhereTheCatalogAllowsIt() {
        Input post = Input.builder().url("http://h/submit").urlMethod("post")
                .item(InputItem.of("Name", "n", "A")).build();
        assertThat(validator.validate(post, "CP-8845").ok()).isTrue();
        assertThat(validator.validate(post, "CP-7942").oneLine()).contains("method=\"post\"");
    }

    @Test
    void softKeyPositionsFollowTheModel() {
        Text t = Text.builder().text("x").softKey(SoftKeyItem.of("Exit", 9, "SoftKey:Exit")).build();
        assertThat(validator.validate(t, "CP-8845").ok()).isTrue();
        assertThat(validator.validate(t, "CP-8821").oneLine()).contains("softkey positions are 1-8");
    }

    @Test
    void urisInsideObjectsAreParsedAndAskedAbout() {
        Menu m = Menu.builder().item("Dial", "Dial:1000").item("Off", "Display:Off:5").item("Web", "http://h/x")
                .build();
        assertThat(validator.validate(m, "CP-8845").ok()).isTrue();
        assertThat(validator.validate(m, "CP-7841").oneLine()).contains("MenuItem").doesNotContain("Dial:1000");
        Menu bad = Menu.builder().item("Bad", "Display:Off:99999").build();
        assertThat(validator.validate(bad, null).oneLine()).contains("MenuItem[0].URL");
    }

    @Test
    void eventHandlersNeedTheApplicationManagementApi() {
        Text t = Text.builder().text("x").events(AppEvents.of("Acme/App").withClosed("Init:Services")).build();
        assertThat(validator.validate(t, "CP-8845").ok()).isTrue();
        assertThat(validator.validate(t, "CP-7841").oneLine()).contains("application event handlers");
    }

    @Test
    void legacyModelsHaveTheSmallSizeProfile() {
        Menu.Builder b = Menu.builder();
        for (int i = 0; i < 20; i++) {
            b.item("Item " + i, "http://192.0.2.10/service/item/" + i);
        }
        Menu big = b.build();
        assertThat(validator.validate(big, "CP-8845").ok()).isTrue();
        PhoneModel legacy = ModelCatalog.standard().models().stream()
                .filter(m -> m.sizeProfile().maxBytes() == 512).findFirst().orElseThrow();
        assertThat(validator.validate(big, legacy.name()).oneLine()).contains("XML").contains("512");
    }

    @Test
    void xmlDocumentsValidAndInvalid() {
        String ok = "<CiscoIPPhoneExecute><ExecuteItem Priority=\"0\" URL=\"Display:Off:60\"/></CiscoIPPhoneExecute>";
        assertThat(validator.validateXml(bytes(ok), "CP-8845").ok()).isTrue();
        assertThat(validator.validateXml(bytes(ok), "CP-7841").oneLine()).contains("Display");
        assertThat(validator.validateXml(bytes("<CiscoIPPhoneText><Title>" + "x".repeat(33)
                + "</Title><Text>t</Text></CiscoIPPhoneText>"), null).oneLine()).contains("Title");
        assertThat(validator.validateXml(bytes("<CiscoIPPhoneText><Text>"), null).oneLine()).startsWith("XML = ");
        assertThat(validator.validateXml(bytes("<html/>"), null).ok()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"not a uri", "Resource", "Key", "Resource:", "RTPRx:", "Notify:http", "Display:Off:x"})
    void executeItemsThatAreNoUriAtAllAreReported(String url) {
        ValidationReport r = validator.validate(Execute.of(url), null);
        assertThat(r.ok()).isFalse();
        assertThat(r.oneLine()).contains("ExecuteItem[0].URL");
    }

    @Test
    void appUrisInExecuteNeedTheApplicationId() {
        assertThat(validator.validate(Execute.of("App:Close"), null).oneLine()).contains("applicationId");
    }

    @Test
    void unknownModelIsAnUnsupportedByModelException() {
        assertThatThrownBy(() -> validator.validateAction("key_info", Map.of(), "CP-1234"))
                .isInstanceOf(UnsupportedByModelException.class).hasMessageContaining("CP-1234");
    }

    @Test
    void singleUriAsExecuteContent() {
        InternalUri notify = InternalUri.parse("Notify:http:h:80:/x");
        assertThat(validator.validate(notify, null).oneLine()).contains("Notify");
        assertThat(validator.validate(InternalUri.parse("Key:Services"), "CP-8845").ok()).isTrue();
    }

    /** Every action's example is valid for at least one model of the catalog. */
    @Test
    void everyExampleFitsSomeModel() {
        for (ActionSpec a : ActionCatalog.standard().actions()) {
            boolean any = ModelCatalog.standard().models().stream()
                    .anyMatch(m -> validator.validateAction(a.id(), a.exampleParams(), m.name()).ok());
            assertThat(any).as(a.id()).isTrue();
        }
    }

    @ParameterizedTest
    @CsvSource({"1", "2", "3", "4"})
    void mutatedDocumentsAreReportedNeverThrown(long seed) {
        byte[] base = bytes("<CiscoIPPhoneMenu><Title>T</Title><MenuItem><Name>A</Name><URL>Key:Services</URL>"
                + "</MenuItem></CiscoIPPhoneMenu>");
        Random r = new Random(seed);
        for (int i = 0; i < 200; i++) {
            byte[] m = base.clone();
            for (int k = 1 + r.nextInt(3); k > 0; k--) {
                m[r.nextInt(m.length)] = (byte) "<>&\"/:xK0 ".charAt(r.nextInt(10));
            }
            ValidationReport rep = validator.validateXml(m, r.nextBoolean() ? "CP-8845" : null);
            assertThat(rep).isNotNull();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> params(String text) {
        java.util.Map<String, String> p = new java.util.HashMap<>();
        if (text != null && !text.isBlank()) {
            for (String kv : text.strip().split(";")) {
                int eq = kv.indexOf('=');
                p.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
            }
        }
        return p;
    }
}
