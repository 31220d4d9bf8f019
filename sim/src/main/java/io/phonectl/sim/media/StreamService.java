package io.phonectl.sim.media;

import io.phonectl.media.g711.G711;
import io.phonectl.media.rtp.ReceiverReport;
import io.phonectl.media.rtp.RtpReceiver;
import io.phonectl.sim.app.Notifier;
import io.phonectl.sim.net.Reply;
import io.phonectl.sim.phone.PhoneFeature;
import io.phonectl.sim.phone.PhoneListener;
import io.phonectl.sim.phone.SimPhone;
import io.phonectl.xsi.codec.XsiCodec;
import io.phonectl.xsi.component.ComponentMessage;
import io.phonectl.xsi.component.ErrorResponse;
import io.phonectl.xsi.component.MediaMode;
import io.phonectl.xsi.component.MediaStream;
import io.phonectl.xsi.component.MediaStreamReply;
import io.phonectl.xsi.component.NotifyMediaEvent;
import io.phonectl.xsi.component.StartMedia;
import io.phonectl.xsi.component.StopMedia;
import io.phonectl.xsi.device.StreamingStatistics;
import io.phonectl.xsi.object.ResponseItem;
import io.phonectl.xsi.object.ResponseStatus;
import io.phonectl.xsi.uri.InternalUri;
import io.phonectl.xsi.uri.RtpStopUri;
import io.phonectl.xsi.uri.RtpUri;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * RTP on simulated phones: legacy RTP URIs (busy rule per direction, Tx refused during a call, Stop URIs that
 * also stop API streams in that direction) and the RTP Streaming API (startMedia/stopMedia with ids, resource
 * limit from the model catalog, InvalidResourceID, InvalidXML), seeds/000 and reference notes §2.7.
 * Receiving streams open real UDP sockets on the phone's address. Thread-safe (phone monitor).
 */
public final class StreamService implements PhoneListener, PhoneFeature {

    private final Notifier notifier;
    private final TxSender tx;

    /** @param tx the fleet's shared sender for transmitting streams */
    public StreamService(Notifier notifier, TxSender tx) {
        this.notifier = notifier;
        this.tx = tx;
    }

    private static PhoneStreams of(SimPhone p) {
        return p.extension(PhoneStreams.class, PhoneStreams::new);
    }

    /** Legacy RTP URIs; null for other families. */
    @Override
    public ResponseItem uri(SimPhone phone, InternalUri uri, String url) {
        return switch (uri) {
            case RtpUri r -> start(phone, r, url);
            case RtpStopUri s -> {
                stop(phone, st -> s.kind().receive() ? st.receive() : st.send(), false);
                yield ResponseItem.of(url, ResponseStatus.SUCCESS);
            }
            default -> null;
        };
    }

    private ResponseItem start(SimPhone phone, RtpUri r, String url) {
        synchronized (phone) {
            PhoneStreams s = of(phone);
            boolean receive = r.kind().receive();
            if (!receive && phone.call().active()) {
                return ResponseItem.of(url, ResponseStatus.RTP_UNAUTHORIZED);
            }
            if (receive ? s.receiving() : s.sending()) {
                return ResponseItem.of(url, ResponseStatus.RTP_ALREADY_ACTIVE);
            }
            int port = r.port() == null ? 0 : r.port();
            try {
                SimStream st = open(phone, "uri", receive, !receive, r.kind().multicast(), "G.711u",
                        r.address(), port, null);
                s.active.add(st);
                phone.log(r.kind().family() + " started " + (st.local() != null ? "on " + st.local() : "to " + st.remote())
                        + (receive && phone.call().active() ? " (whisper: volume ignored during the call)" : ""));
                return ResponseItem.of(url, ResponseStatus.SUCCESS);
            } catch (RuntimeException e) {
                phone.log(r.kind().family() + " failed: " + e.getMessage());
                return ResponseItem.of(url, ResponseStatus.FAILURE);
            }
        }
    }

    /** startMedia / stopMedia; null for other messages. */
    @Override
    public Reply component(SimPhone phone, ComponentMessage message) {
        return switch (message) {
            case StartMedia sm -> startMedia(phone, sm.stream());
            case StopMedia stop -> stopMedia(phone, stop);
            default -> null;
        };
    }

    /** A startMedia/stopMedia body that did not parse: 400 InvalidXML with the parser's message. */
    @Override
    public Reply invalidComponent(SimPhone phone, String parserMessage) {
        return error(ErrorResponse.invalidXml(parserMessage));
    }

    private Reply startMedia(SimPhone phone, MediaStream m) {
        synchronized (phone) {
            PhoneStreams s = of(phone);
            long apiStreams = s.active.size();
            if (apiStreams >= phone.model().catalog().mediaResources()) {
                return error(ErrorResponse.unavailableResource());
            }
            boolean receive = m.mode() != MediaMode.SEND;
            boolean send = m.mode() != MediaMode.RECEIVE;
            String id = m.id() != null ? m.id() : "s" + s.nextId++;
            try {
                SimStream st = open(phone, "api", receive, send, isMulticast(m.address()), m.codec().xml(),
                        m.address(), m.port(), m.onStopped(), id);
                s.active.add(st);
                phone.log("startMedia " + id + " " + m.mode() + " " + m.address() + ":" + m.port());
            } catch (RuntimeException e) {
                return error(ErrorResponse.unavailableResource());
            }
            return new Reply(200, Reply.XML, Map.of(), XsiCodec.encode(new MediaStreamReply(id)));
        }
    }

    private Reply stopMedia(SimPhone phone, StopMedia stop) {
        synchronized (phone) {
            if (stop.stopsAll()) {
                stop(phone, st -> true, false);
                return stopped();
            }
            if (of(phone).active.stream().noneMatch(st -> stop.id().equals(st.id()))) {
                return error(ErrorResponse.unknownStream(stop.id()));
            }
            stop(phone, st -> stop.id().equals(st.id()), false);
            return stopped();
        }
    }

    /** Stops matching streams; {@code byUser} posts notifyMediaEvent to their onStopped handlers. */
    public void stop(SimPhone phone, Predicate<SimStream> which, boolean byUser) {
        List<SimStream> stopped = new ArrayList<>();
        synchronized (phone) {
            PhoneStreams s = of(phone);
            s.active.removeIf(st -> {
                if (which.test(st)) {
                    remember(phone, s, st);
                    st.close();
                    stopped.add(st);
                    return true;
                }
                return false;
            });
        }
        for (SimStream st : stopped) {
            phone.log("stream " + st.id() + " stopped" + (byUser ? " by the user" : ""));
            if (st.onStopped() != null) {
                String event = new String(XsiCodec.encode(byUser ? NotifyMediaEvent.stoppedByUser(st.id())
                        : new NotifyMediaEvent("stopped", "application", st.id())), java.nio.charset.StandardCharsets.UTF_8);
                // off the caller's thread: it may hold the phone's lock, and the handler may be slow
                Thread.ofVirtual().name("sim-notify-" + phone.name()).start(() -> notifier.notifyAll(phone, st.onStopped(), event));
            }
        }
    }

    /** Reset closes every socket silently (no onStopped handlers: the phone is rebooting). */
    @Override
    public void resetting(SimPhone phone) {
        synchronized (phone) {
            PhoneStreams s = of(phone);
            s.active.forEach(SimStream::close);
            s.active.clear();
            s.ended.clear();
        }
    }

    /** A call starting kills receive streams (notes §2.7) and transmit streams (Tx is refused during a call). */
    @Override
    public void callStarted(SimPhone phone) {
        stop(phone, st -> st.receive() || st.send(), false);
    }

    /** The user hanging up ends the phone's streams and tells their handlers. */
    @Override
    public void hungUp(SimPhone phone) {
        stop(phone, st -> true, true);
    }

    public List<Map<String, Object>> views(SimPhone phone) {
        synchronized (phone) {
            return of(phone).active.stream().map(SimStream::view).toList();
        }
    }

    /**
     * The StreamingStatistics page for slot {@code index} (1-based): the active streams first, then the final
     * counters of ended ones (newest first, StreamStatus "Not Ready"), so what a phone received can be read after
     * the page or call that carried it is over.
     */
    public Optional<StreamingStatistics> statistics(SimPhone phone, int index) {
        SimStream st;
        synchronized (phone) {
            PhoneStreams s = of(phone);
            if (index < 1) {
                return Optional.empty();
            }
            if (index > s.active.size()) {
                return s.ended.stream().skip(index - s.active.size() - 1L).findFirst();
            }
            st = s.active.get(index - 1);
        }
        return Optional.of(snapshot(st, index, "Active"));
    }

    /** Keeps a stopping stream's final counters; callers hold the phone's lock. */
    private static void remember(SimPhone phone, PhoneStreams s, SimStream st) {
        s.ended.addFirst(snapshot(st, s.active.indexOf(st) + 1, "Not Ready"));
        while (s.ended.size() > Math.max(1, phone.model().catalog().streams())) {
            s.ended.removeLast();
        }
    }

    private static StreamingStatistics snapshot(SimStream st, int index, String status) {
        List<ReceiverReport> reports = st.reports();
        long packets = reports.stream().mapToLong(ReceiverReport::received).sum();
        long lost = reports.stream().mapToLong(ReceiverReport::lost).sum();
        // AvgJitter: the RFC 3550 estimate; MaxJitter: the largest instantaneous jitter seen. Both whole milliseconds
        // as phones write them, rounded up so a measured non-zero jitter never reads as 0
        double jitter = reports.stream().mapToDouble(ReceiverReport::jitterMillis).max().orElse(0);
        double peak = Math.max(jitter, st.maxJitterMillis());
        String local = st.local() == null ? "" : st.local().getAddress().getHostAddress() + "/" + st.local().getPort();
        String remote = st.remote() == null ? "" : st.remote().getHostString() + "/" + st.remote().getPort();
        return new StreamingStatistics(remote, local, status, "Stream " + index, 0, 0,
                st.send() ? st.codec() : "", packets, st.octets.get(), st.receive() ? st.codec() : "",
                Math.max(0, lost), (long) Math.ceil(jitter), (long) Math.ceil(peak), 0, Map.of("StreamId", st.id()));
    }

    private SimStream open(SimPhone phone, String origin, boolean receive, boolean send, boolean multicast, String codec,
                           String address, int port, String onStopped) {
        return open(phone, origin, receive, send, multicast, codec, address, port, onStopped, "u" + of(phone).nextId++);
    }

    private SimStream open(SimPhone phone, String origin, boolean receive, boolean send, boolean multicast, String codec,
                           String address, int port, String onStopped, String id) {
        InetSocketAddress remote = new InetSocketAddress(address, port);
        RtpReceiver receiver = null;
        java.util.concurrent.atomic.AtomicLong octets = new java.util.concurrent.atomic.AtomicLong();
        JitterPeak peak = new JitterPeak(8000);
        if (receive) {
            RtpReceiver.Config cfg = RtpReceiver.Config.g711(0).withListener((packet, at) -> {
                octets.addAndGet(packet.payloadLength());
                peak.arrived(packet.timestamp(), at);
            });
            if (multicast) {
                receiver = RtpReceiver.multicast(remote.getAddress(), port, loopbackInterface(), cfg);
            } else {
                receiver = RtpReceiver.unicast(new InetSocketAddress(phone.address().getAddress(), port), cfg);
            }
        }
        io.phonectl.media.rtp.StreamHandle transmit = null;
        if (send && codec.startsWith("G.711")) {
            try {
                transmit = tx.send(remote, codec.equals("G.711a") ? G711.A_LAW : G711.MU_LAW);
            } catch (RuntimeException e) {
                if (receiver != null) {
                    receiver.close();
                }
                throw e;
            }
        }
        return new SimStream(id, origin, receive, send, multicast, codec, remote, receiver, onStopped,
                phone.clock().instant(), octets, transmit, peak);
    }

    /**
     * A stopMedia that succeeded: 200 text/xml with one Success item, the answer phones give every other object they
     * accept. The RTP Streaming API documents only "HTTP 200 OK"; an empty answer without a Content-Type trips clients
     * that parse every answer (issue 16), so the body is the one every XSI client already reads.
     */
    private static Reply stopped() {
        return new Reply(200, Reply.XML, Map.of(), XsiCodec.encode(new io.phonectl.xsi.object.Response(
                List.of(ResponseItem.of("stopMedia", ResponseStatus.SUCCESS)))));
    }

    private static Reply error(ErrorResponse e) {
        return new Reply(400, Reply.XML, Map.of(), XsiCodec.encode(e));
    }

    private static boolean isMulticast(String address) {
        try {
            return InetAddress.getByName(address).isMulticastAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static NetworkInterface loopbackInterface() {
        try {
            return NetworkInterface.getByInetAddress(InetAddress.getLoopbackAddress());
        } catch (java.net.SocketException e) {
            throw new IllegalStateException("no loopback interface for multicast", e);
        }
    }
}
