package io.phonectl.client.xsi;

import io.phonectl.xsi.device.DeviceInformation;
import io.phonectl.xsi.device.DeviceLog;
import io.phonectl.xsi.device.EthernetInformation;
import io.phonectl.xsi.device.NetworkConfiguration;
import io.phonectl.xsi.device.PortInformation;
import io.phonectl.xsi.device.StreamingStatistics;

import java.util.Locale;
import java.util.function.Function;

/**
 * The device-information pages, their XML paths and the tolerant readers of {@code io.phonectl.xsi.device}.
 * Indexed pages take {@code ?n}: Port 1-3, Log 0-2, Streaming 1-3 (phones answer 404 past the last one).
 */
public record DevicePage<T>(String name, String path, boolean indexed, int firstIndex, Function<byte[], T> reader) {

    public static final DevicePage<DeviceInformation> DEVICE =
            new DevicePage<>("device", "/DeviceInformationX", false, 0, DeviceInformation::parse);
    public static final DevicePage<NetworkConfiguration> NETWORK =
            new DevicePage<>("network", "/NetworkConfigurationX", false, 0, NetworkConfiguration::parse);
    public static final DevicePage<EthernetInformation> ETHERNET =
            new DevicePage<>("ethernet", "/EthernetInformationX", false, 0, EthernetInformation::parse);
    public static final DevicePage<PortInformation> PORT =
            new DevicePage<>("port", "/PortInformationX", true, 1, PortInformation::parse);
    public static final DevicePage<DeviceLog> LOG =
            new DevicePage<>("log", "/DeviceLogX", true, 0, DeviceLog::parse);
    public static final DevicePage<StreamingStatistics> STREAMING =
            new DevicePage<>("streaming", "/StreamingStatisticsX", true, 1, StreamingStatistics::parse);

    /** The path and query for index n (ignored for pages without an index). */
    public String pathAndQuery(int n) {
        return indexed ? path + "?" + n : path;
    }

    /** By name as the command line says it: device, network, ethernet, port, log, streaming. */
    public static DevicePage<?> named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "device" -> DEVICE;
            case "network" -> NETWORK;
            case "ethernet" -> ETHERNET;
            case "port" -> PORT;
            case "log" -> LOG;
            case "streaming" -> STREAMING;
            default -> throw new IllegalArgumentException("device page \"" + name
                    + "\": expected device, network, ethernet, port, log or streaming");
        };
    }
}
