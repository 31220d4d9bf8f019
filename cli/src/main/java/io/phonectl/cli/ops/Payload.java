package io.phonectl.cli.ops;

import io.phonectl.cli.xsi.Assignments;
import io.phonectl.client.fleet.FleetAction;
import io.phonectl.xsi.Violation;
import io.phonectl.xsi.XsiValidationException;
import io.phonectl.xsi.action.ActionCatalog;
import io.phonectl.xsi.action.ActionSpec;
import io.phonectl.xsi.action.Outgoing;
import io.phonectl.xsi.object.Execute;
import io.phonectl.xsi.validate.ValidationReport;
import io.phonectl.xsi.validate.XsiValidator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code xsi push} and {@code xsi broadcast} send, from their positional arguments:
 * <ul>
 *   <li>{@code file.xml}: the document in the file, read leniently so the pre-flight check can judge it;</li>
 *   <li>{@code <action-id> [name=value…]}: the control spec's action, built by the action catalog;</li>
 *   <li>otherwise one to three URIs (internal URIs, at most one HTTP URL) in a CiscoIPPhoneExecute.</li>
 * </ul>
 */
public final class Payload {

    static final String SOURCE = "phonectl command line";

    private Payload() {
    }

    /** The action, checked against the model-independent rules (per-model support is the pre-flight's job). */
    public static FleetAction parse(List<String> args) {
        FleetAction a = read(args);
        ValidationReport report = XsiValidator.standard().validate(a.document(), (String) null);
        if (!report.violations().isEmpty()) {
            throw new XsiValidationException(report.violations());
        }
        return a;
    }

    private static FleetAction read(List<String> args) {
        if (args.isEmpty()) {
            throw new XsiValidationException(Violation.of("payload", "", "give a URI, a file.xml or an action id",
                    SOURCE));
        }
        String first = args.getFirst();
        if (first.toLowerCase(Locale.ROOT).endsWith(".xml")) {
            return file(first, args);
        }
        Optional<ActionSpec> action = ActionCatalog.standard().action(first);
        if (action.isPresent()) {
            return action(action.get(), args.subList(1, args.size()));
        }
        return FleetAction.of(String.join(" ", args), Execute.of(args.toArray(String[]::new)));
    }

    private static FleetAction file(String name, List<String> args) {
        if (args.size() > 1) {
            throw new XsiValidationException(Violation.of("payload", String.join(" ", args),
                    "a file.xml is pushed alone", SOURCE));
        }
        Path p = Path.of(name);
        String xml;
        try {
            xml = Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new XsiValidationException(Violation.of("file", name, "readable UTF-8 file ("
                    + e.getClass().getSimpleName() + ")", SOURCE));
        }
        FleetAction a = FleetAction.ofXml(p.getFileName().toString(), xml);
        if (a.document() == null) {
            throw new XsiValidationException(Violation.of("file", name, "an XSI document: " + a.problem(), SOURCE));
        }
        return a;
    }

    private static FleetAction action(ActionSpec spec, List<String> assignments) {
        Map<String, String> params = Assignments.parse(assignments);
        Outgoing out = ActionCatalog.standard().build(spec.id(), params);
        String label = spec.id() + (params.isEmpty() ? "" : " " + String.join(" ", assignments));
        return switch (out) {
            case Outgoing.DocumentPush d -> FleetAction.of(label, d.document());
            case Outgoing.UriPush u -> FleetAction.of(label, u.execute());
            case Outgoing.UriReference r -> throw new XsiValidationException(Violation.of("action", spec.id(),
                    "pushable: " + r.uri().format() + " is placed inside other objects, not pushed", SOURCE));
            case Outgoing.HttpGet g -> throw new XsiValidationException(Violation.of("action", spec.id(),
                    "pushable: it is a query (" + g.requestLine() + "); use phonectl xsi info or screenshot", SOURCE));
        };
    }
}
