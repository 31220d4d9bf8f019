package io.phonectl.cucm.ris;

import io.phonectl.cucm.CucmParseException;
import io.phonectl.cucm.soap.Soap;
import io.phonectl.cucm.xml.XmlNode;
import io.phonectl.cucm.xml.XmlWriter;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads RisPort70 selectCmDevice(Ext) requests and answers. Requests qualify every element with the
 * {@code soap} prefix as SoapUI and Cisco's samples do; answers qualify with {@code ns1} as CUCM's Axis does. Readers
 * ignore prefixes and unknown elements.
 */
public final class RisCodec {

    public static final String NAMESPACE = "http://schemas.cisco.com/ast/soap";
    public static final String PATH = "/realtimeservice2/services/RISService70";
    public static final int MAX_REQUEST_BYTES = 256 * 1024;

    private RisCodec() {
    }

    public static byte[] encode(SelectCmDevice r) {
        CmSelectionCriteria c = r.criteria();
        XmlWriter w = new XmlWriter(256 + c.selectItems().size() * 48);
        String op = "soap:" + r.operation();
        w.open(op).element("soap:StateInfo", r.stateInfo()).open("soap:CmSelectionCriteria")
                .element("soap:MaxReturnedDevices", c.maxReturnedDevices()).element("soap:DeviceClass", c.deviceClass())
                .element("soap:Model", c.model()).element("soap:Status", c.status())
                .element("soap:NodeName", c.nodeName()).element("soap:SelectBy", c.selectBy()).open("soap:SelectItems");
        for (String item : c.selectItems()) {
            w.open("soap:item").element("soap:Item", item).close("soap:item");
        }
        w.close("soap:SelectItems").element("soap:Protocol", c.protocol())
                .element("soap:DownloadStatus", c.downloadStatus()).close("soap:CmSelectionCriteria").close(op);
        return Soap.envelope("soap", NAMESPACE, w.toString());
    }

    /** Reads a request body element (selectCmDevice or selectCmDeviceExt). */
    public static SelectCmDevice decode(XmlNode op) {
        boolean ext = switch (op.name()) {
            case "selectCmDevice" -> false;
            case "selectCmDeviceExt" -> true;
            default -> throw new CucmParseException("not a RisPort70 device query: " + op.name());
        };
        XmlNode c = op.child("CmSelectionCriteria")
                .orElseThrow(() -> new CucmParseException(op.name() + " without CmSelectionCriteria"));
        String max = c.text("MaxReturnedDevices");
        if (max == null || max.isEmpty()) {
            throw new CucmParseException("CmSelectionCriteria without MaxReturnedDevices");
        }
        List<String> items = new ArrayList<>();
        c.child("SelectItems").ifPresent(s -> s.children("item").forEach(i -> {
            String v = i.text("Item");
            if (v != null && !v.isEmpty()) {
                items.add(v);
            }
        }));
        CmSelectionCriteria criteria = new CmSelectionCriteria(integer("MaxReturnedDevices", max),
                c.text("DeviceClass", "Any"), integer("Model", c.text("Model", "255")), c.text("Status", "Any"),
                c.text("NodeName", ""), c.text("SelectBy", "Name"), items, c.text("Protocol", "Any"),
                c.text("DownloadStatus", "Any"));
        return new SelectCmDevice(ext, op.text("StateInfo", ""), criteria);
    }

    /** The answer document; the same response element answers both operations (RISService70 WSDL). */
    public static byte[] encode(SelectResult r) {
        XmlWriter w = new XmlWriter(512 + r.itemsReturned() * 1400);
        w.raw("<ns1:selectCmDeviceResponse xmlns:ns1=\"" + NAMESPACE + "\">").open("ns1:selectCmDeviceReturn")
                .open("ns1:SelectCmDeviceResult").element("ns1:TotalDevicesFound", r.totalDevicesFound());
        if (r.nodes().isEmpty()) {
            w.nil("ns1:CmNodes");
        } else {
            w.open("ns1:CmNodes");
            for (CmNode n : r.nodes()) {
                w.open("ns1:item").element("ns1:ReturnCode", n.returnCode()).element("ns1:Name", n.name())
                        .element("ns1:NoChange", n.noChange()).open("ns1:CmDevices");
                n.devices().forEach(d -> RisDeviceXml.write(w, d));
                w.close("ns1:CmDevices").close("ns1:item");
            }
            w.close("ns1:CmNodes");
        }
        w.close("ns1:SelectCmDeviceResult").element("ns1:StateInfo", r.stateInfo()).close("ns1:selectCmDeviceReturn")
                .raw("</ns1:selectCmDeviceResponse>");
        return Soap.response(w.toString());
    }

    public static SelectResult decode(Soap.Message m) {
        XmlNode ret = m.expect("selectCmDeviceResponse").child("selectCmDeviceReturn")
                .orElseThrow(() -> new CucmParseException("selectCmDeviceResponse without selectCmDeviceReturn"));
        XmlNode result = ret.child("SelectCmDeviceResult")
                .orElseThrow(() -> new CucmParseException("selectCmDeviceReturn without SelectCmDeviceResult"));
        long total = integer("TotalDevicesFound", result.text("TotalDevicesFound", "0"));
        List<CmNode> nodes = new ArrayList<>();
        result.child("CmNodes").ifPresent(ns -> ns.children("item").forEach(n -> {
            List<CmDevice> devices = new ArrayList<>();
            n.child("CmDevices").ifPresent(ds -> ds.children("item").forEach(d -> devices.add(RisDeviceXml.read(d))));
            nodes.add(new CmNode(n.text("ReturnCode", "Ok"), n.text("Name", ""),
                    "true".equalsIgnoreCase(n.text("NoChange", "false")), devices));
        }));
        return new SelectResult(total, nodes, ret.text("StateInfo", ""));
    }

    static int integer(String field, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new CucmParseException(field + " \"" + text + "\" is not a number");
        }
    }

    static long longValue(String field, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new CucmParseException(field + " \"" + text + "\" is not a number");
        }
    }
}
