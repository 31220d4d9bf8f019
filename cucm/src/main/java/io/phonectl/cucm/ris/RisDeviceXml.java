package io.phonectl.cucm.ris;

import io.phonectl.cucm.xml.XmlNode;
import io.phonectl.cucm.xml.XmlWriter;

import java.util.ArrayList;
import java.util.List;

/** One {@code CmDevice} item, written in the WSDL's element order and read regardless of order. */
final class RisDeviceXml {

    private RisDeviceXml() {
    }

    static void write(XmlWriter w, CmDevice d) {
        w.open("ns1:item").element("ns1:Name", d.name());
        text(w, "ns1:DirNumber", d.dirNumber());
        w.element("ns1:DeviceClass", d.deviceClass()).element("ns1:Model", d.model())
                .element("ns1:Product", d.model()).element("ns1:BoxProduct", 0).element("ns1:Httpd", d.httpd())
                .element("ns1:RegistrationAttempts", 0).element("ns1:IsCtiControllable", true)
                .nil("ns1:LoginUserId").element("ns1:Status", d.status()).element("ns1:StatusReason", d.statusReason())
                .element("ns1:PerfMonObject", 2).element("ns1:DChannel", 0);
        text(w, "ns1:Description", d.description());
        w.nil("ns1:H323Trunk").element("ns1:TimeStamp", d.timeStamp()).element("ns1:Protocol", d.protocol())
                .element("ns1:NumOfLines", d.number() == null ? 0 : 1);
        if (d.number() == null) {
            w.nil("ns1:LinesStatus");
        } else {
            w.open("ns1:LinesStatus").open("ns1:item").element("ns1:DirectoryNumber", d.number())
                    .element("ns1:Status", "Registered".equals(d.status()) ? "Registered" : "UnRegistered")
                    .close("ns1:item").close("ns1:LinesStatus");
        }
        text(w, "ns1:ActiveLoadID", d.activeLoadId());
        w.nil("ns1:InactiveLoadID").element("ns1:DownloadStatus", "Unknown").nil("ns1:DownloadFailureReason")
                .nil("ns1:DownloadServer").open("ns1:IPAddress");
        for (String ip : d.ipAddresses()) {
            w.open("ns1:item").element("ns1:IP", ip).element("ns1:IPAddrType", ip.indexOf(':') >= 0 ? "ipv6" : "ipv4")
                    .element("ns1:Attribute", "Unknown").close("ns1:item");
        }
        w.close("ns1:IPAddress").close("ns1:item");
    }

    private static void text(XmlWriter w, String name, String value) {
        if (value == null) {
            w.nil(name);
        } else {
            w.element(name, value);
        }
    }

    static CmDevice read(XmlNode d) {
        List<String> ips = new ArrayList<>();
        d.child("IPAddress").ifPresent(a -> {
            if (a.children().isEmpty()) {
                // RisPort (before 70) wrote the address as plain text
                if (!a.text().isBlank()) {
                    ips.add(a.text().strip());
                }
            } else {
                a.children("item").forEach(i -> {
                    String ip = i.text("IP");
                    if (ip != null && !ip.isEmpty()) {
                        ips.add(ip);
                    }
                });
            }
        });
        String name = d.text("Name");
        if (name == null || name.isEmpty()) {
            throw new io.phonectl.cucm.CucmParseException("CmDevices item without a Name");
        }
        return new CmDevice(name, d.text("DirNumber"), d.text("DeviceClass", "Unknown"),
                RisCodec.integer("Model", d.text("Model", "255")), d.text("Httpd", "Unknown"),
                d.text("Status", "Unknown"), RisCodec.integer("StatusReason", d.text("StatusReason", "0")),
                d.text("Description"), RisCodec.longValue("TimeStamp", d.text("TimeStamp", "0")),
                d.text("Protocol", "Unknown"), d.text("ActiveLoadID"), ips);
    }
}
