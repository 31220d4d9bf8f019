package io.phonectl.cli.xsi;

import io.phonectl.cli.console.Io;
import io.phonectl.cli.exit.ExitCode;
import io.phonectl.client.fleet.PhoneResult;
import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.client.xsi.PushOutcome;
import io.phonectl.client.xsi.XsiClient;
import io.phonectl.client.xsi.XsiTransport;
import io.phonectl.xsi.model.ModelCatalog;
import io.phonectl.xsi.push.XsiPush;
import io.phonectl.xsi.validate.ValidationReport;
import io.phonectl.xsi.validate.XsiValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** {@code phonectl xsi push --phone HOST[:PORT] <uri…|file.xml|action-id name=value…>}. */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = {"Push to one phone's /CGI/Execute: one to three URIs, a file.xml, or an action id with name=value "
                + "parameters; prints the typed outcome (per-item Status/Data, phone errors, auth failures, refused, "
                + "timed out).",
                "With --model, the push is checked against the model catalog first and sent in the model's wire form "
                + "(its key spellings).",
                "Exit 0 when the phone accepted it, 1 when it did not, 2 for bad input, 3 for an internal error."})
public final class PushCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PhoneTarget target;

    @Option(names = "--model", paramLabel = "MODEL",
            description = "Check the payload against this model in the catalog first; unsupported or invalid: exit 2.")
    String model;

    @Option(names = "--json", description = "Print the outcome as JSON (the shape of each phone in a broadcast report).")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "WHAT", description = "URIs, a file.xml, or an action id and name=value.")
    List<String> what;

    @Override
    public Integer call() {
        XsiPush push = Payload.parse(what);
        if (model != null) {
            ValidationReport report = XsiValidator.standard().validate(push, model);
            if (!report.ok()) {
                throw new ParameterException(spec.commandLine(), report.oneLine());
            }
            push = push.forModel(ModelCatalog.standard().model(model));
        }
        return pushOne(spec, target, push, model, json);
    }

    /** Pushes to the target phone and prints the outcome; exit 0 when the phone accepted it, else 1. */
    static int pushOne(CommandSpec spec, PhoneTarget target, XsiPush push, String model, boolean json) {
        try (XsiTransport transport = target.transport()) {
            XsiClient client = target.client(transport);
            long started = System.nanoTime();
            PushOutcome outcome = client.push(push, target.timeout());
            if (json) {
                PhoneEntry phone = new PhoneEntry(client.phone().toString(), client.phone(), model, null, null);
                PhoneResult result = new PhoneResult(phone, outcome, 1,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                Io.out(spec).println(Outcomes.pretty(result.toJson()));
            } else {
                Outcomes.print(Io.out(spec), client.phone().toString(), outcome);
            }
            return outcome.succeeded() ? ExitCode.OK : ExitCode.SOME_FAILED;
        }
    }
}
