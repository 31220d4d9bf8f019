package io.phonectl.sim;

import io.phonectl.sim.cucm.CucmConfig;
import io.phonectl.sim.cucm.CucmDirectory;
import io.phonectl.sim.cucm.CucmFleet;
import io.phonectl.sim.cucm.CucmInspection;
import io.phonectl.sim.cucm.SimCucm;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The CUCM under the fleet's inspection API, driven by the JDK client: what it changes, RisPort and AXL show. */
class CucmInspectionTest {

    static HttpResponse<byte[]> post(URI uri, String json) {
        return Http.post(uri, null, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void registerUnregisterMoveAddUpdateDelete() throws Exception {
        MutableClock clock = new MutableClock();
        SimConfig phones = SimConfig.ephemeral(4, List.of("CP-8845", "CP-8851-3PCC")).withAddresses(
                InetAddress.getByName("127.5.0.1"), 0);
        try (FleetHost host = FleetHost.start(phones)) {
            CucmConfig config = CucmConfig.defaults("axl", "pw").withListener(InetAddress.getLoopbackAddress(), 0, false);
            CucmDirectory d = CucmDirectory.of(config, clock);
            CucmFleet.Loaded loaded = CucmFleet.fromPhones(d, host.phones());
            assertThat(loaded.configured()).isEqualTo(2);
            assertThat(loaded.leftOut()).isEqualTo(2);
            try (SimCucm cucm = SimCucm.start(config, d, clock)) {
                host.inspection().orElseThrow().extension("cucm", new CucmInspection(cucm));
                URI base = host.inspectionUri().orElseThrow().resolve("cucm/");
                String overview = Http.text(Http.get(base.resolve("."), null));
                assertThat(overview).contains("\"phones\":2").contains("\"risRatePerMinute\":15");
                String phone = host.phones().getFirst().name();
                String one = Http.text(Http.get(base.resolve("phones/" + phone), null));
                assertThat(one).contains("\"ip\":\"127.5.0.1\"").contains("\"cucm-pub\":{").contains("Registered");

                assertThat(post(base.resolve("phones/" + phone + "/unregister"), "{\"reason\":8}").statusCode())
                        .isEqualTo(200);
                assertThat(Http.text(Http.get(base.resolve("phones/" + phone), null))).contains("UnRegistered")
                        .contains("\"reason\":8");
                clock.advance(java.time.Duration.ofSeconds(5));
                String moved = Http.text(post(base.resolve("phones/" + phone + "/register"),
                        "{\"node\":\"cucm-sub1\",\"ip\":\"127.5.9.9\"}"));
                assertThat(moved).contains("\"ip\":\"127.5.9.9\"");
                assertThat(Http.text(post(base.resolve("phones"), "{\"name\":\"SEP00EE00000001\",\"model\":\"DP-9851\","
                        + "\"dn\":\"7000\",\"ip\":\"127.5.7.7\",\"register\":\"cucm-pub\"}"))).contains("Cisco 9851");
                assertThat(Http.text(post(base.resolve("phones/SEP00EE00000001/update"), "{\"description\":\"lobby\"}")))
                        .contains("\"description\":\"lobby\"");
                assertThat(post(base.resolve("phones/" + phone + "/delete"), "").statusCode()).isEqualTo(200);
                assertThat(Http.get(base.resolve("phones/" + phone), null).statusCode()).isEqualTo(404);
                assertThat(post(base.resolve("phones/SEP00EE00000001/fly"), "").statusCode()).isEqualTo(404);
                assertThat(post(base.resolve("phones"), "{not json").statusCode()).isEqualTo(400);
                assertThat(post(base.resolve("phones"), "{\"name\":\"SEP00EE00000002\",\"model\":\"Nokia 3310\"}")
                        .statusCode()).isEqualTo(400);
                assertThat(Http.text(post(base.resolve("restart-axl"), ""))).contains("queueId");
                // what the inspection API changed, AXL answers
                String listed = Http.text(Http.post(cucm.uri().resolve("/axl/"), Http.basic("axl", "pw"), "text/xml",
                        ("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                                + "xmlns:ns=\"http://www.cisco.com/AXL/API/15.0\"><soapenv:Body><ns:listPhone>"
                                + "<searchCriteria><name>%</name></searchCriteria><returnedTags><name/><description/>"
                                + "</returnedTags></ns:listPhone></soapenv:Body></soapenv:Envelope>")
                                .getBytes(StandardCharsets.UTF_8)));
                assertThat(listed).contains("SEP00EE00000001").contains("<description>lobby</description>")
                        .doesNotContain(phone);
            }
        }
    }
}
