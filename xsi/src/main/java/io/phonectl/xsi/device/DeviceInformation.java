package io.phonectl.xsi.device;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code /DeviceInformation[X]}: identity of the phone (fields from a CP-7940 capture and client code,
 * reference notes §2.5). {@code messageWaiting} keeps the phone's localised word ("Yes", "OUI"); see {@link #hasMessageWaiting()}.
 */
public record DeviceInformation(String macAddress, String hostName, String phoneDN, String appLoadID,
                                String bootLoadID, String versionID, String hardwareRevision,
                                String serialNumber, String modelNumber, String codec, String messageWaiting,
                                Map<String, String> extra) {

    public static final String ROOT = "DeviceInformation";
    public static final List<String> FIELDS = List.of("MACAddress", "HostName", "phoneDN", "appLoadID", "bootLoadID",
            "versionID", "hardwareRevision", "serialNumber", "modelNumber", "Codec", "MessageWaiting");
    private static final Set<String> YES = Set.of("yes", "oui", "ja", "si", "sí", "sim", "true", "1");

    public DeviceInformation {
        macAddress = Objects.requireNonNullElse(macAddress, "");
        hostName = Objects.requireNonNullElse(hostName, "");
        phoneDN = Objects.requireNonNullElse(phoneDN, "");
        appLoadID = Objects.requireNonNullElse(appLoadID, "");
        bootLoadID = Objects.requireNonNullElse(bootLoadID, "");
        versionID = Objects.requireNonNullElse(versionID, "");
        hardwareRevision = Objects.requireNonNullElse(hardwareRevision, "");
        serialNumber = Objects.requireNonNullElse(serialNumber, "");
        modelNumber = Objects.requireNonNullElse(modelNumber, "");
        codec = Objects.requireNonNullElse(codec, "");
        messageWaiting = Objects.requireNonNullElse(messageWaiting, "");
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    /** Whether a message is waiting, whatever language the phone answers in. */
    public boolean hasMessageWaiting() {
        return YES.contains(messageWaiting.strip().toLowerCase(Locale.ROOT));
    }

    public Map<String, String> fields() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("MACAddress", macAddress);
        m.put("HostName", hostName);
        m.put("phoneDN", phoneDN);
        m.put("appLoadID", appLoadID);
        m.put("bootLoadID", bootLoadID);
        m.put("versionID", versionID);
        m.put("hardwareRevision", hardwareRevision);
        m.put("serialNumber", serialNumber);
        m.put("modelNumber", modelNumber);
        m.put("Codec", codec);
        m.put("MessageWaiting", messageWaiting);
        m.putAll(extra);
        return m;
    }

    public String toXml() {
        return DevicePageCodec.toXml(ROOT, fields());
    }

    public String toHtml() {
        return DevicePageCodec.toHtml("Device Information", fields());
    }

    /** Tolerant: absent fields read as empty, unknown ones land in {@link #extra()}. */
    public static DeviceInformation parse(byte[] xml) {
        Map<String, String> f = DevicePageCodec.readFlat(xml);
        return new DeviceInformation(DevicePageCodec.text(f, "MACAddress"), DevicePageCodec.text(f, "HostName"),
                DevicePageCodec.text(f, "phoneDN"), DevicePageCodec.text(f, "appLoadID"),
                DevicePageCodec.text(f, "bootLoadID"), DevicePageCodec.text(f, "versionID"),
                DevicePageCodec.text(f, "hardwareRevision"), DevicePageCodec.text(f, "serialNumber"),
                DevicePageCodec.text(f, "modelNumber"), DevicePageCodec.text(f, "Codec"),
                DevicePageCodec.text(f, "MessageWaiting"), DevicePageCodec.extra(f, FIELDS));
    }
}
