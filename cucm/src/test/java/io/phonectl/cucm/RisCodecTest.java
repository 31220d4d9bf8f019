package io.phonectl.cucm;

import io.phonectl.cucm.ris.CmDevice;
import io.phonectl.cucm.ris.CmNode;
import io.phonectl.cucm.ris.CmSelectionCriteria;
import io.phonectl.cucm.ris.RisCodec;
import io.phonectl.cucm.ris.RisFaults;
import io.phonectl.cucm.ris.SelectCmDevice;
import io.phonectl.cucm.ris.SelectResult;
import io.phonectl.cucm.ris.StatusReasons;
import io.phonectl.cucm.soap.Soap;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RisCodecTest {

    static final int CAP = 16 * 1024 * 1024;

    @Test
    void requestReadsBack() {
        SelectCmDevice r = new SelectCmDevice(true, "", CmSelectionCriteria.phonesByName(
                List.of("SEP00AA00000001", "SEP00AA0000000*"), "cucm-sub1"));
        Soap.Message m = Soap.read(RisCodec.encode(r), CAP);
        assertThat(m.namespace()).isEqualTo(RisCodec.NAMESPACE);
        assertThat(RisCodec.decode(m.body())).isEqualTo(r);
        String text = new String(RisCodec.encode(r), StandardCharsets.UTF_8);
        assertThat(text).contains("<soap:selectCmDeviceExt><soap:StateInfo></soap:StateInfo>")
                .contains("<soap:SelectItems><soap:item><soap:Item>SEP00AA00000001</soap:Item></soap:item>");
    }

    @Test
    void maxReturnedDevicesIsOneThousandAtMost() {
        List<String> none = List.of();
        assertThat(new CmSelectionCriteria(1000, "Phone", 255, "Any", "", "Name", none, "Any", "Any")
                .maxReturnedDevices()).isEqualTo(1000);
        assertThatThrownBy(() -> new CmSelectionCriteria(1001, "Phone", 255, "Any", "", "Name", none, "Any", "Any"))
                .isInstanceOf(CucmValidationException.class).hasMessageContaining("MaxReturnedDevices = 1001")
                .hasMessageContaining("1..1000").hasMessageContaining("CmSelectionCriteria");
        assertThatThrownBy(() -> new CmSelectionCriteria(0, "Phone", 255, "Any", "", "Name", none, "Any", "Any"))
                .hasMessageContaining("MaxReturnedDevices = 0");
        assertThatThrownBy(() -> new CmSelectionCriteria(10, "Phone", 255, "Any", "", "MAC", none, "Any", "Any"))
                .hasMessageContaining("SelectBy = MAC");
        assertThatThrownBy(() -> new CmSelectionCriteria(10, "Phone", 255, "Online", "", "Name", none, "Any", "Any"))
                .hasMessageContaining("Status = Online");
        List<String> many = new ArrayList<>(Collections.nCopies(1001, "SEP1"));
        assertThatThrownBy(() -> CmSelectionCriteria.phonesByName(many, "")).hasMessageContaining("SelectItems");
    }

    @Test
    void answerReadsBack() {
        CmDevice a = new CmDevice("SEP00AA00000001", "1000-Registered", "Phone", 36224, "Yes", "Registered", 0,
                "Lobby", 1_768_471_200L, "SIP", "sip88xx.14-2-1-0001-14", List.of("127.1.0.1"));
        CmDevice b = new CmDevice("SEP00AA00000001", "1000-UnRegistered", "Phone", 36224, "No", "UnRegistered", 13,
                null, 1_768_470_000L, "SIP", null, List.of("127.1.0.1"));
        SelectResult r = new SelectResult(3, List.of(new CmNode("Ok", "cucm-pub", false, List.of(a)),
                new CmNode("Ok", "cucm-sub1", false, List.of(b))), "<StateInfo/>");
        SelectResult back = RisCodec.decode(Soap.read(RisCodec.encode(r), CAP));
        assertThat(back).isEqualTo(r);
        assertThat(back.truncated()).isTrue();
        assertThat(back.nodes().get(1).devices().getFirst().number()).isEqualTo("1000");
        SelectResult empty = RisCodec.decode(Soap.read(RisCodec.encode(new SelectResult(0, List.of(), "")), CAP));
        assertThat(empty.nodes()).isEmpty();
    }

    @Test
    void readsAnUnqualifiedAnswerInAnyOrder() {
        // CUCM 15 as public clients record it: children unqualified, fields in another order, one IP item
        String doc = "<?xml version=\"1.0\"?><soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soapenv:Body><ns:selectCmDeviceResponse xmlns:ns=\"http://schemas.cisco.com/ast/soap\">"
                + "<ns:selectCmDeviceReturn><SelectCmDeviceResult><TotalDevicesFound>1</TotalDevicesFound><CmNodes><item>"
                + "<ReturnCode>Ok</ReturnCode><Name>cucm15-pub</Name><CmDevices><item><Name>SEP001122334455</Name>"
                + "<IPAddress><item><IP>10.0.1.100</IP><IPAddrType>ipv4</IPAddrType></item></IPAddress>"
                + "<Description>Lobby Phone</Description><DirNumber>1000-Registered</DirNumber><Status>Registered</Status>"
                + "<StatusReason>0</StatusReason><Protocol>SIP</Protocol><ActiveLoadID>sip78xx.14-3-1-0001-60</ActiveLoadID>"
                + "<TimeStamp>1704067200</TimeStamp></item></CmDevices></item></CmNodes></SelectCmDeviceResult>"
                + "</ns:selectCmDeviceReturn></ns:selectCmDeviceResponse></soapenv:Body></soapenv:Envelope>";
        SelectResult r = RisCodec.decode(Soap.read(doc.getBytes(StandardCharsets.UTF_8), CAP));
        CmDevice d = r.nodes().getFirst().devices().getFirst();
        assertThat(d.ipv4()).isEqualTo("10.0.1.100");
        assertThat(d.timeStamp()).isEqualTo(1704067200L);
        assertThat(d.httpd()).isEqualTo("Unknown");
        assertThat(d.model()).isEqualTo(255);
    }

    @Test
    void rateFaultIsRecognised() {
        Soap.Message m = Soap.read(Soap.fault(RisFaults.rateExceeded(15)), CAP);
        assertThat(RisFaults.isRateExceeded(m.fault())).isTrue();
        assertThat(m.fault().message()).contains("15 requests per minute");
    }

    @Test
    void statusReasonsDependOnStatus() {
        assertThat(StatusReasons.describe("UnRegistered", 13)).isEqualTo("KeepAliveTimeout (13)");
        assertThat(StatusReasons.describe("Rejected", 13)).isEqualTo("DirectoryNumberMismatch (13)");
        assertThat(StatusReasons.describe("Registered", 0)).isEmpty();
        assertThat(StatusReasons.describe("UnRegistered", 99)).isEqualTo("reason 99");
    }
}
