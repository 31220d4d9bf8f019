package io.phonectl.bench;

import io.phonectl.media.g711.G711;
import io.phonectl.media.rtp.FrameSource;
import io.phonectl.media.rtp.LatenessHistogram;
import io.phonectl.media.rtp.ReceiverReport;
import io.phonectl.media.rtp.RtpReceiver;
import io.phonectl.media.rtp.RtpSender;
import io.phonectl.media.rtp.StreamHandle;
import io.phonectl.media.rtp.StreamResult;
import io.phonectl.media.rtp.StreamSpec;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Harness (not JMH): N concurrent unicast G.711 streams from one tick thread to receivers on 127.0.0.1 in this
 * process, for S seconds. Prints delivered fraction, send lateness percentiles and CPU.
 *
 * <p>Usage: {@code RtpPacingBench [seconds=10] [streams=1000] [receivers=10]}
 */
public final class RtpPacingBench {
    private static final long WARM_UP_MILLIS = 2000;

    private RtpPacingBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int streamCount = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int receiverCount = args.length > 2 ? Integer.parseInt(args[2]) : 10;

        byte[] tone = new byte[8000];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = G711.MU_LAW.encode((short) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000.0)));
        }
        List<RtpReceiver> receivers = new ArrayList<>();
        for (int i = 0; i < receiverCount; i++) {
            // each receiver hears streamCount / receiverCount senders at once: keep them all
            receivers.add(RtpReceiver.unicast(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    RtpReceiver.Config.g711(0).withMaxSources(Math.min(RtpReceiver.MAX_SOURCES_LIMIT,
                            Math.max(RtpReceiver.MAX_SOURCES, (streamCount + receiverCount - 1) / receiverCount)))));
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        List<StreamHandle> handles = new ArrayList<>();
        long sent;
        LatenessHistogram.Snapshot lateness;
        long cpuNanos;
        long tickCpuNanos;
        long wallNanos;
        try (RtpSender sender = RtpSender.start(RtpSender.Config.defaults())) {
            for (int i = 0; i < streamCount; i++) {
                InetSocketAddress destination = receivers.get(i % receiverCount).localAddress();
                handles.add(sender.add(new StreamSpec(destination, G711.MU_LAW, FrameSource.forever(tone, G711.MU_LAW))));
            }
            Thread.sleep(WARM_UP_MILLIS); // a harness, not a test: let the JIT and the slots settle
            long tickThread = tickThreadId();
            sender.resetLateness();
            long cpuStart = os.getProcessCpuTime();
            long tickCpuStart = threads.getThreadCpuTime(tickThread);
            long wallStart = System.nanoTime();
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
            wallNanos = System.nanoTime() - wallStart;
            cpuNanos = os.getProcessCpuTime() - cpuStart;
            tickCpuNanos = threads.getThreadCpuTime(tickThread) - tickCpuStart;
            lateness = sender.lateness();
            double load = os.getSystemLoadAverage();
            System.out.printf(Locale.ROOT, "system load average (1 min) at the end of the run: %.2f%n", load);
            for (StreamHandle handle : handles) {
                handle.stop();
            }
            sent = 0;
            for (StreamHandle handle : handles) {
                StreamResult result = handle.done().get(10, TimeUnit.SECONDS);
                sent += result.packetsSent();
            }
        }
        long received = settle(receivers);
        long lossy = 0;
        double worstJitterMs = 0;
        for (RtpReceiver receiver : receivers) {
            for (ReceiverReport report : receiver.reports()) {
                if (report.lost() != 0) {
                    lossy++;
                }
                worstJitterMs = Math.max(worstJitterMs, report.jitterMillis());
            }
            receiver.close();
        }
        System.out.printf(Locale.ROOT, "streams=%d receivers=%d measured=%.1f s java=%s cores=%d%n", streamCount, receiverCount,
                wallNanos / 1e9, Runtime.version(), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "packets sent=%d received=%d delivered=%.5f streams with loss=%d worst jitter=%.3f ms%n",
                sent, received, (double) received / sent, lossy, worstJitterMs);
        System.out.printf(Locale.ROOT, "send lateness p50=%.3f ms p99=%.3f ms p99.9=%.3f ms max=%.3f ms mean=%.3f ms (n=%d)%n",
                lateness.p50() / 1e6, lateness.p99() / 1e6, lateness.p999() / 1e6, lateness.max() / 1e6, lateness.mean() / 1e6, lateness.count());
        System.out.printf(Locale.ROOT, "CPU: process %.3f cores (sender + %d receiver threads), tick thread %.3f cores%n",
                (double) cpuNanos / wallNanos, receiverCount, (double) tickCpuNanos / wallNanos);
    }

    private static long tickThreadId() {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("rtp-tick")) {
                return thread.threadId();
            }
        }
        throw new IllegalStateException("no rtp-tick thread");
    }

    /** Waits (at most 5 s) until the receivers stop counting, then returns their total. */
    private static long settle(List<RtpReceiver> receivers) throws InterruptedException {
        long previous = -1;
        long total = 0;
        for (int i = 0; i < 50 && total != previous; i++) {
            previous = total;
            Thread.sleep(100);
            total = 0;
            for (RtpReceiver receiver : receivers) {
                total += receiver.datagrams();
            }
        }
        return total;
    }
}
