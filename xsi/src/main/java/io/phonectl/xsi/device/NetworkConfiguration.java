package io.phonectl.xsi.device;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code /NetworkConfiguration[X]}: the fields clients read (reference notes §2.5). Real pages carry many
 * more (DHCP, VLAN, service URLs); those are kept in {@link #extra()}.
 */
public record NetworkConfiguration(String hostName, String ipAddress, String subNetMask, String defaultRouter1,
                                   String domainName, String dnsServer1, String dnsServer2, String tftpServer1,
                                   String callManager1, Map<String, String> extra) {

    public static final String ROOT = "NetworkConfiguration";
    public static final List<String> FIELDS = List.of("HostName", "IPAddress", "SubNetMask", "DefaultRouter1",
            "DomainName", "DNSServer1", "DNSServer2", "TFTPServer1", "CallManager1");

    public NetworkConfiguration {
        hostName = Objects.requireNonNullElse(hostName, "");
        ipAddress = Objects.requireNonNullElse(ipAddress, "");
        subNetMask = Objects.requireNonNullElse(subNetMask, "");
        defaultRouter1 = Objects.requireNonNullElse(defaultRouter1, "");
        domainName = Objects.requireNonNullElse(domainName, "");
        dnsServer1 = Objects.requireNonNullElse(dnsServer1, "");
        dnsServer2 = Objects.requireNonNullElse(dnsServer2, "");
        tftpServer1 = Objects.requireNonNullElse(tftpServer1, "");
        callManager1 = Objects.requireNonNullElse(callManager1, "");
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    public Map<String, String> fields() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("HostName", hostName);
        m.put("IPAddress", ipAddress);
        m.put("SubNetMask", subNetMask);
        m.put("DefaultRouter1", defaultRouter1);
        m.put("DomainName", domainName);
        m.put("DNSServer1", dnsServer1);
        m.put("DNSServer2", dnsServer2);
        m.put("TFTPServer1", tftpServer1);
        m.put("CallManager1", callManager1);
        m.putAll(extra);
        return m;
    }

    public String toXml() {
        return DevicePageCodec.toXml(ROOT, fields());
    }

    public String toHtml() {
        return DevicePageCodec.toHtml("Network Configuration", fields());
    }

    public static NetworkConfiguration parse(byte[] xml) {
        Map<String, String> f = DevicePageCodec.readFlat(xml);
        return new NetworkConfiguration(DevicePageCodec.text(f, "HostName"), DevicePageCodec.text(f, "IPAddress"),
                DevicePageCodec.text(f, "SubNetMask"), DevicePageCodec.text(f, "DefaultRouter1"),
                DevicePageCodec.text(f, "DomainName"), DevicePageCodec.text(f, "DNSServer1"),
                DevicePageCodec.text(f, "DNSServer2"), DevicePageCodec.text(f, "TFTPServer1"),
                DevicePageCodec.text(f, "CallManager1"), DevicePageCodec.extra(f, FIELDS));
    }
}
