package io.phonectl.sim;

import com.sun.net.httpserver.HttpServer;
import io.phonectl.sim.phone.SimPhone;
import io.phonectl.xsi.device.StreamingStatistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Legacy RTP URIs and the RTP Streaming API against real UDP sockets on loopback. */
class RtpTest {

    static FleetHost host;
    static final String AUTH = Http.basic("admin", "admin");
    static final Random PORTS = new Random(7);

    @BeforeAll
    static void start() throws Exception {
        host = FleetHost.start(SimConfig.ephemeral(3, List.of("CP-8845", "CP-7841", "CP-8865")));
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @BeforeEach
    void reset() {
        host.phones().forEach(SimPhone::reset); // closes the phones' sockets
    }

    static SimPhone phone(String model) {
        return host.phones().stream().filter(p -> p.model().name().equals(model)).findFirst().orElseThrow();
    }

    static HttpResponse<byte[]> post(SimPhone p, String xml) {
        return Http.post(FleetHost.uriOf(p).resolve("/CGI/Execute"), AUTH, "application/x-www-form-urlencoded",
                ("XML=" + URLEncoder.encode(xml, StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII));
    }

    static String exec(SimPhone p, String url) {
        return Http.text(post(p, "<CiscoIPPhoneExecute><ExecuteItem URL=\"" + url + "\"/></CiscoIPPhoneExecute>"));
    }

    /** An even port in 20480–32768 that is free on 127.0.0.1 right now. */
    static int freeEvenPort() throws Exception {
        for (int i = 0; i < 200; i++) {
            int port = 20480 + 2 * PORTS.nextInt(6144);
            try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", port))) {
                return s.getLocalPort();
            } catch (java.net.SocketException busy) {
                // try another
            }
        }
        throw new AssertionError("no free even RTP port found in 200 attempts");
    }

    static void sendG711(int port, int packets) throws Exception {
        try (DatagramSocket s = new DatagramSocket()) {
            for (int i = 0; i < packets; i++) {
                ByteBuffer b = ByteBuffer.allocate(12 + 160);
                b.put((byte) 0x80).put((byte) 0).putShort((short) (100 + i)).putInt(8000 + 160 * i).putInt(0x1234);
                for (int j = 0; j < 160; j++) {
                    b.put((byte) 0xFF);
                }
                s.send(new DatagramPacket(b.array(), b.capacity(), InetAddress.getByName("127.0.0.1"), port));
            }
        }
    }

    @Test
    void rtpRxReceivesCountsAndReportsOnTheStreamingStatisticsPage() throws Exception {
        SimPhone p = phone("CP-8845");
        int port = freeEvenPort();
        assertThat(exec(p, "RTPRx:127.0.0.1:" + port)).contains("Status=\"0\"");
        sendG711(port, 50);
        await().atMost(Duration.ofSeconds(10)).until(() -> statistics(p, 1).rcvrPackets() == 50);
        StreamingStatistics st = statistics(p, 1);
        assertThat(st.rcvrOctets()).isEqualTo(50 * 160);
        assertThat(st.rcvrLostPackets()).isZero();
        assertThat(st.localAddr()).isEqualTo("127.0.0.1/" + port);
        assertThat(st.streamStatus()).isEqualTo("Active");
        assertThat(exec(p, "RTPRx:Stop")).contains("Status=\"0\"");
        StreamingStatistics after = statistics(p, 1);
        assertThat(after.streamStatus()).isEqualTo("Not Ready");
        // what was received stays readable after the stream ends (the page or call that carried it is over)
        assertThat(after.rcvrPackets()).isEqualTo(50);
        assertThat(after.rcvrOctets()).isEqualTo(50 * 160);
        assertThat(statistics(p, 2).rcvrPackets()).isZero(); // no older stream
        try (DatagramSocket again = new DatagramSocket(new InetSocketAddress("127.0.0.1", port))) {
            assertThat(again.getLocalPort()).isEqualTo(port); // the phone closed its socket
        }
    }

    /**
     * Issue 16 point 9: the page shows what the receiver measured. 48 packets sent in one burst (each 20 ms of audio
     * arrives ~20 ms early on the previous one: instantaneous jitter ~20 ms, the RFC 3550 estimate climbing towards
     * it), sequence numbers 110 and 111 never sent (2 lost).
     */
    @Test
    void streamingStatisticsShowTheMeasuredJitterAndLoss() throws Exception {
        SimPhone p = phone("CP-8845");
        int port = freeEvenPort();
        assertThat(exec(p, "RTPRx:127.0.0.1:" + port)).contains("Status=\"0\"");
        try (DatagramSocket s = new DatagramSocket()) {
            for (int i = 0; i < 50; i++) {
                if (i == 10 || i == 11) {
                    continue;
                }
                ByteBuffer b = ByteBuffer.allocate(12 + 160);
                b.put((byte) 0x80).put((byte) 0).putShort((short) (100 + i)).putInt(8000 + 160 * i).putInt(0x4321);
                b.put(new byte[160]);
                s.send(new DatagramPacket(b.array(), b.capacity(), InetAddress.getByName("127.0.0.1"), port));
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> statistics(p, 1).rcvrPackets() == 48);
        StreamingStatistics st = statistics(p, 1);
        assertThat(st.rcvrLostPackets()).isEqualTo(2);
        assertThat(st.avgJitter()).isPositive();
        assertThat(st.maxJitter()).isGreaterThanOrEqualTo(15).isGreaterThanOrEqualTo(st.avgJitter());
        String html = Http.text(Http.get(FleetHost.uriOf(p).resolve("/StreamingStatistics?1"), null));
        assertThat(html).contains("<b>AvgJitter</b></td><td>" + st.avgJitter() + "<")
                .contains("<b>RcvrLostPackets</b></td><td>2<");
    }

    static StreamingStatistics statistics(SimPhone p, int n) {
        return StreamingStatistics.parse(Http.get(FleetHost.uriOf(p).resolve("/StreamingStatisticsX?" + n), null).body());
    }

    @Test
    void secondStreamInOneDirectionIsBusyAndTxIsRefusedDuringACall() throws Exception {
        SimPhone p = phone("CP-8845");
        assertThat(exec(p, "RTPRx:127.0.0.1:" + freeEvenPort())).contains("Status=\"0\"");
        assertThat(exec(p, "RTPRx:127.0.0.1:" + freeEvenPort())).contains("Data=\"Tx/Rx is already active\" Status=\"1\"");
        assertThat(exec(p, "RTPTx:127.0.0.1:" + freeEvenPort())).contains("Status=\"0\"");
        assertThat(exec(p, "RTPTx:127.0.0.1:" + freeEvenPort())).contains("Status=\"1\"");
        exec(p, "RTPTx:Stop");
        exec(p, "Dial:100");
        assertThat(exec(p, "RTPTx:127.0.0.1:" + freeEvenPort())).contains("Data=\"unauthorized\" Status=\"4\"");
    }

    @Test
    void aCallKillsReceiveStreamsAndRxDuringACallIsAccepted() throws Exception {
        SimPhone p = phone("CP-8845");
        exec(p, "RTPRx:127.0.0.1:" + freeEvenPort());
        exec(p, "Dial:100");
        assertThat(streams(p)).isEmpty();
        assertThat(exec(p, "RTPRx:127.0.0.1:" + freeEvenPort())).contains("Status=\"0\"");
        assertThat(p.history().deviceLog()).anySatisfy(l -> assertThat(l).contains("whisper"));
    }

    @Test
    void resetClosesTheSockets() throws Exception {
        SimPhone p = phone("CP-8845");
        int port = freeEvenPort();
        exec(p, "RTPRx:127.0.0.1:" + port);
        p.reset();
        assertThat(streams(p)).isEmpty();
        try (DatagramSocket again = new DatagramSocket(new InetSocketAddress("127.0.0.1", port))) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void multicastReceiveJoinsTheGroupAndRtpRxStopEndsIt() throws Exception {
        SimPhone p = phone("CP-8845");
        String r = exec(p, "RTPMRx:239.1.2.3:" + freeEvenPort());
        assertThat(r).contains("Status=\"0\"");
        assertThat(streams(p)).hasSize(1);
        exec(p, "RTPRx:Stop");
        assertThat(streams(p)).isEmpty();
    }

    @Test
    void oddOrOutOfRangePortIsAnInvalidUri() {
        assertThat(exec(host.phones().get(0), "RTPRx:127.0.0.1:20480")).doesNotContain("Invalid URI");
        exec(host.phones().get(0), "RTPRx:Stop");
        assertThat(exec(host.phones().get(0), "RTPRx:127.0.0.1:32770")).contains("Status=\"1\"").contains("Invalid URI");
        assertThat(exec(host.phones().get(0), "RTPRx:127.0.0.1:20481")).contains("Status=\"1\"").contains("Invalid URI");
    }

    static String startMedia(String mode, String address, int port, String onStopped) {
        return "<startMedia><mediaStream" + (onStopped == null ? "" : " onStopped=\"" + onStopped + "\"")
                + " receiveVolume=\"50\"><type>audio</type><codec>G.711</codec><mode>" + mode + "</mode><address>"
                + address + "</address><port>" + port + "</port></mediaStream></startMedia>";
    }

    @Test
    void startMediaGivesIdsUntilResourcesRunOutAndStopMediaStopsById() throws Exception {
        SimPhone p = phone("CP-8865");
        HttpResponse<byte[]> a = post(p, startMedia("receive", "127.0.0.1", freeEvenPort(), null));
        assertThat(a.statusCode()).isEqualTo(200);
        assertThat(Http.text(a)).contains("<mediaStream id=\"s1\"");
        HttpResponse<byte[]> b = post(p, startMedia("send", "127.0.0.1", freeEvenPort(), null));
        assertThat(Http.text(b)).contains("id=\"s2\"");
        HttpResponse<byte[]> c = post(p, startMedia("send", "127.0.0.1", freeEvenPort(), null));
        assertThat(c.statusCode()).isEqualTo(400);
        assertThat(Http.text(c)).contains("UnavailableResource").contains("No Media Resource Available");
        HttpResponse<byte[]> unknown = post(p, "<stopMedia><mediaStream id=\"nope\"/></stopMedia>");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(Http.text(unknown)).contains("InvalidResourceID").contains("Unknown Media Stream ID: nope");
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/xml"));
        HttpResponse<byte[]> stop = post(p, "<stopMedia><mediaStream id=\"s1\"/></stopMedia>");
        assertThat(stop.statusCode()).isEqualTo(200);
        assertThat(stop.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/xml"));
        // a client that parses every answer finds a document (issue 16): read it with the JDK's own parser
        org.w3c.dom.Document doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(stop.body()));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("CiscoIPPhoneResponse");
        assertThat(((org.w3c.dom.Element) doc.getElementsByTagName("ResponseItem").item(0)).getAttribute("Status"))
                .isEqualTo("0");
        assertThat(streams(p)).singleElement().satisfies(s -> assertThat(s).contains("\"id\":\"s2\""));
    }

    @Test
    void stopUriStopsTheWholeApiStreamInThatDirectionAndStopMediaWithoutIdStopsLegacyToo() throws Exception {
        SimPhone p = phone("CP-8865");
        post(p, startMedia("sendReceive", "127.0.0.1", freeEvenPort(), null));
        assertThat(exec(p, "RTPTx:Stop")).contains("Status=\"0\"");
        assertThat(streams(p)).isEmpty();
        exec(p, "RTPRx:127.0.0.1:" + freeEvenPort());
        assertThat(post(p, "<stopMedia/>").statusCode()).isEqualTo(200);
        assertThat(streams(p)).isEmpty();
    }

    @Test
    void malformedStartMediaIsInvalidXml() {
        HttpResponse<byte[]> r = post(phone("CP-8865"), "<startMedia><mediaStream><type>audio</type>");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Http.text(r)).contains("InvalidXML");
    }

    @Test
    void modelsWithoutTheStreamingApiRefuseStartMedia() throws Exception {
        HttpResponse<byte[]> r = post(phone("CP-7841"), startMedia("receive", "127.0.0.1", freeEvenPort(), null));
        assertThat(Http.text(r)).isEqualTo("<CiscoIPPhoneError Number=\"1\" />");
    }

    @Test
    void userHangingUpStopsTheStreamAndPostsNotifyMediaEvent() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        sink.createContext("/events", ex -> {
            bodies.add(ex.getRequestHeaders().getFirst("Content-Type") + "|"
                    + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        sink.start();
        try {
            SimPhone p = phone("CP-8865");
            String notify = "Notify:http:127.0.0.1:" + sink.getAddress().getPort() + ":events";
            assertThat(post(p, startMedia("receive", "127.0.0.1", freeEvenPort(), notify)).statusCode()).isEqualTo(200);
            URI api = host.inspectionUri().orElseThrow();
            Http.post(api.resolve("/phones/" + p.name() + "/offhook"), null, null, new byte[0]);
            Http.post(api.resolve("/phones/" + p.name() + "/onhook"), null, null, new byte[0]);
            await().atMost(Duration.ofSeconds(10)).until(() -> bodies.size() == 1);
            String[] parts = bodies.get(0).split("\\|", 2);
            assertThat(parts[0]).isEqualTo("application/x-www-form-urlencoded; charset=\"UTF-8\"");
            assertThat(parts[1]).startsWith("DATA=");
            String data = URLDecoder.decode(parts[1].substring(5), StandardCharsets.UTF_8);
            assertThat(data).contains("notifyMediaEvent").contains("stopped").contains("user").contains("s1");
            assertThat(streams(p)).isEmpty();
            await().atMost(Duration.ofSeconds(10)).until(() -> p.history().notifications().stream().anyMatch(n -> n.status() == 200));
        } finally {
            sink.stop(0);
        }
    }

    static List<String> streams(SimPhone p) {
        String json = Http.text(Http.get(host.inspectionUri().orElseThrow().resolve("/phones/" + p.name()), null));
        var node = tools.jackson.databind.json.JsonMapper.builder().build().readTree(json).get("streams");
        List<String> out = new java.util.ArrayList<>();
        node.forEach(n -> out.add(n.toString()));
        return out;
    }
}
