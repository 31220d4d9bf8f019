package io.phonectl.media.rtp;

import io.phonectl.media.RtpFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.MembershipKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Receives RTP on one UDP socket (unicast, or a multicast group joined on one interface) with one reading thread,
 * keeping {@link ReceiverStatistics} per SSRC. Start with {@link #unicast} or {@link #multicast}; {@link #close()}
 * stops the thread. Datagrams that are not RTP are counted, never thrown.
 */
public final class RtpReceiver implements AutoCloseable {

    /**
     * @param expectedPayloadType −1 accepts any
     * @param listener            called on the receiving thread with each packet and its arrival time (nanoTime),
     *                            or null
     */
    public record Config(int clockRate, int expectedPayloadType, int timestampStep, BiConsumer<RtpPacket, Long> listener) {
        public static Config g711(int payloadType) {
            return new Config(8000, payloadType, 160, null);
        }

        public Config withListener(BiConsumer<RtpPacket, Long> newListener) {
            return new Config(clockRate, expectedPayloadType, timestampStep, newListener);
        }
    }

    private final Config config;
    private final DatagramChannel channel;
    private final MembershipKey membership;
    private final Map<Long, ReceiverStatistics> sources = new LinkedHashMap<>(); // guarded by itself
    private final Thread thread;
    private volatile long datagrams;
    private volatile long malformed;
    private volatile long listenerFailures;
    private volatile boolean closing;

    private RtpReceiver(Config config, DatagramChannel channel, MembershipKey membership) {
        this.config = config;
        this.channel = channel;
        this.membership = membership;
        this.thread = Thread.ofPlatform().name("rtp-receive-" + localAddress().getPort()).daemon().unstarted(this::run);
        thread.start();
    }

    /** Binds {@code local} (port 0 picks an ephemeral port; see {@link #localAddress()}). */
    public static RtpReceiver unicast(InetSocketAddress local, Config config) {
        try {
            DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
            channel.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
            channel.bind(local);
            return new RtpReceiver(config, channel, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind RTP receiver to " + local, e);
        }
    }

    /** Binds the wildcard address on {@code port} (0 = ephemeral) and joins {@code group} on {@code nif}. */
    public static RtpReceiver multicast(InetAddress group, int port, NetworkInterface nif, Config config) {
        if (!group.isMulticastAddress()) {
            throw new IllegalArgumentException(group.getHostAddress() + " is not a multicast group");
        }
        DatagramChannel channel = null;
        try {
            channel = DatagramChannel.open(StandardProtocolFamily.INET);
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
            channel.bind(new InetSocketAddress(port));
            MembershipKey key = channel.join(group, nif);
            return new RtpReceiver(config, channel, key);
        } catch (IOException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // already failing
                }
            }
            throw new UncheckedIOException("cannot join " + group.getHostAddress() + " on " + nif.getName(), e);
        }
    }

    public InetSocketAddress localAddress() {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(65_536);
        while (!closing) {
            try {
                buffer.clear();
                channel.receive(buffer);
                long arrival = System.nanoTime();
                buffer.flip();
                datagrams = datagrams + 1;
                RtpPacket packet;
                try {
                    packet = RtpPacket.decode(buffer);
                } catch (RtpFormatException e) {
                    malformed = malformed + 1;
                    continue;
                }
                ReceiverStatistics statistics;
                synchronized (sources) {
                    statistics = sources.computeIfAbsent(packet.ssrc(),
                            s -> new ReceiverStatistics(config.clockRate(), config.expectedPayloadType(), config.timestampStep()));
                }
                synchronized (statistics) {
                    statistics.onPacket(packet, arrival);
                }
                if (config.listener() != null) {
                    try {
                        config.listener().accept(packet, arrival);
                    } catch (RuntimeException e) {
                        listenerFailures = listenerFailures + 1; // a faulty listener must not stop the statistics
                    }
                }
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (closing) {
                    return;
                }
                malformed = malformed + 1; // e.g. ICMP-induced errors on some platforms: keep listening
            }
        }
    }

    /** Datagrams received, including malformed ones. */
    public long datagrams() {
        return datagrams;
    }

    public long malformed() {
        return malformed;
    }

    /** Packets whose listener call threw (they are still counted in the statistics). */
    public long listenerFailures() {
        return listenerFailures;
    }

    /** One report per SSRC heard, in order of first arrival. */
    public List<ReceiverReport> reports() {
        List<ReceiverStatistics> all;
        synchronized (sources) {
            all = new ArrayList<>(sources.values());
        }
        List<ReceiverReport> reports = new ArrayList<>(all.size());
        for (ReceiverStatistics statistics : all) {
            synchronized (statistics) {
                reports.add(statistics.report());
            }
        }
        return reports;
    }

    /** Stops receiving and releases the socket; statistics stay readable. */
    @Override
    public void close() {
        closing = true;
        if (membership != null) {
            membership.drop();
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing to report to
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
