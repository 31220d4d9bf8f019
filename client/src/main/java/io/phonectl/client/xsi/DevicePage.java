package io.phonectl.client.xsi;

import io.phonectl.xsi.device.CallLineInfo;
import io.phonectl.xsi.device.DeviceInformation;
import io.phonectl.xsi.device.DeviceLog;
import io.phonectl.xsi.device.EthernetInformation;
import io.phonectl.xsi.device.LineInfo;
import io.phonectl.xsi.device.ModeInfo;
import io.phonectl.xsi.device.NetworkConfiguration;
import io.phonectl.xsi.device.PortInformation;
import io.phonectl.xsi.device.SettingsInfo;
import io.phonectl.xsi.device.StreamingStatistics;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The device-information pages and the CGI info pages, their XML paths, the root element that makes an answer the
 * page (anything else, an HTML page above all, is refused before a field is read) and the tolerant readers of
 * {@code io.phonectl.xsi.device}. Indexed pages take {@code ?n}: Port 1-3, Log 0-2, Streaming 1-3 (phones answer 404
 * past the last one). The CGI pages are password-protected on the phones ({@link #needsCredentials()}).
 *
 * @param root     the expected root element, for messages
 * @param rootTest whether a root element is the page's (names compared ignoring case)
 */
public record DevicePage<T>(String name, String path, boolean indexed, int firstIndex, boolean needsCredentials,
                            String root, Predicate<String> rootTest, Function<byte[], T> reader) {

    public static final DevicePage<DeviceInformation> DEVICE =
            open("device", "/DeviceInformationX", false, 0, DeviceInformation.ROOT, DeviceInformation::parse);
    public static final DevicePage<NetworkConfiguration> NETWORK =
            open("network", "/NetworkConfigurationX", false, 0, NetworkConfiguration.ROOT, NetworkConfiguration::parse);
    public static final DevicePage<EthernetInformation> ETHERNET =
            open("ethernet", "/EthernetInformationX", false, 0, EthernetInformation.ROOT, EthernetInformation::parse);
    public static final DevicePage<PortInformation> PORT =
            open("port", "/PortInformationX", true, 1, PortInformation.ROOT, PortInformation::parse);
    public static final DevicePage<DeviceLog> LOG =
            open("log", "/DeviceLogX", true, 0, DeviceLog.ROOT, DeviceLog::parse);
    public static final DevicePage<StreamingStatistics> STREAMING =
            open("streaming", "/StreamingStatisticsX", true, 1, StreamingStatistics.ROOT, StreamingStatistics::parse);
    public static final DevicePage<CallLineInfo> CALL =
            cgi("call", CallLineInfo.PATH, CallLineInfo.ROOT, CallLineInfo.ROOT::equalsIgnoreCase, CallLineInfo::parse);
    public static final DevicePage<LineInfo> LINE =
            cgi("line", LineInfo.PATH, LineInfo.ROOT, LineInfo.ROOT::equalsIgnoreCase, LineInfo::parse);
    public static final DevicePage<SettingsInfo> SETTINGS =
            cgi("settings", SettingsInfo.PATH, SettingsInfo.ROOT, SettingsInfo::isRoot, SettingsInfo::parse);
    public static final DevicePage<ModeInfo> MODE =
            cgi("mode", ModeInfo.PATH, ModeInfo.ROOT, ModeInfo.ROOT::equalsIgnoreCase, ModeInfo::parse);

    /** Every page, in the order the command line lists them. */
    public static final List<DevicePage<?>> ALL = List.of(DEVICE, NETWORK, ETHERNET, PORT, LOG, STREAMING, CALL, LINE,
            SETTINGS, MODE);

    private static <T> DevicePage<T> open(String name, String path, boolean indexed, int first, String root,
                                          Function<byte[], T> reader) {
        return new DevicePage<>(name, path, indexed, first, false, root, root::equalsIgnoreCase, reader);
    }

    private static <T> DevicePage<T> cgi(String name, String path, String root, Predicate<String> rootTest,
                                         Function<byte[], T> reader) {
        return new DevicePage<>(name, path, false, 0, true, root, rootTest, reader);
    }

    /** The path and query for index n (ignored for pages without an index). */
    public String pathAndQuery(int n) {
        return indexed ? path + "?" + n : path;
    }

    /** By name as the command line says it: device, network, ethernet, port, log, streaming, call, line, settings, mode. */
    public static DevicePage<?> named(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return ALL.stream().filter(p -> p.name.equals(wanted)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("device page \"" + name + "\": expected one of "
                        + String.join(", ", ALL.stream().map(DevicePage::name).toList())));
    }

    @Override
    public String toString() {
        return "DevicePage[" + name + " " + path + "]";
    }
}
