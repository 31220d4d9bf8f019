package io.phonectl.sim;

import io.phonectl.media.rtp.ReceiverReport;
import io.phonectl.media.rtp.RtpPacket;
import io.phonectl.media.rtp.RtpReceiver;
import io.phonectl.sim.phone.SimPhone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The phone transmits: RTPTx/RTPMTx and startMedia send/sendReceive, received with the media module's receiver. */
class RtpTxTest {

    static FleetHost host;

    @BeforeAll
    static void start() throws Exception {
        host = FleetHost.start(SimConfig.ephemeral(2, List.of("CP-8845", "CP-8865")));
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @BeforeEach
    void reset() {
        host.phones().forEach(SimPhone::reset);
    }

    /** A receiver that keeps the first packets it gets (bounded) besides its RFC 3550 statistics. */
    record Listening(RtpReceiver receiver, List<RtpPacket> packets) implements AutoCloseable {
        static Listening unicast(int port) {
            List<RtpPacket> packets = new CopyOnWriteArrayList<>();
            RtpReceiver r = RtpReceiver.unicast(new InetSocketAddress("127.0.0.1", port),
                    RtpReceiver.Config.g711(0).withListener((p, at) -> keep(packets, p)));
            return new Listening(r, packets);
        }

        static Listening multicast(String group, int port) throws Exception {
            List<RtpPacket> packets = new CopyOnWriteArrayList<>();
            RtpReceiver r = RtpReceiver.multicast(InetAddress.getByName(group), port,
                    NetworkInterface.getByInetAddress(InetAddress.getLoopbackAddress()),
                    RtpReceiver.Config.g711(0).withListener((p, at) -> keep(packets, p)));
            return new Listening(r, packets);
        }

        private static void keep(List<RtpPacket> packets, RtpPacket p) {
            if (packets.size() < 50) {
                packets.add(p);
            }
        }

        /** At least {@code n} G.711 µ-law packets, one 20 ms timestamp step apart, no checker complaints. */
        void awaitTone(int n) {
            await().atMost(Duration.ofSeconds(10)).until(() -> packets.size() >= n);
            assertThat(packets).allSatisfy(p -> {
                assertThat(p.payloadType()).isZero();
                assertThat(p.payloadLength()).isEqualTo(160);
            });
            for (int i = 1; i < n; i++) {
                RtpPacket a = packets.get(i - 1);
                RtpPacket b = packets.get(i);
                if (((a.sequence() + 1) & 0xFFFF) == b.sequence()) {
                    assertThat((b.timestamp() - a.timestamp()) & 0xFFFF_FFFFL).isEqualTo(160);
                }
            }
            assertThat(receiver.reports()).isNotEmpty().allSatisfy((ReceiverReport r) -> {
                assertThat(r.payloadTypeErrors()).isZero();
                assertThat(r.timestampStepErrors()).isZero();
            });
            assertThat(packets.stream().anyMatch(p -> p.payload()[0] != p.payload()[5])).as("a tone, not a constant").isTrue();
        }

        @Override
        public void close() {
            receiver.close();
        }
    }

    @Test
    void rtpTxSendsAToneUntilRtpTxStop() throws Exception {
        SimPhone p = phoneOf("CP-8845");
        int port = RtpTest.freeEvenPort();
        try (Listening l = Listening.unicast(port)) {
            assertThat(exec(p, "RTPTx:127.0.0.1:" + port)).contains("Status=\"0\"");
            l.awaitTone(5);
            assertThat(state(p)).contains("\"mode\":\"send\"").containsPattern("\"packetsSent\":[1-9]");
            assertThat(exec(p, "RTPTx:Stop")).contains("Status=\"0\"");
            assertThat(state(p)).contains("\"streams\":[]");
        }
    }

    @Test
    void aCallStopsTransmitting() throws Exception {
        SimPhone p = phoneOf("CP-8845");
        int port = RtpTest.freeEvenPort();
        try (Listening l = Listening.unicast(port)) {
            exec(p, "RTPTx:127.0.0.1:" + port);
            l.awaitTone(2);
            exec(p, "Dial:100");
            assertThat(state(p)).contains("\"streams\":[]");
        }
    }

    @Test
    void rtpMTxSendsToTheGroup() throws Exception {
        SimPhone p = phoneOf("CP-8845");
        int port = RtpTest.freeEvenPort();
        try (Listening l = Listening.multicast("239.1.1.7", port)) {
            assertThat(exec(p, "RTPMTx:239.1.1.7:" + port)).contains("Status=\"0\"");
            l.awaitTone(5);
        }
    }

    @Test
    void startMediaSendTransmitsUntilStopMedia() throws Exception {
        SimPhone p = phoneOf("CP-8865");
        int port = RtpTest.freeEvenPort();
        try (Listening l = Listening.unicast(port)) {
            String reply = Http.text(post(p, RtpTest.startMedia("send", "127.0.0.1", port, null)));
            assertThat(reply).contains("<mediaStream id=\"");
            l.awaitTone(5);
            assertThat(post(p, "<stopMedia/>").statusCode()).isEqualTo(200);
            assertThat(state(p)).contains("\"streams\":[]");
        }
    }

    /**
     * sendReceive binds the phone's own receiving socket on the port it sends to, so on the one loopback address
     * the test listens through the phone: it hears its own tone, checked by the phone's RtpReceiver.
     */
    @Test
    void startMediaSendReceiveTransmitsAndReceives() throws Exception {
        SimPhone p = phoneOf("CP-8865");
        int port = RtpTest.freeEvenPort();
        assertThat(Http.text(post(p, RtpTest.startMedia("sendReceive", "127.0.0.1", port, null)))).contains("<mediaStream id=\"");
        await().atMost(Duration.ofSeconds(10)).until(() -> state(p).matches("(?s).*\"received\":[1-9].*"));
        assertThat(state(p)).contains("\"mode\":\"sendReceive\"").contains("\"payloadTypeErrors\":0")
                .contains("\"timestampStepErrors\":0").containsPattern("\"packetsSent\":[1-9]");
        assertThat(post(p, "<stopMedia/>").statusCode()).isEqualTo(200);
        assertThat(state(p)).contains("\"streams\":[]");
    }

    static SimPhone phoneOf(String model) {
        return host.phones().stream().filter(p -> p.model().name().equals(model)).findFirst().orElseThrow();
    }

    static java.net.http.HttpResponse<byte[]> post(SimPhone p, String xml) {
        return Http.post(FleetHost.uriOf(p).resolve("/CGI/Execute"), RtpTest.AUTH, "application/x-www-form-urlencoded",
                ("XML=" + java.net.URLEncoder.encode(xml, java.nio.charset.StandardCharsets.UTF_8))
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    static String exec(SimPhone p, String url) {
        return Http.text(post(p, "<CiscoIPPhoneExecute><ExecuteItem URL=\"" + url + "\"/></CiscoIPPhoneExecute>"));
    }

    static String state(SimPhone p) {
        return Http.text(Http.get(host.inspectionUri().orElseThrow().resolve("/phones/" + p.name()), null));
    }
}
