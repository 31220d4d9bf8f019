package io.phonectl.xsi.action;

import io.phonectl.xsi.Sources;
import io.phonectl.xsi.Violation;
import io.phonectl.xsi.XsiValidationException;
import io.phonectl.xsi.object.Execute;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One step of a macro, parsed from the spec's literal. A runner (client module) executes them in order:
 * {@link Push} sends an Execute with the URI, {@link WaitFor} checks the reply of the previous push,
 * {@link Poll} sends repeatedly until the following {@link Until} holds (the runner bounds the attempts).
 */
public sealed interface MacroStep {

    /** The text of the step exactly as the spec writes it. */
    String literal();

    /** Push one ExecuteItem. */
    record Push(String literal, String uri, int priority) implements MacroStep {
        public Push {
            Objects.requireNonNull(uri, "uri");
        }

        /** The CiscoIPPhoneExecute to POST for this step. */
        public Execute execute() {
            return Execute.builder().item(priority, uri).build();
        }
    }

    /** The reply to the previous push must satisfy the condition. */
    record WaitFor(String literal, MacroCondition condition) implements MacroStep {
    }

    /** Push this ExecuteItem repeatedly. */
    record Poll(String literal, String uri, int priority) implements MacroStep {
        public Poll {
            Objects.requireNonNull(uri, "uri");
        }

        /** The CiscoIPPhoneExecute to POST on every attempt. */
        public Execute execute() {
            return Execute.builder().item(priority, uri).build();
        }
    }

    /** Ends the preceding poll when a reply satisfies the condition. */
    record Until(String literal, MacroCondition condition) implements MacroStep {
    }

    Pattern URL = Pattern.compile("URL=\"([^\"]+)\"");
    Pattern PRIORITY = Pattern.compile("Priority=\"(\\d)\"");

    /** Parses {@code verb: literal} as the spec writes it; verbs push, wait_for, poll, until. */
    static MacroStep parse(String verb, String literal) {
        return switch (verb) {
            case "push" -> new Push(literal, url(literal), priority(literal));
            case "poll" -> new Poll(literal, url(literal), priority(literal));
            case "wait_for" -> new WaitFor(literal, MacroCondition.parse(literal));
            case "until" -> new Until(literal, MacroCondition.parse(literal));
            default -> throw new XsiValidationException(Violation.of("macro step", verb,
                    "one of push, wait_for, poll, until", Sources.CONTROL_SPEC));
        };
    }

    private static String url(String literal) {
        Matcher m = URL.matcher(literal);
        if (!m.find()) {
            throw new XsiValidationException(Violation.of("macro step", literal, "carries URL=\"...\"",
                    Sources.CONTROL_SPEC));
        }
        return m.group(1);
    }

    /** Priority 0 (execute immediately) is the spec's default when the step does not state one. */
    private static int priority(String literal) {
        Matcher m = PRIORITY.matcher(literal);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
