package io.phonectl.media.rtp;

import io.phonectl.media.g711.G711;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.LockSupport;
import java.util.random.RandomGenerator;

/**
 * Sends any number of G.711 streams from ONE platform thread. Every stream sends every 20 ms; to avoid one burst of
 * all streams per period (1,000 sends in a row would make the last ones milliseconds late) the period is cut into
 * {@value #SLOTS} slots of 1 ms and each new stream joins the least-loaded slot. The thread parks until the next
 * slot deadline, computed from the start time ({@code start + n × 1 ms}), never from the previous wake-up, so the
 * rate cannot drift; a late slot is followed by an immediate one until the schedule is met again. Unicast streams share one
 * {@link DatagramChannel}; multicast streams share a second one carrying {@code IP_MULTICAST_TTL} and, if
 * configured, {@code IP_MULTICAST_IF}.
 *
 * <p>Threading: {@link #add}, {@link StreamHandle#stop()} and {@link #close()} may be called from any thread; they
 * queue work for the tick thread. Completion callbacks run on the configured executor.
 */
public final class RtpSender implements AutoCloseable {
    public static final long PERIOD_NANOS = 20_000_000L;
    public static final int SLOTS = 20;
    private static final long SLOT_NANOS = PERIOD_NANOS / SLOTS;

    /**
     * @param multicastTtl       IP_MULTICAST_TTL; 2 is what the reference scripts use for paging (notes §2.7)
     * @param multicastInterface IP_MULTICAST_IF, or null for the OS default (tests pass the loopback interface)
     * @param trafficClass       IP_TOS byte; 0xB8 is DSCP EF, the class for voice
     * @param callbackExecutor   runs completion callbacks
     */
    public record Config(int multicastTtl, NetworkInterface multicastInterface, int trafficClass, Executor callbackExecutor) {
        public Config {
            if (multicastTtl < 0 || multicastTtl > 255) {
                throw new IllegalArgumentException("multicastTtl must be 0..255: " + multicastTtl);
            }
            callbackExecutor = callbackExecutor == null ? r -> Thread.ofVirtual().name("rtp-callback").start(r) : callbackExecutor;
        }

        public static Config defaults() {
            return new Config(2, null, 0xB8, null);
        }

        public Config withMulticastInterface(NetworkInterface nif) {
            return new Config(multicastTtl, nif, trafficClass, callbackExecutor);
        }
    }

    private final Config config;
    private final TickClock clock;
    private final DatagramChannel unicast;
    private volatile DatagramChannel multicast;
    private final ConcurrentLinkedQueue<StreamHandle> additions = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<StreamHandle> removals = new ConcurrentLinkedQueue<>();
    private final List<List<StreamHandle>> slots = new ArrayList<>(); // tick thread only
    private final Set<Long> ssrcsInUse = new HashSet<>();      // guarded by itself
    private final RandomGenerator random = new SecureRandom();
    private final LatenessHistogram lateness = new LatenessHistogram();
    private final ByteBuffer packet = ByteBuffer.allocateDirect(RtpPacket.HEADER_BYTES + G711.SAMPLES_PER_FRAME);
    private final byte[] frame = new byte[G711.SAMPLES_PER_FRAME];
    private final Thread tickThread;
    private volatile boolean running = true;
    private volatile long ticks;
    private volatile boolean clearLateness;

    private RtpSender(Config config, TickClock clock) throws IOException {
        this.config = config;
        this.clock = clock;
        this.unicast = DatagramChannel.open(StandardProtocolFamily.INET);
        setTrafficClass(unicast);
        unicast.bind(null);
        for (int i = 0; i < SLOTS; i++) {
            slots.add(new ArrayList<>());
        }
        this.tickThread = Thread.ofPlatform().name("rtp-tick").daemon().unstarted(this::run);
        tickThread.setPriority(Thread.MAX_PRIORITY);
    }

    public static RtpSender start(Config config) {
        return start(config, TickClock.SYSTEM);
    }

    static RtpSender start(Config config, TickClock clock) {
        try {
            RtpSender sender = new RtpSender(config, clock);
            sender.tickThread.start();
            return sender;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the RTP sending channel", e);
        }
    }

    /** Queues the stream; it joins the least-loaded slot and sends its first packet within one 20 ms period. */
    public StreamHandle add(StreamSpec spec) {
        if (!running) {
            throw new IllegalStateException("sender is closed");
        }
        long ssrc;
        synchronized (ssrcsInUse) {
            do {
                ssrc = random.nextLong() & 0xFFFF_FFFFL;
            } while (!ssrcsInUse.add(ssrc));
        }
        StreamHandle handle = new StreamHandle(this, spec, ssrc, random.nextInt(1 << 16), random.nextLong() & 0xFFFF_FFFFL);
        additions.add(handle);
        return handle;
    }

    void remove(StreamHandle handle) {
        removals.add(handle);
    }

    public LatenessHistogram.Snapshot lateness() {
        return lateness.snapshot();
    }

    /** Starts the lateness histogram afresh at the next slot (e.g. after a warm-up); the tick thread does the clearing. */
    public void resetLateness() {
        clearLateness = true;
    }

    /** Slot deadlines served so far (one per millisecond while running). */
    public long ticks() {
        return ticks;
    }

    /** The local address unicast packets come from. */
    public InetSocketAddress localAddress() {
        try {
            return (InetSocketAddress) unicast.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run() {
        long start = clock.nanoTime();
        long tick = 0;
        while (running) {
            long deadline = start + tick * SLOT_NANOS;
            long wait;
            while (running && (wait = deadline - clock.nanoTime()) > 0) {
                clock.parkNanos(wait);
            }
            if (!running) {
                break;
            }
            if (clearLateness) {
                clearLateness = false;
                lateness.clear();
            }
            applyChanges();
            sendAll(slots.get((int) (tick % SLOTS)), deadline);
            ticks = ++tick;
        }
        applyChanges();
        for (List<StreamHandle> slot : slots) {
            for (StreamHandle stream : slot) {
                finish(stream, StreamResult.Outcome.SENDER_CLOSED, null);
            }
            slot.clear();
        }
        for (StreamHandle pending; (pending = additions.poll()) != null; ) {
            finish(pending, StreamResult.Outcome.SENDER_CLOSED, null);
        }
    }

    private void applyChanges() {
        for (StreamHandle added; (added = additions.poll()) != null; ) {
            leastLoadedSlot().add(added);
        }
        for (StreamHandle removed; (removed = removals.poll()) != null; ) {
            for (List<StreamHandle> slot : slots) {
                if (slot.remove(removed)) {
                    finish(removed, StreamResult.Outcome.STOPPED, null);
                    break;
                }
            }
        }
    }

    private List<StreamHandle> leastLoadedSlot() {
        List<StreamHandle> best = slots.get(0);
        for (List<StreamHandle> slot : slots) {
            if (slot.size() < best.size()) {
                best = slot;
            }
        }
        return best;
    }

    private void sendAll(List<StreamHandle> streams, long deadline) {
        int kept = 0;
        for (int i = 0; i < streams.size(); i++) {
            StreamHandle stream = streams.get(i);
            StreamResult.Outcome ended = sendOne(stream, deadline);
            if (ended == null) {
                streams.set(kept++, stream);
            }
        }
        streams.subList(kept, streams.size()).clear();
    }

    /** @return null while the stream goes on, else how it ended (already reported) */
    private StreamResult.Outcome sendOne(StreamHandle stream, long deadline) {
        try {
            if (!stream.spec.source().fill(frame)) {
                finish(stream, StreamResult.Outcome.COMPLETED, null);
                return StreamResult.Outcome.COMPLETED;
            }
            packet.clear();
            RtpPacket.writeHeader(packet, stream.isFirst(), stream.spec.codec().payloadType(), stream.sequence, stream.timestamp, stream.ssrc());
            packet.put(frame).flip();
            InetSocketAddress destination = stream.spec.destination();
            DatagramChannel channel = destination.getAddress().isMulticastAddress() ? multicastChannel() : unicast;
            channel.send(packet, destination);
            lateness.record(clock.nanoTime() - deadline);
            stream.sent();
            return null;
        } catch (IOException | RuntimeException e) {
            finish(stream, StreamResult.Outcome.FAILED, e);
            return StreamResult.Outcome.FAILED;
        }
    }

    private DatagramChannel multicastChannel() throws IOException {
        DatagramChannel channel = multicast;
        if (channel == null) {
            channel = DatagramChannel.open(StandardProtocolFamily.INET);
            setTrafficClass(channel);
            channel.setOption(StandardSocketOptions.IP_MULTICAST_TTL, config.multicastTtl());
            if (config.multicastInterface() != null) {
                channel.setOption(StandardSocketOptions.IP_MULTICAST_IF, config.multicastInterface());
            }
            channel.bind(null);
            multicast = channel;
        }
        return channel;
    }

    private void setTrafficClass(DatagramChannel channel) {
        try {
            channel.setOption(StandardSocketOptions.IP_TOS, config.trafficClass());
        } catch (IOException | UnsupportedOperationException e) {
            // best effort: marking is an optimisation some hosts refuse, never a reason not to send
        }
    }

    private void finish(StreamHandle stream, StreamResult.Outcome outcome, Throwable failure) {
        synchronized (ssrcsInUse) {
            ssrcsInUse.remove(stream.ssrc());
        }
        StreamResult result = stream.finish(outcome, failure);
        Runnable report = () -> {
            if (stream.complete(result)) {
                stream.spec.onComplete().accept(result);
            }
        };
        try {
            config.callbackExecutor().execute(report);
        } catch (RuntimeException rejected) {
            stream.complete(result); // the tick thread must survive a refusing executor; the future still completes
        }
    }

    /** Stops the tick thread, ends every stream with {@code SENDER_CLOSED} and closes the channels. */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(tickThread);
        try {
            tickThread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // an add() racing with close() may enqueue after the tick thread's last drain
        for (StreamHandle pending; (pending = additions.poll()) != null; ) {
            finish(pending, StreamResult.Outcome.SENDER_CLOSED, null);
        }
        closeQuietly(unicast);
        closeQuietly(multicast);
    }

    private static void closeQuietly(DatagramChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing: nothing left to report to
            }
        }
    }
}
