package io.phonectl.cli.xsi;

import io.phonectl.xsi.Violation;
import io.phonectl.xsi.XsiValidationException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code name=value} command-line arguments; the value may itself contain '='. */
public final class Assignments {

    private static final String SOURCE = "phonectl command line";

    private Assignments() {
    }

    public static Map<String, String> parse(List<String> args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new XsiValidationException(Violation.of("parameter", a, "name=value", SOURCE));
            }
            String name = a.substring(0, eq);
            if (out.put(name, a.substring(eq + 1)) != null) {
                throw new XsiValidationException(Violation.of(name, a, "given once", SOURCE));
            }
        }
        return out;
    }
}
