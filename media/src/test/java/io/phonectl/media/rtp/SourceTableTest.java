package io.phonectl.media.rtp;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16 hardening: a sender that changes its SSRC with every packet (or a flood of forged packets) must not grow
 * a receiver's table without end: the receiver keeps the {@link RtpReceiver#MAX_SOURCES} most recently heard sources
 * and counts the rest. Before the bound, a flood of new SSRCs filled the heap of a simulated phone with an RTP stream
 * open, and the process then ignored SIGTERM.
 */
class SourceTableTest {

    /** Waits for the receiver to have read what was sent, polling often: the test sends in many small batches. */
    private static org.awaitility.core.ConditionFactory caughtUp() {
        return await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2));
    }

    @Test
    void aFloodOfNewSsrcsKeepsTheNewestSixteenAndCountsTheRest() throws Exception {
        int sources = 4_000;
        try (RtpReceiver receiver = RtpReceiver.unicast(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                RtpReceiver.Config.g711(0));
             DatagramChannel out = DatagramChannel.open()) {
            ByteBuffer packet = ByteBuffer.allocate(RtpPacket.HEADER_BYTES + 160);
            for (int i = 0; i < sources; i++) {
                packet.clear();
                new RtpPacket(false, 0, i & 0xFFFF, i * 160L, 0x1000_0000L + i, new byte[160]).encode(packet);
                packet.flip();
                out.send(packet, receiver.localAddress());
                if (i % 500 == 499) { // let the receiver keep up, so no datagram is dropped by the socket buffer
                    long sent = i + 1;
                    caughtUp().until(() -> receiver.datagrams() == sent);
                }
            }
            caughtUp().until(() -> receiver.datagrams() == sources);
            assertThat(receiver.reports()).hasSize(RtpReceiver.MAX_SOURCES);
            assertThat(receiver.forgottenSources()).isEqualTo(sources - RtpReceiver.MAX_SOURCES);
            assertThat(receiver.reports().getLast().ssrc()).as("the source talking now is kept")
                    .isEqualTo(0x1000_0000L + sources - 1);
        }
    }

    @Test
    void aSourceThatKeepsTalkingStaysWhileOthersComeAndGo() throws Exception {
        try (RtpReceiver receiver = RtpReceiver.unicast(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                RtpReceiver.Config.g711(0));
             DatagramChannel out = DatagramChannel.open()) {
            ByteBuffer packet = ByteBuffer.allocate(RtpPacket.HEADER_BYTES + 160);
            int sent = 0;
            for (int i = 0; i < 200; i++) {
                for (long ssrc : new long[] {42L, 0x2000_0000L + i}) {
                    packet.clear();
                    new RtpPacket(false, 0, i & 0xFFFF, i * 160L, ssrc, new byte[160]).encode(packet);
                    packet.flip();
                    out.send(packet, receiver.localAddress());
                    sent++;
                }
                int expected = sent;
                caughtUp().until(() -> receiver.datagrams() == expected);
            }
            assertThat(receiver.reports()).hasSize(RtpReceiver.MAX_SOURCES)
                    .anySatisfy(r -> assertThat(r.ssrc()).isEqualTo(42L))
                    .filteredOn(r -> r.ssrc() == 42L).singleElement().satisfies(r -> assertThat(r.received()).isEqualTo(200));
        }
    }
}
