package io.phonectl.cli.xsi;

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
        out.println(phone + ": " + o.kind() + (o instanceof PushOutcome.Executed ? "" : ": " + o.detail()));
        if (o instanceof PushOutcome.Executed ex) {
            for (ResponseItem i : ex.items()) {
                // a pushed display object answers one item without a URL
                out.println("  " + (i.url() == null || i.url().isEmpty() ? "(display object)" : i.url()) + " -> " + i.status() + " " + i.data());
            }
        }
    }

    public static String pretty(Object node) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }

    /** {@code name: value} lines of a page's fields, names padded to one column. */
    public static void printFields(PrintWriter out, Map<String, String> fields) {
        int w = fields.keySet().stream().mapToInt(String::length).max().orElse(0);
        fields.forEach((k, v) -> out.println(k + " ".repeat(w - k.length()) + "  " + v));
    }
}
