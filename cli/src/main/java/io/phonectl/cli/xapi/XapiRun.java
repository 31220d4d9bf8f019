package io.phonectl.cli.xapi;

import io.phonectl.cli.Main;
import io.phonectl.cli.ops.Ops;
import io.phonectl.client.xapi.XapiClientException;
import io.phonectl.xapi.XapiRpcException;
import io.phonectl.xapi.XapiException;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Exit codes of the xAPI commands: the device refused (an xAPI error such as -32602, 1 Command Error, -31999) or could
 * not be reached: 1; bad input (a malformed path, parameter, option): 2, as for the XSI commands.
 */
final class XapiRun {

    private XapiRun() {
    }

    static int guard(CommandSpec spec, Callable<Integer> body) {
        return Ops.guard(spec, () -> {
            try {
                return body.call();
            } catch (XapiRpcException e) {
                Ops.err(spec).println("phonectl: the device answered error " + e.code() + ": " + e.getMessage()
                        + e.deviceCause().stream().mapToObj(c -> " (Cause " + c + ")").findFirst().orElse(""));
                return Main.EXIT_SOME_FAILED;
            } catch (XapiClientException.Config e) {
                return Ops.fail(spec, e.getMessage());
            } catch (XapiClientException e) {
                Ops.err(spec).println("phonectl: " + e.getMessage());
                return Main.EXIT_SOME_FAILED;
            } catch (XapiException e) {
                return Ops.fail(spec, e.getMessage());
            }
        });
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
