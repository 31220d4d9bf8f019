package io.phonectl.cli.xsi;

import io.phonectl.cli.console.Printable;
import io.phonectl.client.xsi.PushOutcome;
import io.phonectl.xsi.object.ResponseItem;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintWriter;
import java.util.Map;

/**
 * Prints push outcomes for people (one line, then one per Execute item); for machines the one JSON shape is the
 * client's ({@link io.phonectl.client.fleet.PhoneResult#toJson}).
 */
final class Outcomes {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private Outcomes() {
    }

    public static void print(PrintWriter out, String phone, PushOutcome o) {
        // the phone's words (detail, URL echo, Data) are printed escaped: they must not drive the terminal
        out.println(Printable.of(phone) + ": " + o.kind() + (o instanceof PushOutcome.Executed ? ""
                : ": " + Printable.of(o.detail())));
        if (o instanceof PushOutcome.Executed ex) {
            for (ResponseItem i : ex.items()) {
                // a pushed display object answers one item without a URL
                out.println("  " + (i.url() == null || i.url().isEmpty() ? "(display object)" : Printable.of(i.url()))
                        + " -> " + i.status() + " " + Printable.of(i.data()));
            }
        }
    }

    public static String pretty(Object node) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }

    /** {@code name: value} lines of a page's fields, names padded to one column. */
    public static void printFields(PrintWriter out, Map<String, String> fields) {
        int w = fields.keySet().stream().mapToInt(String::length).max().orElse(0);
        fields.forEach((k, v) -> out.println(Printable.of(k) + " ".repeat(Math.max(0, w - k.length())) + "  "
                + Printable.of(v)));
    }
}
