package io.phonectl.cli.ops;

import io.phonectl.cli.Main;
import io.phonectl.client.fleet.FleetAction;
import io.phonectl.client.xsi.PushOutcome;
import io.phonectl.client.xsi.XsiClient;
import io.phonectl.client.xsi.XsiTransport;
import io.phonectl.xsi.validate.ValidationReport;
import io.phonectl.xsi.validate.XsiValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code phonectl xsi push --phone HOST[:PORT] <uri…|file.xml|action-id name=value…>}. */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = {"Push to one phone's /CGI/Execute: one to three URIs, a file.xml, or an action id with name=value "
                + "parameters; prints the typed outcome (per-item Status/Data, phone errors, auth failures, refused, "
                + "timed out).",
                "Exit 0 when the phone accepted it, 1 when it did not, 2 for bad input."})
public final class PushCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PhoneTarget target;

    @Option(names = "--model", paramLabel = "MODEL",
            description = "Check the payload against this model in the catalog first; unsupported or invalid: exit 2.")
    String model;

    @Option(names = "--json", description = "Print the outcome as JSON.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "WHAT", description = "URIs, a file.xml, or an action id and name=value.")
    List<String> what;

    @Override
    public Integer call() {
        return Ops.guard(spec, () -> {
            FleetAction action = Payload.parse(what);
            if (model != null) {
                ValidationReport report = XsiValidator.standard().validate(action.document(), model);
                if (!report.ok()) {
                    return Ops.fail(spec, report.oneLine());
                }
            }
            return pushOne(spec, target, action, json);
        });
    }

    /** Pushes to the target phone and prints the outcome; exit 0 when the phone accepted it, else 1. */
    static int pushOne(CommandSpec spec, PhoneTarget target, FleetAction action, boolean json) {
        try (XsiTransport transport = target.transport()) {
            XsiClient client = target.client(transport);
            PushOutcome outcome = client.push(action.xml(), target.timeout());
            if (json) {
                Ops.out(spec).println(Outcomes.pretty(Outcomes.json(client.phone().toString(), outcome)));
            } else {
                Outcomes.print(Ops.out(spec), client.phone().toString(), outcome);
            }
            return outcome.succeeded() ? Main.EXIT_OK : Main.EXIT_SOME_FAILED;
        }
    }
}
