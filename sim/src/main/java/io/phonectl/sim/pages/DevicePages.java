package io.phonectl.sim.pages;

import io.phonectl.sim.net.Reply;
import io.phonectl.sim.phone.SimPhone;
import io.phonectl.xsi.device.DeviceInformation;
import io.phonectl.xsi.device.DeviceLog;
import io.phonectl.xsi.device.EthernetInformation;
import io.phonectl.xsi.device.NetworkConfiguration;
import io.phonectl.xsi.device.PortInformation;
import io.phonectl.xsi.device.StreamingStatistics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The device-information pages of one phone, HTML and X (XML) forms, with live values; 404 past the last
 * index so pollers that loop {@code ?1,?2,…} stop (reference notes §2.5). No authentication, as on phones.
 */
public final class DevicePages {

    /** Supplies the phone's stream slots; the RTP layer plugs in here (index 1-based). */
    public interface Streams {
        Optional<StreamingStatistics> stream(SimPhone phone, int index);

        Streams NONE = (phone, index) -> Optional.empty();
    }

    private final Streams streams;

    public DevicePages(Streams streams) {
        this.streams = streams;
    }

    /** The page for {@code path}, or empty when the path is not a device page. */
    public Optional<Reply> page(SimPhone phone, String path, String query) {
        boolean xml = path.endsWith("X");
        String base = xml ? path.substring(0, path.length() - 1) : path;
        return switch (base) {
            case "/DeviceInformation" -> Optional.of(render(xml, info(phone).toXml(), info(phone).toHtml()));
            case "/NetworkConfiguration" -> Optional.of(render(xml, network(phone).toXml(), network(phone).toHtml()));
            case "/EthernetInformation" -> Optional.of(render(xml, ethernet(phone).toXml(), ethernet(phone).toHtml()));
            case "/PortInformation" -> Optional.of(indexed(query, 1, phone.model().catalog().ports())
                    .map(n -> render(xml, port(phone, n).toXml(), port(phone, n).toHtml())).orElseGet(Reply::notFound));
            case "/DeviceLog" -> Optional.of(indexed(query, 0, DeviceLog.MAX_INDEX)
                    .map(n -> render(xml, log(phone, n).toXml(), log(phone, n).toHtml())).orElseGet(Reply::notFound));
            case "/StreamingStatistics" -> Optional.of(indexed(query, 1, phone.model().catalog().streams())
                    .map(n -> stream(phone, n)).map(s -> render(xml, s.toXml(), s.toHtml())).orElseGet(Reply::notFound));
            default -> Optional.empty();
        };
    }

    public static DeviceInformation info(SimPhone p) {
        String load = "sim-" + p.model().catalog().family().id() + "." + p.model().sdkVersion()
                + (p.model().multiplatform() ? "MPP" : "");
        return new DeviceInformation(p.mac(), p.name(), p.line(), load, "boot-" + p.model().catalog().family().id(), load, "1",
                String.format("FCH%08d", p.index() + 1), p.model().headerName(), "G.711u", "No", Map.of());
    }

    public static NetworkConfiguration network(SimPhone p) {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("MACAddress", p.mac());
        extra.put("DHCPEnabled", "No");
        return new NetworkConfiguration(p.name(), p.address().getAddress().getHostAddress(), "255.0.0.0",
                "127.0.0.1", "sim.phonectl.test", "127.0.0.1", "", p.device().settings().getOrDefault("TFTPServer1", ""),
                "cucm-sim", extra);
    }

    public static EthernetInformation ethernet(SimPhone p) {
        Map<String, Long> c = new LinkedHashMap<>();
        c.put("RxFrames", p.device().rxFrames());
        c.put("TxFrames", p.device().txFrames());
        return new EthernetInformation(c, Map.of());
    }

    static PortInformation port(SimPhone p, int n) {
        return n == 1
                ? new PortInformation("100 Mbps Full", "sim-switch", "127.0.0.1", "Gi1/0/" + (p.index() % 48 + 1),
                "sim-switch", "127.0.0.1", "Gi1/0/" + (p.index() % 48 + 1), Map.of())
                : new PortInformation(n == 2 ? "Down" : "Disabled", "", "", "", "", "", "", Map.of());
    }

    /** Log 0 is the current log; 1 and 2 are the earlier ones, empty on a simulated phone. */
    static DeviceLog log(SimPhone p, int n) {
        return new DeviceLog(n == 0 ? p.history().deviceLog() : List.of());
    }

    StreamingStatistics stream(SimPhone p, int n) {
        return streams.stream(p, n).orElseGet(() -> StreamingStatistics.idle("Stream " + n));
    }

    private static Reply render(boolean xml, String xmlText, String htmlText) {
        return xml ? Reply.xml(200, xmlText) : Reply.html(200, htmlText);
    }

    /** {@code ?n} (also {@code ?n=…} forms some pollers send) within [min, max], else empty → 404. */
    static Optional<Integer> indexed(String query, int min, int max) {
        if (query == null || query.isEmpty()) {
            return Optional.of(min == 0 ? 0 : 1);
        }
        String digits = query.contains("=") ? query.substring(query.indexOf('=') + 1) : query;
        if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        int n = Integer.parseInt(digits);
        return n < min || n > max ? Optional.empty() : Optional.of(n);
    }
}
