package io.phonectl.xsi.device;

import io.phonectl.xsi.Sources;
import io.phonectl.xsi.Violation;
import io.phonectl.xsi.XsiValidationException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /EthernetInformation[X]}: frame counters (CP-7940 capture, reference notes §2.5). */
public record EthernetInformation(Map<String, Long> counters, Map<String, String> extra) {

    public static final String ROOT = "EthernetInformation";
    public static final List<String> FIELDS = List.of("TxFrames", "TxBroadcasts", "TxMulticasts", "TxCollisions",
            "TxExcessiveCollisions", "TxDeferredAbort", "RxFrames", "RxBroadcasts", "RxMulticasts", "RxCRCErrors",
            "RxOverruns", "RxLongCRC", "RxBadPreamble", "RxRunt", "RxShorts", "RxLongs");

    /** Every known counter is present (0 when absent); unknown names are refused so typos surface. */
    public EthernetInformation {
        Map<String, Long> all = new LinkedHashMap<>();
        for (String f : FIELDS) {
            all.put(f, counters == null ? 0L : counters.getOrDefault(f, 0L));
        }
        if (counters != null) {
            for (String k : counters.keySet()) {
                if (!all.containsKey(k)) {
                    throw new XsiValidationException(Violation.of("EthernetInformation counter", k,
                            "one of " + FIELDS, Sources.NOTES_DEVICE_PAGES));
                }
            }
        }
        counters = java.util.Collections.unmodifiableMap(all);
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    public long counter(String name) {
        return counters.getOrDefault(name, 0L);
    }

    public Map<String, String> fields() {
        Map<String, String> m = new LinkedHashMap<>();
        counters.forEach((k, v) -> m.put(k, Long.toString(v)));
        m.putAll(extra);
        return m;
    }

    public String toXml() {
        return DevicePageCodec.toXml(ROOT, fields());
    }

    public String toHtml() {
        return DevicePageCodec.toHtml("Ethernet Information", fields());
    }

    public static EthernetInformation parse(byte[] xml) {
        Map<String, String> f = DevicePageCodec.readFlat(xml);
        Map<String, Long> c = new LinkedHashMap<>();
        for (String name : FIELDS) {
            c.put(name, DevicePageCodec.number(f, name));
        }
        return new EthernetInformation(c, DevicePageCodec.extra(f, FIELDS));
    }
}
