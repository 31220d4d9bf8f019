package io.phonectl.sim;

import io.phonectl.sim.cucm.CucmConfig;
import io.phonectl.sim.cucm.CucmDirectory;
import io.phonectl.sim.cucm.CucmUser;
import io.phonectl.sim.cucm.SimCucm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The simulated CUCM through a plain JDK HTTP client and SOAP written out by hand, so that phonectl's own codecs
 * and client cannot share a misunderstanding with it.
 */
class CucmSimTest {

    static final String AXL_NS = "http://www.cisco.com/AXL/API/14.0";
    static final String ENV = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
            + "xmlns:ns=\"%s\"><soapenv:Header/><soapenv:Body>%s</soapenv:Body></soapenv:Envelope>";
    static final String RIS_ENV = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
            + "xmlns:soap=\"http://schemas.cisco.com/ast/soap\"><soapenv:Header/><soapenv:Body><soap:selectCmDeviceExt>"
            + "<soap:StateInfo></soap:StateInfo><soap:CmSelectionCriteria><soap:MaxReturnedDevices>%d"
            + "</soap:MaxReturnedDevices><soap:DeviceClass>Phone</soap:DeviceClass><soap:Model>255</soap:Model>"
            + "<soap:Status>Any</soap:Status><soap:NodeName></soap:NodeName><soap:SelectBy>Name</soap:SelectBy>"
            + "<soap:SelectItems>%s</soap:SelectItems><soap:Protocol>Any</soap:Protocol>"
            + "<soap:DownloadStatus>Any</soap:DownloadStatus></soap:CmSelectionCriteria></soap:selectCmDeviceExt>"
            + "</soapenv:Body></soapenv:Envelope>";

    final MutableClock clock = new MutableClock();
    SimCucm cucm;

    @AfterEach
    void stop() {
        if (cucm != null) {
            cucm.close();
        }
    }

    SimCucm start(int phones, CucmConfig config) throws Exception {
        CucmDirectory d = CucmDirectory.of(config, clock);
        for (int i = 0; i < phones; i++) {
            d.add(new CucmDirectory.PhoneSpec(String.format("SEP00AA%08X", i + 1), "Phone " + i, "CP-8845", "SIP",
                    "DP-HQ", Integer.toString(1000 + i), "127.1.0." + (i % 250 + 1)));
            d.register(String.format("SEP00AA%08X", i + 1), config.nodes().get(i % config.nodes().size()), null);
        }
        cucm = SimCucm.start(config, d, clock);
        return cucm;
    }

    static CucmConfig plain() {
        return CucmConfig.defaults("axl", "secret").withListener(InetAddress.getLoopbackAddress(), 0, false);
    }

    HttpResponse<byte[]> axl(String action, String op, String user, String password) {
        return Http.post(cucm.uri().resolve("/axl/"), Http.basic(user, password), "text/xml; charset=utf-8",
                String.format(ENV, AXL_NS, op).getBytes(StandardCharsets.UTF_8), "SOAPAction", action);
    }

    HttpResponse<byte[]> axl(String action, String op) {
        return axl(action, op, "axl", "secret");
    }

    HttpResponse<byte[]> ris(int max, String... names) {
        StringBuilder items = new StringBuilder();
        for (String n : names) {
            items.append("<soap:item><soap:Item>").append(n).append("</soap:Item></soap:item>");
        }
        return Http.post(cucm.uri().resolve("/realtimeservice2/services/RISService70"), Http.basic("axl", "secret"),
                "text/xml", String.format(RIS_ENV, max, items).getBytes(StandardCharsets.UTF_8), "SOAPAction",
                "selectCmDeviceExt");
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void listPhonePagesWithSkipAndFirst() throws Exception {
        start(25, plain());
        String page = "<ns:listPhone><searchCriteria><name>SEP%%</name></searchCriteria><returnedTags><name/>"
                + "<model/><devicePoolName/></returnedTags><skip>%d</skip><first>10</first></ns:listPhone>";
        HttpResponse<byte[]> first = axl("\"CUCM:DB ver=14.0 listPhone\"", String.format(page, 0));
        assertThat(first.statusCode()).isEqualTo(200);
        String text = Http.text(first);
        assertThat(count(text, "<phone ")).isEqualTo(10);
        assertThat(text).contains("<ns:listPhoneResponse xmlns:ns=\"" + AXL_NS + "\">")
                .contains("<name>SEP00AA00000001</name><model>Cisco 8845</model><devicePoolName>DP-HQ</devicePoolName>")
                .doesNotContain("<description>");
        String last = Http.text(axl("\"CUCM:DB ver=14.0 listPhone\"", String.format(page, 20)));
        assertThat(count(last, "<phone ")).isEqualTo(5);
        assertThat(last).contains("SEP00AA00000019").contains("SEP00AA00000015").doesNotContain("SEP00AA00000014");
        String beyond = Http.text(axl("\"CUCM:DB ver=14.0 listPhone\"", String.format(page, 30)));
        assertThat(count(beyond, "<phone ")).isZero();
    }

    @Test
    void versionsAndOperationsAreChecked() throws Exception {
        start(1, plain());
        String get = "<ns:getPhone><name>SEP00AA00000001</name></ns:getPhone>";
        HttpResponse<byte[]> ok = axl("\"CUCM:DB ver=14.0 getPhone\"", get);
        assertThat(Http.text(ok)).contains("<pattern>1000</pattern>").contains("<index>1</index>");
        HttpResponse<byte[]> mismatch = axl("\"CUCM:DB ver=12.5 getPhone\"", get);
        assertThat(mismatch.statusCode()).isEqualTo(500);
        assertThat(Http.text(mismatch)).contains("<faultcode>soapenv:Client</faultcode>").contains("does not match");
        HttpResponse<byte[]> unknown = axl("\"CUCM:DB ver=14.0 addPhone\"", "<ns:addPhone><phone/></ns:addPhone>");
        assertThat(unknown.statusCode()).isEqualTo(500);
        assertThat(Http.text(unknown)).contains("Cannot find dispatch method for {" + AXL_NS + "}addPhone");
        HttpResponse<byte[]> old = Http.post(cucm.uri().resolve("/axl/"), Http.basic("axl", "secret"), "text/xml",
                String.format(ENV, "http://www.cisco.com/AXL/API/10.5", get).getBytes(StandardCharsets.UTF_8));
        assertThat(Http.text(old)).contains("is not an AXL schema this server offers");
        HttpResponse<byte[]> missing = axl("\"CUCM:DB ver=14.0 getPhone\"", "<ns:getPhone><name>SEPNONE</name></ns:getPhone>");
        assertThat(Http.text(missing)).contains("<axlcode>5007</axlcode>").contains("Item not valid");
        assertThat(Http.post(cucm.uri().resolve("/axl"), Http.basic("axl", "secret"), "text/xml", new byte[0])
                .statusCode()).isEqualTo(404);
    }

    @Test
    void wrongCredentialsAre401AndMissingRolesAre403() throws Exception {
        start(1, plain().withUsers(List.of(CucmUser.both("axl", "secret"), new CucmUser("rtmt", "pw", false, true))));
        String get = "<ns:getPhone><name>SEP00AA00000001</name></ns:getPhone>";
        HttpResponse<byte[]> wrong = axl("\"CUCM:DB ver=14.0 getPhone\"", get, "axl", "wrong");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Basic realm=");
        HttpResponse<byte[]> none = Http.post(cucm.uri().resolve("/axl/"), null, "text/xml", new byte[0]);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(axl("\"CUCM:DB ver=14.0 getPhone\"", get, "rtmt", "pw").statusCode()).isEqualTo(403);
    }

    @Test
    void repliesOverTheLimitAreRefusedWithTheRowsThatWouldFit() throws Exception {
        start(200, plain().withMaxReplyBytes(8192));
        HttpResponse<byte[]> big = axl("\"CUCM:DB ver=14.0 listPhone\"", "<ns:listPhone><searchCriteria><name>%</name>"
                + "</searchCriteria><returnedTags><name/><description/><model/></returnedTags></ns:listPhone>");
        assertThat(big.statusCode()).isEqualTo(500);
        Matcher m = Pattern.compile("Query request too large\\. Total rows matched: (\\d+) rows\\. Suggestive Row Fetch: "
                + "less than (\\d+) rows").matcher(Http.text(big));
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isEqualTo("200");
        int suggested = Integer.parseInt(m.group(2));
        assertThat(suggested).isBetween(1, 199);
        assertThat(Http.text(big)).contains("<axlcode>-1</axlcode>").contains("<request>listPhone</request>");
        String sql = "select skip 0 first " + (suggested - 1) + " d.name, tm.name as model, n.dnorpattern as dn "
                + "from device d inner join typemodel tm on tm.enum = d.tkmodel left outer join devicenumplanmap m on "
                + "m.fkdevice = d.pkid and m.numplanindex = 1 left outer join numplan n on n.pkid = m.fknumplan "
                + "where d.tkclass = 1 order by d.name";
        HttpResponse<byte[]> part = axl("\"CUCM:DB ver=14.0 executeSQLQuery\"",
                "<ns:executeSQLQuery><sql>" + sql + "</sql></ns:executeSQLQuery>");
        assertThat(part.statusCode()).isEqualTo(200);
        assertThat(count(Http.text(part), "<row>")).isEqualTo(suggested - 1);
        assertThat(Http.text(part)).contains("<row><name>SEP00AA00000001</name><model>Cisco 8845</model><dn>1000</dn></row>");
        HttpResponse<byte[]> other = axl("\"CUCM:DB ver=14.0 executeSQLQuery\"",
                "<ns:executeSQLQuery><sql>select * from enduser</sql></ns:executeSQLQuery>");
        assertThat(Http.text(other)).contains("A syntax error has occurred.").contains("<axlcode>-201</axlcode>");
    }

    @Test
    void risPortAnswersPerNodeWithDuplicatesUnregisteredAndRejected() throws Exception {
        start(4, plain());
        CucmDirectory d = cucm.directory();
        d.staleEntry("SEP00AA00000001", "cucm-sub1", 3600);
        d.unregister("SEP00AA00000002", CucmDirectory.KEEPALIVE_TIMEOUT);
        d.reject("SEP00AA00000003", "cucm-pub", CucmDirectory.MAX_DEV_REG_REACHED);
        String text = Http.text(ris(1000, "SEP00AA00000001", "SEP00AA00000002", "SEP00AA00000003", "SEPNOTTHERE"));
        assertThat(text).contains("<ns1:TotalDevicesFound>4</ns1:TotalDevicesFound>");
        assertThat(count(text, "<ns1:Name>SEP00AA00000001</ns1:Name>")).isEqualTo(2);
        long now = clock.instant().getEpochSecond();
        assertThat(text).contains("<ns1:TimeStamp>" + now + "</ns1:TimeStamp>")
                .contains("<ns1:TimeStamp>" + (now - 3600) + "</ns1:TimeStamp>");
        assertThat(text).contains("<ns1:DirNumber>1001-UnRegistered</ns1:DirNumber>")
                .contains("<ns1:Status>Rejected</ns1:Status><ns1:StatusReason>5</ns1:StatusReason>")
                .contains("<ns1:IP>127.1.0.1</ns1:IP>").contains("<ns1:Httpd>Yes</ns1:Httpd>")
                .contains("<ns1:Name>cucm-pub</ns1:Name>").contains("<ns1:Name>cucm-sub1</ns1:Name>");
        String cut = Http.text(ris(2, "SEP00AA0000000*"));
        assertThat(cut).contains("<ns1:TotalDevicesFound>5</ns1:TotalDevicesFound>");
        assertThat(count(cut, "<ns1:DirNumber>")).isEqualTo(2);
        HttpResponse<byte[]> tooMany = ris(1001, "SEP*");
        assertThat(tooMany.statusCode()).isEqualTo(500);
        assertThat(Http.text(tooMany)).contains("MaxReturnedDevices = 1001").contains("1..1000");
    }

    @Test
    void rateLimitIsClusterWideAndResetsEachMinute() throws Exception {
        start(1, plain());
        for (int i = 0; i < 15; i++) {
            assertThat(ris(10, "SEP*").statusCode()).as("request " + (i + 1)).isEqualTo(200);
        }
        HttpResponse<byte[]> refused = ris(10, "SEP*");
        assertThat(refused.statusCode()).isEqualTo(500);
        assertThat(Http.text(refused)).contains("AxisFault: Exceeded allowed rate for Reatime information. "
                + "Current allowed rate for realtime information is 15 requests per minute.");
        clock.advance(Duration.ofSeconds(59));
        assertThat(ris(10, "SEP*").statusCode()).isEqualTo(500);
        clock.advance(Duration.ofSeconds(1));
        assertThat(ris(10, "SEP*").statusCode()).isEqualTo(200);
    }

    @Test
    void aHeldRisPortAnswersOnlyOnceReleasedAndAxlIsNotHeld() throws Exception {
        start(1, plain());
        cucm.holdRisPort();
        CompletableFuture<HttpResponse<byte[]>> held = CompletableFuture.supplyAsync(() -> ris(10, "SEP*"));
        await().atMost(Duration.ofSeconds(30)).until(() -> cucm.risHeld() == 1);
        assertThat(axl("\"CUCM:DB ver=14.0 listPhone\"", "<ns:listPhone><searchCriteria><name>SEP%%</name>"
                + "</searchCriteria><returnedTags><name/></returnedTags></ns:listPhone>").statusCode()).isEqualTo(200);
        assertThat(held).isNotDone();
        cucm.release();
        HttpResponse<byte[]> answer = held.get(30, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(Http.text(answer)).contains("SEP00AA00000001");
        assertThat(cucm.risHeld()).isZero();
        assertThat(ris(10, "SEP*").statusCode()).isEqualTo(200);
    }

    @Test
    void listChangeReportsAddsUpdatesAndRemovals() throws Exception {
        start(2, plain());
        cucm.directory().restartAxl();
        String first = Http.text(axl("\"CUCM:DB ver=14.0 listChange\"",
                "<ns:listChange><objectList><object>Phone</object></objectList></ns:listChange>"));
        String queueId = between(first, "<queueId>", "</queueId>");
        String next = between(first, "<nextStartChangeId>", "</nextStartChangeId>");
        assertThat(first).contains("<changes></changes>");
        cucm.directory().add(new CucmDirectory.PhoneSpec("SEP00AA000000FF", "new", "DP-9841", "SIP", "DP-HQ", "1255",
                "127.1.0.255"));
        cucm.directory().update("SEP00AA00000001", java.util.Map.of("devicePoolName", "DP-Branch1"));
        cucm.directory().remove("SEP00AA00000002");
        String since = Http.text(axl("\"CUCM:DB ver=14.0 listChange\"", "<ns:listChange><startChangeId queueId=\""
                + queueId + "\">" + next + "</startChangeId><objectList><object>Phone</object></objectList></ns:listChange>"));
        assertThat(since).contains("<action>a</action><doGet>true</doGet>")
                .contains("<action>u</action><doGet>false</doGet><changedTags><changedTag name=\"devicePoolName\">"
                        + "DP-Branch1</changedTag></changedTags>").contains("<action>r</action>");
        HttpResponse<byte[]> wrong = axl("\"CUCM:DB ver=14.0 listChange\"",
                "<ns:listChange><startChangeId queueId=\"nope\">1</startChangeId></ns:listChange>");
        assertThat(wrong.statusCode()).isEqualTo(500);
        assertThat(Http.text(wrong)).contains("<axlcode>5007</axlcode>").contains("full sync is needed");
    }

    static String between(String text, String open, String close) {
        int a = text.indexOf(open) + open.length();
        return text.substring(a, text.indexOf(close, a));
    }

    @Test
    void httpsWithTheCertificateMadeAtStart() throws Exception {
        start(1, CucmConfig.defaults("axl", "secret"));
        URI uri = cucm.uri();
        assertThat(uri.getScheme()).isEqualTo("https");
        java.security.cert.X509Certificate cert = cucm.certificate().orElseThrow().certificate();
        assertThat(cert.getSubjectAlternativeNames()).anyMatch(n -> n.get(1).equals("127.0.0.1"));
        java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("cucm", cert);
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
        tmf.init(trust);
        javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        java.net.http.HttpClient trusting = java.net.http.HttpClient.newBuilder().sslContext(ctx).build();
        HttpResponse<String> r = trusting.send(java.net.http.HttpRequest.newBuilder(uri.resolve("/axl/"))
                .header("Authorization", Http.basic("axl", "secret")).header("SOAPAction", "\"CUCM:DB ver=14.0 getPhone\"")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(String.format(ENV, AXL_NS,
                        "<ns:getPhone><name>SEP00AA00000001</name></ns:getPhone>"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        try {
            Http.CLIENT.send(java.net.http.HttpRequest.newBuilder(uri.resolve("/axl/")).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            org.assertj.core.api.Assertions.fail("an untrusted certificate must fail the handshake");
        } catch (javax.net.ssl.SSLHandshakeException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
