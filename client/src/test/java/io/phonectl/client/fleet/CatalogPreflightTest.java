package io.phonectl.client.fleet;

import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.client.xsi.PhoneAddress;
import io.phonectl.client.xsi.PushOutcome;
import io.phonectl.xsi.SizeProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogPreflightTest {

    static final CatalogPreflight PREFLIGHT = CatalogPreflight.standard();

    static PhoneEntry phone(String model) {
        return new PhoneEntry("p", new PhoneAddress("127.0.0.1", 80), model, "", "");
    }

    static FleetAction execute(String uri) {
        return FleetAction.ofXml("x", "<CiscoIPPhoneExecute><ExecuteItem URL=\"" + uri + "\"/></CiscoIPPhoneExecute>");
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
            "CP-8845|NoSuchFamily:x|INVALID",
            "CP-8821|Device:GeneratePRT|",
            "CP-8845|Device:GeneratePRT|UNSUPPORTED",
    })
    void executeUris(String model, String uri, String expected) {
        Optional<PushOutcome.NotSent> r = PREFLIGHT.check(phone(model), execute(uri));
        if (expected == null) {
            assertThat(r).as("%s on %s", uri, model).isEmpty();
        } else {
            assertThat(r).as("%s on %s", uri, model).isPresent();
            assertThat(r.get().kind().name()).isEqualTo(expected);
            assertThat(r.get().detail()).isNotBlank();
        }
    }

    @Test
    void unsupportedCarriesTheCatalogsReasonAndSource() {
        PushOutcome.NotSent n = PREFLIGHT.check(phone("CP-7841"), execute("Display:Off:10")).orElseThrow();
        assertThat(n.detail()).contains("CP-7841", "Display", "7800", "source:");
    }

    @Test
    void componentMessagesAskForTheirApi() {
        FleetAction start = FleetAction.ofXml("s", "<startMedia><mediaStream><type>audio</type><codec>G.711</codec>"
                + "<mode>receive</mode><address>239.1.1.1</address><port>20480</port></mediaStream></startMedia>");
        assertThat(PREFLIGHT.check(phone("CP-8845"), start)).isEmpty();
        assertThat(PREFLIGHT.check(phone("CP-8851-3PCC"), start)).get().extracting(PushOutcome::kind).hasToString("UNSUPPORTED");
    }

    @Test
    void unknownModelsAreSentUnlessStrict() {
        FleetAction text = FleetAction.ofXml("t", "<CiscoIPPhoneText><Text>x</Text></CiscoIPPhoneText>");
        assertThat(PREFLIGHT.check(phone("XYZ-1"), text)).isEmpty();
        assertThat(PREFLIGHT.check(phone(""), text)).isEmpty();
        assertThat(new CatalogPreflight(io.phonectl.xsi.model.ModelCatalog.standard(), io.phonectl.xsi.validate.XsiValidator.standard(), true).check(phone("XYZ-1"), text))
                .get().extracting(PushOutcome::detail).asString().contains("XYZ-1");
        assertThat(PREFLIGHT.sizeProfile(phone("CP-8845"))).isEqualTo(SizeProfile.POST_40KB);
    }
}
