package io.phonectl.sim.cucm;

import io.phonectl.cucm.CucmException;
import io.phonectl.cucm.ris.CmDevice;
import io.phonectl.cucm.ris.CmNode;
import io.phonectl.cucm.ris.CmSelectionCriteria;
import io.phonectl.cucm.ris.RisCodec;
import io.phonectl.cucm.ris.RisFaults;
import io.phonectl.cucm.ris.SelectCmDevice;
import io.phonectl.cucm.ris.SelectResult;
import io.phonectl.cucm.soap.Soap;
import io.phonectl.cucm.soap.SoapFault;
import io.phonectl.sim.net.Reply;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * RisPort70's selectCmDevice and selectCmDeviceExt: each CM node answers for the phones it has seen, so a phone
 * that moved between nodes appears on both with its own TimeStamp. At most MaxReturnedDevices items are returned
 * while TotalDevicesFound counts every match. The cluster-wide rate limit is checked before anything else.
 */
final class RisEndpoint {

    private final CucmDirectory directory;
    private final RateLimiter rate;

    RisEndpoint(CucmDirectory directory, RateLimiter rate) {
        this.directory = directory;
        this.rate = rate;
    }

    Reply handle(byte[] body) {
        if (!rate.tryAcquire()) {
            return AxlEndpoint.fault(RisFaults.rateExceeded(rate.perMinute()));
        }
        SelectCmDevice request;
        try {
            Soap.Message m = Soap.read(body, RisCodec.MAX_REQUEST_BYTES);
            if (m.isFault()) {
                return AxlEndpoint.fault(SoapFault.client("a request cannot be a Fault"));
            }
            request = RisCodec.decode(m.body());
        } catch (CucmException e) {
            return AxlEndpoint.fault(new SoapFault("soapenv:Server.userException", e.getMessage(), null, null));
        }
        return AxlEndpoint.ok(RisCodec.encode(select(request.criteria())));
    }

    SelectResult select(CmSelectionCriteria c) {
        Items items = new Items(c.selectItems());
        Map<String, List<CmDevice>> perNode = new LinkedHashMap<>();
        boolean nodeKnown = c.nodeName().isEmpty() || directory.nodes().contains(c.nodeName());
        for (String node : directory.nodes()) {
            if (c.nodeName().isEmpty() || c.nodeName().equals(node)) {
                perNode.put(node, new ArrayList<>());
            }
        }
        long found = 0;
        int returned = 0;
        for (CucmDirectory.Seen s : directory.seen()) {
            List<CmDevice> list = perNode.get(s.node());
            if (list == null || !matches(c, items, s)) {
                continue;
            }
            found++;
            if (returned < c.maxReturnedDevices()) {
                list.add(device(s));
                returned++;
            }
        }
        List<CmNode> nodes = new ArrayList<>();
        if (!nodeKnown) {
            nodes.add(new CmNode("InvalidNodeName", c.nodeName(), false, List.of()));
        }
        perNode.forEach((node, devices) -> nodes.add(new CmNode(devices.isEmpty() ? "NotFound" : "Ok", node, false,
                devices)));
        return new SelectResult(found, nodes, "");
    }

    /** Select items: exact ones looked up in a set (a batch of 1,000 names), wildcard ones matched one by one. */
    private static final class Items {
        final java.util.Set<String> exact = new java.util.HashSet<>();
        final List<Pattern> patterns = new ArrayList<>();

        Items(List<String> items) {
            for (String i : items) {
                if (i.indexOf('*') >= 0) {
                    patterns.add(Wildcards.ris(i));
                } else {
                    exact.add(i.toUpperCase(java.util.Locale.ROOT));
                }
            }
        }

        boolean isEmpty() {
            return exact.isEmpty() && patterns.isEmpty();
        }

        boolean match(String key) {
            return exact.contains(key.toUpperCase(java.util.Locale.ROOT))
                    || patterns.stream().anyMatch(p -> p.matcher(key).matches());
        }
    }

    private static boolean matches(CmSelectionCriteria c, Items items, CucmDirectory.Seen s) {
        if (!c.deviceClass().equals("Any") && !c.deviceClass().equals("Phone")) {
            return false;
        }
        if (c.model() != CmSelectionCriteria.ANY_MODEL && c.model() != s.model().enumValue()) {
            return false;
        }
        if (!c.status().equals("Any") && !c.status().equals(s.state().status())) {
            return false;
        }
        if (!c.protocol().equals("Any") && !c.protocol().equalsIgnoreCase(s.protocol())) {
            return false;
        }
        if (items.isEmpty()) {
            return false;
        }
        String key = switch (c.selectBy()) {
            case "Name" -> s.name();
            case "IPV4Address" -> s.state().ip();
            case "DirNumber" -> s.dn();
            case "Description" -> s.description();
            default -> null; // IPV6Address: the simulated phones have IPv4 addresses only
        };
        return key != null && items.match(key);
    }

    private static CmDevice device(CucmDirectory.Seen s) {
        String status = s.state().status();
        return new CmDevice(s.name(), s.dn() == null ? null : s.dn() + "-" + status, "Phone", s.model().enumValue(),
                s.webAccess() ? "Yes" : "No", status, s.state().reason(), s.description(),
                s.state().timeStamp(), s.protocol(), s.activeLoad(), List.of(s.state().ip()));
    }
}
