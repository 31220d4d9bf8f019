package io.phonectl.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.phonectl.media.g711.G711;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The tick schedule checked in simulated time: every park overshoots by 300 µs (a slow timer), yet deadlines stay
 * at start + n × 1 ms. Scheduling from the previous wake-up would serve ~770 slots in 1 s instead of 1,001.
 */
class SchedulingTest {
    private static final long OVERSHOOT = 300_000;
    private static final long LIMIT = 1_000_000_000L;

    /** Frozen until {@link #go()}; then every park advances time by the wait plus the overshoot, until LIMIT. */
    private static final class SlowTimer implements TickClock {
        private volatile long now;
        private volatile boolean going;

        void go() {
            going = true;
        }

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void parkNanos(long nanos) {
            if (!going || now >= LIMIT) {
                LockSupport.parkNanos(1_000_000); // really idle: simulated time stands still
                return;
            }
            now = now + nanos + OVERSHOOT;
        }
    }

    @Test
    void deadlinesComeFromTheStartTimeAndStreamsSpreadOverSlots() throws Exception {
        SlowTimer timer = new SlowTimer();
        // 40 senders at once into one receiver: a measurement, so it keeps more than a phone's 16 sources
        try (RtpReceiver receiver = RtpReceiver.unicast(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                RtpReceiver.Config.g711(0).withMaxSources(64));
             RtpSender sender = RtpSender.start(RtpSender.Config.defaults(), timer)) {
            List<StreamHandle> handles = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                handles.add(sender.add(new StreamSpec(receiver.localAddress(), G711.MU_LAW, FrameSource.forever(new byte[160], G711.MU_LAW))));
            }
            timer.go();
            await().atMost(Duration.ofSeconds(20)).until(() -> timer.nanoTime() >= LIMIT && sender.ticks() == 1001);

            // two streams per slot. Slot 0 runs at ticks 0, 20, …, 1000 (51 times), the others 50 times; tick 0 may
            // run while the streams are being queued, so none, one or both slot-0 streams take part in it
            List<Long> sent = handles.stream().map(StreamHandle::packetsSent).toList();
            long total = sent.stream().mapToLong(Long::longValue).sum();
            assertThat(total).isBetween(2000L, 2002L);
            assertThat(sent).allSatisfy(n -> assertThat(n).isIn(50L, 51L));
            assertThat(sent.stream().filter(n -> n == 51).count()).isEqualTo(total - 2000);

            LatenessHistogram.Snapshot lateness = sender.lateness();
            assertThat(lateness.count()).isEqualTo(total);
            assertThat(lateness.max()).isEqualTo(OVERSHOOT);
            assertThat(lateness.p50()).isEqualTo(OVERSHOOT);
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.datagrams() == total);
            assertThat(receiver.reports()).hasSize(40).allSatisfy(r -> assertThat(r.lost()).isZero());
        }
    }
}
