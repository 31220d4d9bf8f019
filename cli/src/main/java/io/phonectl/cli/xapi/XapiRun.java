package io.phonectl.cli.xapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line words as the xAPI types them. Exit codes are {@link io.phonectl.cli.exit.ExitCodes}' as for every
 * command: the device refused (an xAPI error such as -32602, 1 Command Error, -31999) or could not be reached: 1;
 * bad input (a malformed path, parameter, option): 2.
 */
final class XapiRun {

    private XapiRun() {
    }

    /** A command-line value as the xAPI types it: digits are integers, anything else a string. */
    static Object value(String text) {
        return text.matches("-?[0-9]{1,18}") ? (Object) Long.parseLong(text) : text;
    }

    /** {@code Key=value} parameters; a repeated key is multi-valued (ConnectorId=2 ConnectorId=3). */
    static Map<String, Object> params(List<String> assignments) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("parameter \"" + a + "\": expected Name=value");
            }
            String name = a.substring(0, eq);
            Object v = value(a.substring(eq + 1));
            out.merge(name, v, (old, add) -> {
                List<Object> list = old instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>(List.of(old));
                list.add(add);
                return list;
            });
        }
        return out;
    }
}
