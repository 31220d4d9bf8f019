package io.phonectl.cucm;

import io.phonectl.cucm.axl.AxlFaults;
import io.phonectl.cucm.axl.AxlPhone;
import io.phonectl.cucm.axl.AxlRequest;
import io.phonectl.cucm.axl.AxlRequests;
import io.phonectl.cucm.axl.AxlResponses;
import io.phonectl.cucm.axl.AxlVersion;
import io.phonectl.cucm.axl.ChangeBatch;
import io.phonectl.cucm.axl.ExecuteSqlQuery;
import io.phonectl.cucm.axl.GetPhone;
import io.phonectl.cucm.axl.ListChange;
import io.phonectl.cucm.axl.ListPhone;
import io.phonectl.cucm.soap.Soap;
import io.phonectl.cucm.soap.SoapFault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AxlCodecTest {

    static final AxlVersion V14 = AxlVersion.of("14.0");
    static final int CAP = AxlFaults.MAX_REPLY_BYTES;

    static Soap.Message read(byte[] doc) {
        return Soap.read(doc, CAP);
    }

    @Test
    void listPhoneRequestIsWrittenExactly() {
        byte[] doc = AxlRequests.encode(V14, ListPhone.page(List.of("name", "model"), 2000, 1000));
        assertThat(new String(doc, StandardCharsets.UTF_8)).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:ns=\"http://www.cisco.com/AXL/API/14.0\">"
                + "<soapenv:Header/><soapenv:Body><ns:listPhone><searchCriteria><name>%</name></searchCriteria>"
                + "<returnedTags><name></name><model></model></returnedTags><skip>2000</skip><first>1000</first>"
                + "</ns:listPhone></soapenv:Body></soapenv:Envelope>");
    }

    @Test
    void everyRequestReadsBackAsWritten() {
        Map<String, String> search = new LinkedHashMap<>();
        search.put("name", "SEP00AA%");
        search.put("devicePoolName", "DP-HQ");
        List<AxlRequest> all = List.of(new ListPhone(search, ListPhone.TAGS, null, 50), GetPhone.byName("SEP00AA00000001"),
                GetPhone.byUuid("{1B1B9EB6-7803-11D3-BDF0-00108302EAD1}"),
                new ExecuteSqlQuery("select skip 10 first 5 d.name from device d where d.name like 'SEP%' and 1 < 2"),
                ListChange.first(List.of("Phone")), new ListChange(10001L, "093249823498", List.of("Phone", "User")));
        for (AxlRequest r : all) {
            Soap.Message m = read(AxlRequests.encode(V14, r));
            assertThat(m.namespace()).isEqualTo("http://www.cisco.com/AXL/API/14.0");
            assertThat(AxlVersion.fromNamespace(m.namespace())).isEqualTo(V14);
            assertThat(AxlRequests.decode(m.body())).isEqualTo(r);
        }
    }

    @Test
    void soapActionCarriesVersionAndOperation() {
        assertThat(V14.soapAction("listPhone")).isEqualTo("\"CUCM:DB ver=14.0 listPhone\"");
        AxlVersion.Action a = AxlVersion.parseAction("\"CUCM:DB ver=12.5 executeSQLQuery\"");
        assertThat(a.version().number()).isEqualTo("12.5");
        assertThat(a.operation()).isEqualTo("executeSQLQuery");
        assertThat(AxlVersion.parseAction("CUCM:DB ver=15.0 getPhone").operation()).isEqualTo("getPhone");
        assertThat(AxlVersion.parseAction("urn:something")).isNull();
        assertThat(AxlVersion.parseAction(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"11.0", "11.5", "12.0", "12.5", "14.0", "15.0"})
    void supportedVersions(String v) {
        assertThat(AxlVersion.of(v).namespace()).isEqualTo("http://www.cisco.com/AXL/API/" + v);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.5", "13.0", "16.0"})
    void unsupportedVersionsAreNamed(String v) {
        assertThatThrownBy(() -> AxlVersion.of(v)).isInstanceOf(CucmValidationException.class)
                .hasMessageContaining("axlVersion = " + v).hasMessageContaining("Versioning");
    }

    @Test
    void listPhoneLimitsNameFieldAndRule() {
        assertThatThrownBy(() -> new ListPhone(Map.of("mac", "x"), List.of("name"), null, null))
                .hasMessageContaining("searchCriteria = mac");
        assertThatThrownBy(() -> new ListPhone(Map.of("name", "%"), List.of("lines"), null, null))
                .hasMessageContaining("returnedTags = lines");
        assertThatThrownBy(() -> ListPhone.page(List.of("name"), -1, 5)).hasMessageContaining("skip = -1");
        assertThatThrownBy(() -> ListPhone.page(List.of("name"), 0, 0)).hasMessageContaining("first = 0");
        assertThat(ListPhone.page(List.of("name"), 0, 1).first()).isEqualTo(1);
        assertThatThrownBy(() -> new GetPhone(null, null)).isInstanceOf(CucmValidationException.class);
        assertThatThrownBy(() -> new ListChange(5L, null, List.of())).hasMessageContaining("startChangeId = 5");
    }

    @Test
    void responsesReadBack() {
        AxlPhone p = new AxlPhone("{A1}", "SEP00AA00000001", "Lobby & stairs <1>", "Cisco 8845", "Cisco 8845", "Phone",
                "SIP", "DP-HQ", List.of(new AxlPhone.Line(1, "1000", ""), new AxlPhone.Line(2, "2000", "PT-Internal")));
        List<AxlPhone> listed = AxlResponses.readListPhone(read(AxlResponses.listPhone(V14, List.of(p), ListPhone.TAGS)));
        assertThat(listed).containsExactly(new AxlPhone("{A1}", p.name(), p.description(), p.product(), p.model(),
                "Phone", "SIP", "DP-HQ", List.of()));
        List<AxlPhone> onlyNames = AxlResponses.readListPhone(read(AxlResponses.listPhone(V14, List.of(p), List.of("name"))));
        assertThat(onlyNames.getFirst().description()).isNull();
        AxlPhone got = AxlResponses.readGetPhone(read(AxlResponses.getPhone(V14, p)));
        assertThat(got).isEqualTo(p);
        assertThat(got.primaryDn()).isEqualTo("1000");

        Map<String, String> row = new LinkedHashMap<>();
        row.put("name", "SEP00AA00000001");
        row.put("dn", "1000");
        assertThat(AxlResponses.readSqlRows(read(AxlResponses.sqlRows(V14, List.of(row, row))))).containsExactly(row, row);
        assertThat(AxlResponses.readSqlRows(read(AxlResponses.sqlRows(V14, List.of())))).isEmpty();

        ChangeBatch b = new ChangeBatch(new ChangeBatch.QueueInfo(154, 10_000, 10_001, "093249823498"), List.of(
                new ChangeBatch.Change("Phone", "{4C48}", 10_001, "a", true, Map.of()),
                new ChangeBatch.Change("Phone", "{8G48}", 10_004, "u", false, Map.of("description", "A__V.x.3 w_p6."))));
        ChangeBatch back = AxlResponses.readListChange(read(AxlResponses.listChange(V14, b)));
        assertThat(back).isEqualTo(b);
        assertThat(back.more()).isFalse();
    }

    @Test
    void readsTheGuidesListChangeExample() {
        // the developer guide's sample answer, single-quoted attributes and all
        String doc = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:ns=\"http://www.cisco.com/AXL/API/10.0\"><soapenv:Body><ns:listChangeResponse><queueInfo>"
                + "<firstChangeId>10001</firstChangeId><lastChangeId>20000</lastChangeId>"
                + "<nextStartChangeId>20001</nextStartChangeId><queueId>093249823498</queueId></queueInfo><changes>"
                + "<change type='Phone' uuid='4c48f047-7b40-4547-a8c2-fc5b2b668bda'><id>10001</id><action>a</action>"
                + "<doGet>true</doGet></change><change type='PhysicalLocation' uuid='8h58f047'><id>10002</id>"
                + "<action>u</action><doGet>false</doGet><changedTags><changedTag name='description'>A__V3.Dx.3 w_p6."
                + "</changedTag></changedTags></change></changes></ns:listChangeResponse></soapenv:Body></soapenv:Envelope>";
        ChangeBatch b = AxlResponses.readListChange(read(doc.getBytes(StandardCharsets.UTF_8)));
        assertThat(b.queue().queueId()).isEqualTo("093249823498");
        assertThat(b.changes()).hasSize(2);
        assertThat(b.changes().get(1).changedTags()).containsEntry("description", "A__V3.Dx.3 w_p6.");
    }

    @Test
    void faultsWithAxlDetail() {
        SoapFault f = AxlFaults.tooLarge(2816, 844, "executeSQLQuery");
        Soap.Message m = read(Soap.fault(f));
        assertThat(m.isFault()).isTrue();
        assertThat(m.fault()).isEqualTo(f);
        assertThat(AxlFaults.tooLarge(m.fault())).contains(new AxlFaults.TooLarge(2816, 844));
        // the guide's other spelling
        assertThat(AxlFaults.tooLarge(SoapFault.server(
                "Query request too large. Total rows matched: 1277 rows. Suggested row fetch: less than 953 rows")))
                .contains(new AxlFaults.TooLarge(1277, 953));
        assertThat(AxlFaults.tooLarge(SoapFault.server("Item not valid"))).isEmpty();
        assertThat(read(Soap.fault(AxlFaults.queueIdMismatch())).fault().axlCode()).isEqualTo(5007);
        assertThatThrownBy(() -> m.expect("listPhoneResponse")).isInstanceOf(CucmParseException.class)
                .hasMessageContaining("Query request too large");
    }

    @Test
    void notSoapIsAParseError() {
        assertThatThrownBy(() -> read("<html/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CucmParseException.class).hasMessageContaining("Envelope");
        assertThatThrownBy(() -> read(("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<soapenv:Envelope xmlns:soapenv=\"x\"><soapenv:Body>&e;</soapenv:Body></soapenv:Envelope>")
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(CucmParseException.class);
        byte[] big = AxlResponses.sqlRows(V14, List.of(Map.of("name", "x".repeat(2000))));
        assertThatThrownBy(() -> Soap.read(big, 1000)).isInstanceOf(CucmParseException.class)
                .hasMessageContaining("1000-byte");
    }
}
