package io.phonectl.cli.xsi;

import io.phonectl.cli.console.Io;
import io.phonectl.cli.exit.ExitCode;
import io.phonectl.client.xsi.QueryResult;
import io.phonectl.client.xsi.XsiClient;
import io.phonectl.client.xsi.XsiTransport;
import io.phonectl.xsi.component.GetDeviceCapsResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code phonectl xsi caps --phone …}: getDeviceCaps. */
@Command(name = "caps", mixinStandardHelpOptions = true,
        description = "Ask the phone for its capabilities (getDeviceCaps): model, display, SDK version, browser.")
public final class CapsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PhoneTarget target;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (XsiTransport transport = target.transport()) {
            XsiClient client = target.client(transport);
            QueryResult<GetDeviceCapsResponse> caps = client.deviceCaps();
            if (caps instanceof QueryResult.Failed<GetDeviceCapsResponse> f) {
                Io.out(spec).println(client.phone() + ": " + f.outcome().kind() + ": " + f.outcome().detail());
                return ExitCode.SOME_FAILED;
            }
            GetDeviceCapsResponse c = caps.orElseThrow();
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("modelNumber", c.modelNumber());
            if (c.display() != null) {
                fields.put("display", c.display().width() + "x" + c.display().height() + ", "
                        + c.display().bitDepth() + " bit, " + (c.display().isColor() ? "colour" : "greyscale"));
            }
            if (c.sdkVersion() != null) {
                fields.put("sdkVersion", c.sdkVersion());
            }
            if (c.browser() != null) {
                fields.put("browser", c.browser());
            }
            if (json) {
                ObjectNode root = Outcomes.JSON.createObjectNode();
                root.put("phone", client.phone().toString());
                fields.forEach(root::put);
                Io.out(spec).println(Outcomes.pretty(root));
            } else {
                Outcomes.printFields(Io.out(spec), fields);
            }
            return ExitCode.OK;
        }
    }
}
