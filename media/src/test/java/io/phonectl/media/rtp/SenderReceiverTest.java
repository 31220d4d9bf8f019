package io.phonectl.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.phonectl.media.g711.G711;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Everything over 127.0.0.1 on ephemeral ports; no sleeps, every wait bounded. */
class SenderReceiverTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final InetSocketAddress ANY_LOOPBACK_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private static byte[] audio(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 7 + seed);
        }
        return bytes;
    }

    @Test
    void exactPacketsNoLossRightPayloadTypeAndTimestampStep() throws Exception {
        Map<Long, List<RtpPacket>> packets = new ConcurrentHashMap<>();
        try (RtpReceiver receiver = RtpReceiver.unicast(ANY_LOOPBACK_PORT, new RtpReceiver.Config(8000, -1, 160,
                     (p, t) -> packets.computeIfAbsent(p.ssrc(), s -> Collections.synchronizedList(new ArrayList<>())).add(p)));
             RtpSender sender = RtpSender.start(RtpSender.Config.defaults())) {
            List<StreamResult> callbacks = new CopyOnWriteArrayList<>();
            byte[] mu = audio(800, 1);
            StreamHandle first = sender.add(new StreamSpec(receiver.localAddress(), G711.MU_LAW, FrameSource.repeat(mu, 2, G711.MU_LAW), callbacks::add));
            StreamHandle second = sender.add(new StreamSpec(receiver.localAddress(), G711.MU_LAW, FrameSource.repeat(mu, 1, G711.MU_LAW), callbacks::add));
            StreamHandle alaw = sender.add(new StreamSpec(receiver.localAddress(), G711.A_LAW, FrameSource.repeat(audio(330, 2), 1, G711.A_LAW), callbacks::add));

            assertThat(first.done().get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(new StreamResult(first.ssrc(), 10, StreamResult.Outcome.COMPLETED, null));
            assertThat(second.done().get(WAIT.toSeconds(), TimeUnit.SECONDS).packetsSent()).isEqualTo(5);
            assertThat(alaw.done().get(WAIT.toSeconds(), TimeUnit.SECONDS).packetsSent()).isEqualTo(3);
            await().atMost(WAIT).until(() -> receiver.datagrams() == 18);
            await().atMost(WAIT).until(() -> callbacks.size() == 3);

            for (ReceiverReport report : receiver.reports()) {
                assertThat(report.lost()).isZero();
                assertThat(report.timestampStepErrors()).isZero();
                assertThat(report.outOfOrder()).isZero();
                assertThat(report.payloadSizeErrors()).isZero();
                assertThat(report.markers()).isEqualTo(1);
            }
            assertThat(receiver.reports()).extracting(ReceiverReport::received).containsExactlyInAnyOrder(10L, 5L, 3L);
            assertThat(receiver.malformed()).isZero();

            List<RtpPacket> sent = packets.get(first.ssrc());
            sent.sort((a, b) -> Integer.compare((a.sequence() - first.initialSequence()) & 0xFFFF, (b.sequence() - first.initialSequence()) & 0xFFFF));
            for (int i = 0; i < sent.size(); i++) {
                RtpPacket p = sent.get(i);
                assertThat(p.payloadType()).isZero();
                assertThat(p.marker()).isEqualTo(i == 0);
                assertThat(p.sequence()).isEqualTo((first.initialSequence() + i) & 0xFFFF);
                assertThat(p.timestamp()).isEqualTo((first.initialTimestamp() + 160L * i) & 0xFFFF_FFFFL);
                assertThat(p.payload()).isEqualTo(java.util.Arrays.copyOfRange(mu, (i % 5) * 160, (i % 5) * 160 + 160));
            }
            assertThat(packets.get(alaw.ssrc())).allSatisfy(p -> assertThat(p.payloadType()).isEqualTo(8));
            assertThat(packets.get(alaw.ssrc()).get(2).payload()[10]).isEqualTo((byte) 0xD5); // 330 = 2×160 + 10, then silence
            assertThat(sender.lateness().count()).isEqualTo(18);
        }
    }

    @Test
    void manyStreamsFromOneTickThreadAddedAndStoppedWhileRunning() throws Exception {
        // 52 senders at once into one receiver: a measurement, so it keeps more than a phone's 16 sources
        try (RtpReceiver receiver = RtpReceiver.unicast(ANY_LOOPBACK_PORT, RtpReceiver.Config.g711(0).withMaxSources(64));
             RtpSender sender = RtpSender.start(RtpSender.Config.defaults())) {
            List<StreamHandle> finite = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                finite.add(sender.add(new StreamSpec(receiver.localAddress(), G711.MU_LAW, FrameSource.repeat(audio(160 * 4, i), 1, G711.MU_LAW))));
            }
            StreamHandle endless = sender.add(new StreamSpec(receiver.localAddress(), G711.MU_LAW, FrameSource.forever(audio(480, 9), G711.MU_LAW)));
            await().atMost(WAIT).until(() -> endless.packetsSent() >= 3);
            StreamHandle late = sender.add(new StreamSpec(receiver.localAddress(), G711.MU_LAW, FrameSource.repeat(audio(320, 3), 1, G711.MU_LAW)));
            endless.stop();
            endless.stop();
            assertThat(endless.done().get(WAIT.toSeconds(), TimeUnit.SECONDS).outcome()).isEqualTo(StreamResult.Outcome.STOPPED);
            assertThat(late.done().get(WAIT.toSeconds(), TimeUnit.SECONDS).packetsSent()).isEqualTo(2);
            for (StreamHandle handle : finite) {
                assertThat(handle.done().get(WAIT.toSeconds(), TimeUnit.SECONDS).packetsSent()).isEqualTo(4);
            }
            long endlessSent = endless.packetsSent();
            await().atMost(WAIT).until(() -> receiver.datagrams() == 50 * 4 + 2 + endlessSent);
            assertThat(receiver.reports()).hasSize(52).allSatisfy(r -> {
                assertThat(r.lost()).isZero();
                assertThat(r.payloadTypeErrors()).isZero();
            });
            assertThat(finite.stream().map(StreamHandle::ssrc).distinct()).hasSize(50);
        }
    }

    @Test
    void failingSourceEndsOnlyItsStreamAndCloseEndsTheRest() throws Exception {
        try (RtpReceiver receiver = RtpReceiver.unicast(ANY_LOOPBACK_PORT, RtpReceiver.Config.g711(0))) {
            RtpSender sender = RtpSender.start(RtpSender.Config.defaults());
            AtomicInteger calls = new AtomicInteger();
            StreamHandle failing = sender.add(new StreamSpec(receiver.localAddress(), G711.MU_LAW, frame -> {
                if (calls.incrementAndGet() > 2) {
                    throw new IllegalStateException("decoder broke");
                }
                return true;
            }));
            StreamHandle healthy = sender.add(new StreamSpec(receiver.localAddress(), G711.MU_LAW, FrameSource.forever(audio(160, 1), G711.MU_LAW)));
            StreamResult failed = failing.done().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(failed.outcome()).isEqualTo(StreamResult.Outcome.FAILED);
            assertThat(failed.failure()).hasMessage("decoder broke");
            assertThat(failed.packetsSent()).isEqualTo(2);
            await().atMost(WAIT).until(() -> healthy.packetsSent() > 3);
            sender.close();
            assertThat(healthy.done().get(WAIT.toSeconds(), TimeUnit.SECONDS).outcome()).isEqualTo(StreamResult.Outcome.SENDER_CLOSED);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> sender.add(new StreamSpec(receiver.localAddress(), G711.MU_LAW,
                    FrameSource.repeat(new byte[1], 1, G711.MU_LAW)))).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void multicastOnLoopbackWithTtl() throws Exception {
        NetworkInterface lo = NetworkInterface.getByInetAddress(InetAddress.getLoopbackAddress());
        Assumptions.assumeTrue(lo != null, "no loopback interface");
        InetAddress group = InetAddress.getByName("239.255.42.99");
        RtpReceiver receiver;
        try {
            receiver = RtpReceiver.multicast(group, 0, lo, RtpReceiver.Config.g711(0));
        } catch (java.io.UncheckedIOException e) {
            Assumptions.abort("the OS refuses multicast on loopback: " + e.getCause());
            return;
        }
        try (receiver; RtpSender sender = RtpSender.start(RtpSender.Config.defaults().withMulticastInterface(lo))) {
            StreamHandle handle = sender.add(new StreamSpec(new InetSocketAddress(group, receiver.localAddress().getPort()), G711.MU_LAW,
                    FrameSource.repeat(audio(160 * 5, 4), 1, G711.MU_LAW)));
            assertThat(handle.done().get(WAIT.toSeconds(), TimeUnit.SECONDS).outcome()).isEqualTo(StreamResult.Outcome.COMPLETED);
            Assumptions.assumeTrue(waitFor(receiver, 1), "multicast datagrams are not looped back on this host");
            assertThat(waitFor(receiver, 5)).isTrue();
            assertThat(receiver.datagrams()).isEqualTo(5);
            assertThat(receiver.reports()).singleElement().satisfies(r -> assertThat(r.lost()).isZero());
        }
    }

    @Test
    void receiverCountsGarbageAndSurvivesAThrowingListener() throws Exception {
        try (RtpReceiver receiver = RtpReceiver.unicast(ANY_LOOPBACK_PORT, RtpReceiver.Config.g711(0).withListener((p, t) -> {
                     throw new IllegalStateException("listener bug");
                 }));
             java.nio.channels.DatagramChannel raw = java.nio.channels.DatagramChannel.open()) {
            raw.send(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}), receiver.localAddress());
            raw.send(java.nio.ByteBuffer.wrap(new RtpPacket(true, 0, 1, 160, 5, new byte[160]).encode()), receiver.localAddress());
            raw.send(java.nio.ByteBuffer.wrap(new RtpPacket(false, 8, 2, 320, 5, new byte[160]).encode()), receiver.localAddress());
            await().atMost(WAIT).until(() -> receiver.datagrams() == 3);
            await().atMost(WAIT).until(() -> receiver.listenerFailures() == 2);
            assertThat(receiver.malformed()).isEqualTo(1);
            assertThat(receiver.reports()).singleElement().satisfies(r -> {
                assertThat(r.received()).isEqualTo(2);
                assertThat(r.payloadTypeErrors()).isEqualTo(1);
            });
        }
    }

    private static boolean waitFor(RtpReceiver receiver, long n) {
        try {
            await().atMost(Duration.ofSeconds(3)).until(() -> receiver.datagrams() >= n);
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return false;
        }
    }
}
