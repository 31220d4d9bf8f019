package io.phonectl.cli.xsi;

import io.phonectl.cli.console.Io;
import io.phonectl.cli.exit.ExitCode;
import io.phonectl.xsi.action.ActionCatalog;
import io.phonectl.xsi.action.Outgoing;
import io.phonectl.xsi.codec.XsiCodec;
import io.phonectl.xsi.validate.ValidationReport;
import io.phonectl.xsi.validate.XsiValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code phonectl xsi build <action-id> [name=value ...]}: prints exactly what the action would send. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Print exactly what an action sends: the XML body (URIs inside a CiscoIPPhoneExecute), the "
                + "request line of a query, or the URI itself for URIs that are placed inside other objects "
                + "(Notify, SoftKey, Resource, QueryStringParam).",
                "Invalid parameters or a model that lacks the feature: one line on stderr, exit code 2."})
final class BuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<action-id>", description = "An id from `phonectl xsi actions`.")
    String actionId;

    @Parameters(index = "1..*", paramLabel = "name=value", description = "Parameters, named as the spec names them.")
    List<String> assignments = List.of();

    @Option(names = "--model", paramLabel = "MODEL", description = "Check support on this model, e.g. CP-8845.")
    String model;

    @Option(names = "--example", description = "Start from the action's example parameters (given ones override).")
    boolean example;

    @Override
    public Integer call() {
        Map<String, String> params = new LinkedHashMap<>();
        if (example) {
            params.putAll(ActionCatalog.standard().require(actionId).exampleParams());
        }
        params.putAll(Assignments.parse(assignments));
        Outgoing out = ActionCatalog.standard().build(actionId, params);
        // without a model this still applies the model-independent Execute-content and size rules
        ValidationReport report = XsiValidator.standard().validate(out, model);
        if (!report.ok()) {
            throw new ParameterException(spec.commandLine(), report.oneLine());
        }
        Io.out(spec).println(render(out));
        return ExitCode.OK;
    }

    static String render(Outgoing out) {
        return switch (out) {
            case Outgoing.DocumentPush d -> new String(XsiCodec.encode(d.document()), StandardCharsets.UTF_8);
            case Outgoing.UriPush u -> new String(XsiCodec.encode(u.execute()), StandardCharsets.UTF_8);
            case Outgoing.UriReference u -> u.uri().format();
            case Outgoing.HttpGet g -> g.requestLine();
        };
    }
}
