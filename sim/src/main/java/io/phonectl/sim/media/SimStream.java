package io.phonectl.sim.media;

import io.phonectl.media.rtp.ReceiverReport;
import io.phonectl.media.rtp.RtpReceiver;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One RTP stream of a simulated phone, started by a legacy RTP URI or by startMedia. A receiving stream owns a
 * real UDP socket ({@link RtpReceiver}: packets, loss, RFC 3550 jitter, payload type and timestamp-step checks);
 * a sending stream in G.711 transmits a tone through the fleet's shared sender ({@link TxSender}); G.722/G.729 send
 * streams are bookkeeping only (no encoder for them).
 */
public final class SimStream {

    private final String id;
    private final String origin;
    private final boolean receive;
    private final boolean send;
    private final boolean multicast;
    private final String codec;
    private final InetSocketAddress remote;
    private final RtpReceiver receiver;
    private final String onStopped;
    private final Instant started;
    final AtomicLong octets;
    private final io.phonectl.media.rtp.StreamHandle transmit;
    private final JitterPeak peak;

    SimStream(String id, String origin, boolean receive, boolean send, boolean multicast, String codec,
              InetSocketAddress remote, RtpReceiver receiver, String onStopped, Instant started, AtomicLong octets,
              io.phonectl.media.rtp.StreamHandle transmit, JitterPeak peak) {
        this.peak = peak;
        this.octets = octets;
        this.transmit = transmit;
        this.id = id;
        this.origin = origin;
        this.receive = receive;
        this.send = send;
        this.multicast = multicast;
        this.codec = codec;
        this.remote = remote;
        this.receiver = receiver;
        this.onStopped = onStopped;
        this.started = started;
    }

    public String id() {
        return id;
    }

    /** "uri" for legacy RTP URIs, "api" for startMedia. */
    public String origin() {
        return origin;
    }

    public boolean receive() {
        return receive;
    }

    public boolean send() {
        return send;
    }

    public boolean multicast() {
        return multicast;
    }

    public String codec() {
        return codec;
    }

    public InetSocketAddress remote() {
        return remote;
    }

    public String onStopped() {
        return onStopped;
    }

    /** The socket a receiving stream listens on, or null for a send-only stream. */
    public InetSocketAddress local() {
        return receiver == null ? null : receiver.localAddress();
    }

    public List<ReceiverReport> reports() {
        return receiver == null ? List.of() : receiver.reports();
    }

    public long packets() {
        return reports().stream().mapToLong(ReceiverReport::received).sum();
    }

    /** The largest instantaneous jitter received so far, in milliseconds (0 for a send-only stream). */
    double maxJitterMillis() {
        return peak == null ? 0 : peak.maxMillis();
    }

    /** Packets sent so far (0 when this stream does not transmit). */
    public long packetsSent() {
        return transmit == null ? 0 : transmit.packetsSent();
    }

    void close() {
        if (receiver != null) {
            receiver.close();
        }
        if (transmit != null) {
            transmit.stop();
        }
    }

    /** JSON-ready view for the inspection API. */
    public Map<String, Object> view() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("origin", origin);
        m.put("mode", receive && send ? "sendReceive" : receive ? "receive" : "send");
        m.put("multicast", multicast);
        m.put("codec", codec);
        m.put("remote", remote == null ? null : remote.getHostString() + ":" + remote.getPort());
        InetSocketAddress l = local();
        m.put("local", l == null ? null : l.getAddress().getHostAddress() + ":" + l.getPort());
        m.put("started", started.toString());
        m.put("octets", octets.get());
        m.put("packetsSent", packetsSent());
        m.put("sources", reports());
        return m;
    }
}
