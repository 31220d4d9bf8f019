package io.phonectl.sim;

import io.phonectl.sim.phone.SimModel;
import io.phonectl.sim.phone.SimPhone;
import io.phonectl.xsi.model.ExecuteRules;
import io.phonectl.xsi.uri.InternalUri;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every model of the mix against one URI of every internal-URI family the control spec lists: where the model
 * catalog (and the Execute rules) say supported, the phone never answers "URI not found"; where not, it does;
 * MPP profiles answer an empty 200. Guards that the simulator asks the catalog and nothing else.
 */
class ModelMatrixTest {

    static FleetHost host;

    static final List<String> URIS = List.of("Key:Services", "Key:Hold", "Key:Offhook", "Key:Key_1", "Key:NavUp",
            "SoftKey:Exit", "Display:Default", "Init:AppStatus", "Device:Unlock", "Device:PRTStatus", "Dial:1",
            "EditDial:1", "SendDigits:1:1", "Play:Stop", "RTPRx:Stop", "RTPTx:Stop", "RTPMRx:Stop",
            "App:Close:0:60:x", "SettingsMenu:Foo", "Button:Back", "Vibrate", "QueryStringParam:a=1",
            "Resource:Icon.Connected", "Notify:http:127.0.0.1:9:/x");

    @BeforeAll
    static void start() throws Exception {
        host = FleetHost.start(SimConfig.ephemeral(SimModel.MIX.size(), List.of()));
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    static Stream<Arguments> cases() {
        return SimModel.MIX.stream().flatMap(m -> URIS.stream().map(u -> Arguments.of(m, u)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void answersWhatTheCatalogSays(String model, String url) {
        SimPhone p = host.phones().stream().filter(x -> x.model().name().equals(model)).findFirst().orElseThrow();
        p.reset();
        String xml = "<CiscoIPPhoneExecute><ExecuteItem URL=\"" + url + "\"/></CiscoIPPhoneExecute>";
        HttpResponse<byte[]> r = Http.post(FleetHost.uriOf(p).resolve("/CGI/Execute"), Http.basic("admin", "admin"),
                "application/x-www-form-urlencoded",
                ("XML=" + URLEncoder.encode(xml, StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII));
        assertThat(r.statusCode()).isEqualTo(200);
        if (p.model().multiplatform()) {
            assertThat(r.body()).isEmpty();
            return;
        }
        InternalUri uri = InternalUri.parse(url);
        boolean allowed = ExecuteRules.violations(uri, p.model().catalog()).isEmpty()
                && p.model().catalog().support(uri).supported();
        String body = Http.text(r);
        assertThat(body).contains("<ResponseItem URL=\"" + url.replace("&", "&amp;") + "\"");
        if (allowed) {
            assertThat(body).doesNotContain("URI not found");
        } else {
            assertThat(body).contains("Data=\"URI not found\" Status=\"6\"");
        }
        p.onHook();
    }
}
