package io.phonectl.client.fleet;

import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.client.xsi.PhoneAddress;
import io.phonectl.client.xsi.PushOutcome;
import io.phonectl.xsi.XsiValidationException;
import io.phonectl.xsi.model.ModelCatalog;
import io.phonectl.xsi.object.Execute;
import io.phonectl.xsi.push.XsiPush;
import io.phonectl.xsi.validate.XsiValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogPreflightTest {

    static final CatalogPreflight PREFLIGHT = CatalogPreflight.standard();

    static PhoneEntry phone(String model) {
        return new PhoneEntry("p", new PhoneAddress("127.0.0.1", 80), model, "", "");
    }

    static XsiPush execute(String uri) {
        return xml("<CiscoIPPhoneExecute><ExecuteItem URL=\"" + uri + "\"/></CiscoIPPhoneExecute>");
    }

    static XsiPush xml(String text) {
        return XsiPush.ofXml("x", text.getBytes(StandardCharsets.UTF_8));
    }

    static PushOutcome.NotSent skipped(Preflight.Verdict v) {
        assertThat(v).isInstanceOf(Preflight.Verdict.Skip.class);
        return ((Preflight.Verdict.Skip) v).outcome();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "CP-8845|Display:Off:10|",
            "CP-7841|Display:Off:10|UNSUPPORTED",
            "CP-8845|Key:Hold|UNSUPPORTED",
            "CP-8845|Key:FixedFeature3|",
            "8845|http://127.0.0.1/x.xml|",
            "CP-8875|Key:NavUp|UNSUPPORTED",
            "CP-8845|Notify:http:127.0.0.1:8080:events|INVALID",
            "CP-8821|Device:GeneratePRT|",
            "CP-8845|Device:GeneratePRT|UNSUPPORTED",
    })
    void executeUris(String model, String uri, String expected) {
        Preflight.Verdict v = PREFLIGHT.check(phone(model), execute(uri));
        if (expected == null) {
            assertThat(v).as("%s on %s", uri, model).isInstanceOf(Preflight.Verdict.Send.class);
        } else {
            PushOutcome.NotSent n = skipped(v);
            assertThat(n.kind().name()).as("%s on %s", uri, model).isEqualTo(expected);
            assertThat(n.detail()).isNotBlank();
        }
    }

    @Test
    void whatIsNoUriIsRefusedWhenThePushIsBuiltBeforeAnyPhoneIsAsked() {
        assertThatThrownBy(() -> execute("NoSuchFamily:x")).isInstanceOf(XsiValidationException.class)
                .hasMessageContaining("ExecuteItem[0].URL");
    }

    @Test
    void unsupportedCarriesTheCatalogsReasonAndSource() {
        PushOutcome.NotSent n = skipped(PREFLIGHT.check(phone("CP-7841"), execute("Display:Off:10")));
        assertThat(n.detail()).contains("CP-7841", "Display", "7800", "source:");
    }

    @Test
    void componentMessagesAskForTheirApi() {
        XsiPush start = xml("<startMedia><mediaStream><type>audio</type><codec>G.711</codec>"
                + "<mode>receive</mode><address>239.1.1.1</address><port>20480</port></mediaStream></startMedia>");
        assertThat(PREFLIGHT.check(phone("CP-8845"), start)).isInstanceOf(Preflight.Verdict.Send.class);
        assertThat(skipped(PREFLIGHT.check(phone("CP-8851-3PCC"), start)).kind()).hasToString("UNSUPPORTED");
    }

    @Test
    void unknownModelsAreSentUnlessStrict() {
        XsiPush text = xml("<CiscoIPPhoneText><Text>x</Text></CiscoIPPhoneText>");
        assertThat(PREFLIGHT.check(phone("XYZ-1"), text)).isEqualTo(new Preflight.Verdict.Send(text));
        assertThat(PREFLIGHT.check(phone(""), text)).isEqualTo(new Preflight.Verdict.Send(text));
        assertThat(skipped(new CatalogPreflight(ModelCatalog.standard(), XsiValidator.standard(), true)
                .check(phone("XYZ-1"), text)).detail()).contains("XYZ-1");
    }

    @Test
    void phonesAreSentTheirModelsWireForm() {
        XsiPush volume = XsiPush.of("down", Execute.of("Key:VolDwn"));
        Preflight.Plan plan = PREFLIGHT.plan(volume);
        XsiPush on7841 = ((Preflight.Verdict.Send) plan.check(phone("CP-7841"))).push();
        XsiPush on8845 = ((Preflight.Verdict.Send) plan.check(phone("CP-8845"))).push();
        assertThat(on7841.xmlText()).contains("URL=\"Key:VolDown\"");
        assertThat(on8845).isSameAs(volume);
        // one decision per model for the whole run: the same verdict object for every phone of a model
        assertThat(plan.check(phone("CP-7841"))).isSameAs(plan.check(phone("CP-7841")));
    }

    @Test
    void withoutChecksTheWireFormIsStillApplied() {
        XsiPush dark = XsiPush.of("dark", Execute.of("Display:Off:10", "Key:VolDwn"));
        // Display is unsupported on the 7841 by the catalog; --no-preflight sends it anyway, spelled for the model
        assertThat(skipped(PREFLIGHT.check(phone("CP-7841"), dark)).kind()).hasToString("UNSUPPORTED");
        XsiPush sent = ((Preflight.Verdict.Send) CatalogPreflight.wireFormOnly().check(phone("CP-7841"), dark)).push();
        assertThat(sent.xmlText()).contains("URL=\"Display:Off:10\"", "URL=\"Key:VolDown\"");
    }
}
