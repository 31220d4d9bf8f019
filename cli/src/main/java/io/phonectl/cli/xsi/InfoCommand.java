package io.phonectl.cli.xsi;

import io.phonectl.cli.console.Io;
import io.phonectl.cli.exit.ExitCode;
import io.phonectl.client.xsi.DevicePage;
import io.phonectl.client.xsi.QueryResult;
import io.phonectl.client.xsi.XsiClient;
import io.phonectl.client.xsi.XsiTransport;
import io.phonectl.xsi.device.DeviceInformation;
import io.phonectl.xsi.device.DeviceLog;
import io.phonectl.xsi.device.EthernetInformation;
import io.phonectl.xsi.device.NetworkConfiguration;
import io.phonectl.xsi.device.PortInformation;
import io.phonectl.xsi.device.StreamingStatistics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code phonectl xsi info <device|network|ethernet|port N|log N|streaming N> --phone … [--json]}. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Read a device-information page (the XML form) and print its fields: device, network, ethernet, "
                + "port N (1-3), log N (0-2), streaming N (1-3). The pages need no credentials.",
                "Exit 0 when read, 1 when the phone did not answer with the page, 2 for bad input."})
public final class InfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PhoneTarget target;

    @Parameters(index = "0", paramLabel = "PAGE", description = "device, network, ethernet, port, log or streaming.")
    String page;

    @Parameters(index = "1", arity = "0..1", paramLabel = "N", description = "Port, log or stream index.")
    Integer index;

    @Option(names = "--json", description = "Print the fields as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        DevicePage<?> p = DevicePage.named(page);
        if (!p.indexed() && index != null) {
            throw new IllegalArgumentException("page " + p.name() + " takes no index (got " + index + ")");
        }
        int n = index != null ? index : p.firstIndex();
        try (XsiTransport transport = target.transport()) {
            XsiClient client = target.anonymous(transport);
            QueryResult<?> result = client.page(p, n);
            if (result instanceof QueryResult.Failed<?> f) {
                Io.out(spec).println(client.phone() + ": " + f.outcome().kind() + ": " + f.outcome().detail());
                return ExitCode.SOME_FAILED;
            }
            Map<String, String> fields = fields(((QueryResult.Ok<?>) result).value());
            if (json) {
                ObjectNode root = Outcomes.JSON.createObjectNode();
                root.put("phone", client.phone().toString());
                root.put("page", p.pathAndQuery(n));
                ObjectNode f = root.putObject("fields");
                fields.forEach(f::put);
                Io.out(spec).println(Outcomes.pretty(root));
            } else {
                Outcomes.printFields(Io.out(spec), fields);
            }
            return ExitCode.OK;
        }
    }

    /** The page's fields in the phone's order; a device log's entries numbered from 1. */
    static Map<String, String> fields(Object page) {
        return switch (page) {
            case DeviceInformation d -> d.fields();
            case NetworkConfiguration nc -> nc.fields();
            case EthernetInformation e -> e.fields();
            case PortInformation pi -> pi.fields();
            case StreamingStatistics s -> s.fields();
            case DeviceLog log -> {
                Map<String, String> m = new LinkedHashMap<>();
                for (int i = 0; i < log.entries().size(); i++) {
                    m.put(String.valueOf(i + 1), log.entries().get(i));
                }
                yield m;
            }
            default -> throw new IllegalStateException("unknown page type " + page.getClass().getSimpleName());
        };
    }
}
