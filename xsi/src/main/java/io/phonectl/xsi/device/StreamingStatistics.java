package io.phonectl.xsi.device;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code /StreamingStatistics[X]?n}, n 1–3 (HIP polls 1–5): one RTP stream's counters; addresses as
 * {@code ip/port} (reference notes §2.5). Jitter and latency in milliseconds.
 */
public record StreamingStatistics(String remoteAddr, String localAddr, String streamStatus, String name,
                                  long senderPackets, long senderOctets, String senderCodec,
                                  long rcvrPackets, long rcvrOctets, String rcvrCodec, long rcvrLostPackets,
                                  long avgJitter, long maxJitter, long rcvrDiscarded, Map<String, String> extra) {

    public static final String ROOT = "StreamingStatistics";
    public static final int MAX_INDEX = 3;
    public static final List<String> FIELDS = List.of("RemoteAddr", "LocalAddr", "StreamStatus", "Name",
            "SenderPackets", "SenderOctets", "SenderCodec", "RcvrPackets", "RcvrOctets", "RcvrCodec",
            "RcvrLostPackets", "AvgJitter", "MaxJitter", "RcvrDiscarded");

    public StreamingStatistics {
        remoteAddr = Objects.requireNonNullElse(remoteAddr, "");
        localAddr = Objects.requireNonNullElse(localAddr, "");
        streamStatus = Objects.requireNonNullElse(streamStatus, "");
        name = Objects.requireNonNullElse(name, "");
        senderCodec = Objects.requireNonNullElse(senderCodec, "");
        rcvrCodec = Objects.requireNonNullElse(rcvrCodec, "");
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    /** A slot with no stream, as phones show it. */
    public static StreamingStatistics idle(String name) {
        return new StreamingStatistics("", "", "Not Ready", name, 0, 0, "", 0, 0, "", 0, 0, 0, 0, Map.of());
    }

    public Map<String, String> fields() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("RemoteAddr", remoteAddr);
        m.put("LocalAddr", localAddr);
        m.put("StreamStatus", streamStatus);
        m.put("Name", name);
        m.put("SenderPackets", Long.toString(senderPackets));
        m.put("SenderOctets", Long.toString(senderOctets));
        m.put("SenderCodec", senderCodec);
        m.put("RcvrPackets", Long.toString(rcvrPackets));
        m.put("RcvrOctets", Long.toString(rcvrOctets));
        m.put("RcvrCodec", rcvrCodec);
        m.put("RcvrLostPackets", Long.toString(rcvrLostPackets));
        m.put("AvgJitter", Long.toString(avgJitter));
        m.put("MaxJitter", Long.toString(maxJitter));
        m.put("RcvrDiscarded", Long.toString(rcvrDiscarded));
        m.putAll(extra);
        return m;
    }

    public String toXml() {
        return DevicePageCodec.toXml(ROOT, fields());
    }

    public String toHtml() {
        return DevicePageCodec.toHtml("Streaming Statistics", fields());
    }

    public static StreamingStatistics parse(byte[] xml) {
        Map<String, String> f = DevicePageCodec.readFlat(xml);
        return new StreamingStatistics(DevicePageCodec.text(f, "RemoteAddr"), DevicePageCodec.text(f, "LocalAddr"),
                DevicePageCodec.text(f, "StreamStatus"), DevicePageCodec.text(f, "Name"),
                DevicePageCodec.number(f, "SenderPackets"), DevicePageCodec.number(f, "SenderOctets"),
                DevicePageCodec.text(f, "SenderCodec"), DevicePageCodec.number(f, "RcvrPackets"),
                DevicePageCodec.number(f, "RcvrOctets"), DevicePageCodec.text(f, "RcvrCodec"),
                DevicePageCodec.number(f, "RcvrLostPackets"), DevicePageCodec.number(f, "AvgJitter"),
                DevicePageCodec.number(f, "MaxJitter"), DevicePageCodec.number(f, "RcvrDiscarded"),
                DevicePageCodec.extra(f, FIELDS));
    }
}
