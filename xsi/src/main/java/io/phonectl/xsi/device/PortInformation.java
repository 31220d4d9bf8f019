package io.phonectl.xsi.device;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@code /PortInformation[X]?n}, n 1–3: the switch port and its CDP/LLDP neighbour (reference notes §2.5). */
public record PortInformation(String portSpeed, String cdpNeighborDeviceId, String cdpNeighborIP,
                              String cdpNeighborPort, String lldpNeighborDeviceId, String lldpNeighborIP,
                              String lldpNeighborPort, Map<String, String> extra) {

    public static final String ROOT = "PortInformation";
    /** Ports a phone reports: network, PC and (on some models) a third. */
    public static final int MAX_INDEX = 3;
    public static final List<String> FIELDS = List.of("PortSpeed", "CDPNeighborDeviceId", "CDPNeighborIP",
            "CDPNeighborPort", "LLDPNeighborDeviceId", "LLDPNeighborIP", "LLDPNeighborPort");

    public PortInformation {
        portSpeed = Objects.requireNonNullElse(portSpeed, "");
        cdpNeighborDeviceId = Objects.requireNonNullElse(cdpNeighborDeviceId, "");
        cdpNeighborIP = Objects.requireNonNullElse(cdpNeighborIP, "");
        cdpNeighborPort = Objects.requireNonNullElse(cdpNeighborPort, "");
        lldpNeighborDeviceId = Objects.requireNonNullElse(lldpNeighborDeviceId, "");
        lldpNeighborIP = Objects.requireNonNullElse(lldpNeighborIP, "");
        lldpNeighborPort = Objects.requireNonNullElse(lldpNeighborPort, "");
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    public Map<String, String> fields() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("PortSpeed", portSpeed);
        m.put("CDPNeighborDeviceId", cdpNeighborDeviceId);
        m.put("CDPNeighborIP", cdpNeighborIP);
        m.put("CDPNeighborPort", cdpNeighborPort);
        m.put("LLDPNeighborDeviceId", lldpNeighborDeviceId);
        m.put("LLDPNeighborIP", lldpNeighborIP);
        m.put("LLDPNeighborPort", lldpNeighborPort);
        m.putAll(extra);
        return m;
    }

    public String toXml() {
        return DevicePageCodec.toXml(ROOT, fields());
    }

    public String toHtml() {
        return DevicePageCodec.toHtml("Port Information", fields());
    }

    public static PortInformation parse(byte[] xml) {
        Map<String, String> f = DevicePageCodec.readFlat(xml);
        return new PortInformation(DevicePageCodec.text(f, "PortSpeed"), DevicePageCodec.text(f, "CDPNeighborDeviceId"),
                DevicePageCodec.text(f, "CDPNeighborIP"), DevicePageCodec.text(f, "CDPNeighborPort"),
                DevicePageCodec.text(f, "LLDPNeighborDeviceId"), DevicePageCodec.text(f, "LLDPNeighborIP"),
                DevicePageCodec.text(f, "LLDPNeighborPort"), DevicePageCodec.extra(f, FIELDS));
    }
}
