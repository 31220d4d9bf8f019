package io.phonectl.cli.xsi;

import io.phonectl.xsi.Violation;
import io.phonectl.xsi.XsiValidationException;
import io.phonectl.xsi.action.ActionCatalog;
import io.phonectl.xsi.action.ActionSpec;
import io.phonectl.xsi.object.Execute;
import io.phonectl.xsi.push.XsiPush;
import io.phonectl.xsi.validate.ValidationReport;
import io.phonectl.xsi.validate.XsiValidator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code xsi push} and {@code xsi broadcast} send, from their positional arguments, as one {@link XsiPush}
 * built once (encoded, size-checked, Execute URIs parsed) and used as it is by every phone after:
 * <ul>
 *   <li>{@code file.xml}: the document in the file, read leniently so validation can judge it, sent as written;</li>
 *   <li>{@code <action-id> [name=value…]}: the control spec's action, built by the action catalog;</li>
 *   <li>otherwise one to three URIs (internal URIs, at most one HTTP URL) in a CiscoIPPhoneExecute.</li>
 * </ul>
 * What is not a push (a URI that lives inside other objects, a query, a phone's answer) is refused by
 * {@link XsiPush}'s one rule.
 */
public final class Payload {

    static final String SOURCE = "phonectl command line";

    private Payload() {
    }

    /** The push, checked against the model-independent rules (per-model support is the pre-flight's job). */
    public static XsiPush parse(List<String> args) {
        XsiPush push = read(args);
        ValidationReport report = XsiValidator.standard().validate(push, (String) null);
        if (!report.violations().isEmpty()) {
            throw new XsiValidationException(report.violations());
        }
        return push;
    }

    private static XsiPush read(List<String> args) {
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
            Map<String, String> params = Assignments.parse(args.subList(1, args.size()));
            return XsiPush.of(String.join(" ", args), ActionCatalog.standard().build(action.get().id(), params));
        }
        return XsiPush.of(String.join(" ", args), Execute.of(args.toArray(String[]::new)));
    }

    private static XsiPush file(String name, List<String> args) {
        if (args.size() > 1) {
            throw new XsiValidationException(Violation.of("payload", String.join(" ", args),
                    "a file.xml is pushed alone", SOURCE));
        }
        Path p = Path.of(name);
        byte[] xml;
        try {
            xml = Files.readAllBytes(p);
        } catch (IOException e) {
            throw new XsiValidationException(Violation.of("file", name, "a readable file ("
                    + e.getClass().getSimpleName() + ")", SOURCE));
        }
        return XsiPush.ofXml(p.getFileName().toString(), xml);
    }
}
