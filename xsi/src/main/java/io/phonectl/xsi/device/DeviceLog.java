package io.phonectl.xsi.device;

import java.util.List;

/**
 * {@code /DeviceLog[X]?n}, n 0–2: status lines, newest last. The 79xx XML form is not well-formed
 * (inline declarations, a timestamp followed by a child element inside {@code status}); {@link #parse}
 * reads it anyway and joins the pieces of each line with a space.
 */
public record DeviceLog(List<String> entries) {

    public static final String ROOT = "DeviceLog";
    public static final String ENTRY = "status";
    public static final int MAX_INDEX = 2;

    public DeviceLog {
        entries = List.copyOf(entries);
    }

    public String toXml() {
        return DevicePageCodec.toXmlList(ROOT, ENTRY, entries);
    }

    public String toHtml() {
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Device Log</title>")
                .append("</head><body><h1>Device Log</h1><pre>");
        entries.forEach(e -> b.append(DevicePageCodec.escape(e)).append('\n'));
        return b.append("</pre></body></html>\n").toString();
    }

    public static DeviceLog parse(byte[] xml) {
        return new DeviceLog(DevicePageCodec.readEntries(xml).stream()
                .filter(e -> e.name().equals(ENTRY))
                .map(DevicePageCodec.Entry::text)
                .toList());
    }
}
