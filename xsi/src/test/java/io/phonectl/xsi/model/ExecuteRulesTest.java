package io.phonectl.xsi.model;

import io.phonectl.xsi.uri.InternalUri;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ExecuteRulesTest {

    /** model "-" = unknown model (null); true = allowed inside CiscoIPPhoneExecute. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Key:Hold|-|true", "Dial:1000|-|true", "Notify:http:h:80:p|-|false", "Notify:http:h:80:p|CP-8845|false",
            "SoftKey:Exit|-|false", "SoftKey:Exit|CP-8845|false", "SoftKey:Exit|CP-8821|true",
            "App:Close:0:60:Cisco/App|-|true", "App:Close|-|false", "App:Close:0:60|CP-8845|false",
            "RTPRx:Stop|CP-7942|true"})
    void executePlacement(String text, String modelName, boolean allowed) {
        PhoneModel model = modelName.equals("-") ? null : ModelCatalog.standard().model(modelName);
        var violations = ExecuteRules.violations(InternalUri.parse(text), model);
        assertThat(violations.isEmpty()).isEqualTo(allowed);
        assertThat(violations).allSatisfy(v -> {
            assertThat(v.field()).isEqualTo("ExecuteItem URL");
            assertThat(v.rule()).isNotBlank();
            assertThat(v.source()).isNotBlank();
        });
    }
}
