package io.phonectl.xapi.terminal;

import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.tree.Branch;
import io.phonectl.xapi.tree.Instances;
import io.phonectl.xapi.tree.Leaf;
import io.phonectl.xapi.tree.Node;
import io.phonectl.xapi.tree.Trees;

import java.util.Map;

/**
 * Renders answers in terminal text mode exactly as the guide prints them: {@code *s}/{@code *c}/{@code *e}
 * records, {@code *r} command results, {@code ** resultId: "…"} for tagged requests, {@code ** end}, and the
 * {@code OK}/{@code ERROR} line (after {@code ** end} and a blank line for reads and sets, before the result for
 * commands, as in the guide). Lines end with {@code \n}.
 */
public final class TerminalText {

    public static final String END = "** end\n";

    private TerminalText() {
    }

    /** The records of a tree rooted at the documents: Status as {@code *s}, Configuration {@code *c}, Event {@code *e}. */
    public static String records(Branch rooted) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Node> doc : rooted.children().entrySet()) {
            String prefix = switch (doc.getKey().toLowerCase(java.util.Locale.ROOT)) {
                case "status" -> "*s";
                case "configuration" -> "*c xConfiguration";
                case "event" -> "*e";
                default -> "*s " + doc.getKey();
            };
            lines(b, prefix, doc.getValue());
        }
        return b.toString();
    }

    /** Records for the node at a canonical path (an xGet answer). */
    public static String records(XPath canonicalPath, Node node) {
        return records(Trees.set(Branch.EMPTY, canonicalPath, node).tree());
    }

    private static void lines(StringBuilder b, String prefix, Node node) {
        switch (node) {
            case Leaf leaf -> b.append(prefix).append(": ").append(Tokens.value(leaf)).append('\n');
            case Branch branch -> branch.children().forEach((k, v) -> lines(b, prefix + " " + k, v));
            case Instances inst -> {
                for (Instances.Instance item : inst.items()) {
                    if (item.ghost()) {
                        b.append(prefix).append(' ').append(item.id()).append(" (ghost=True):\n");
                    } else {
                        lines(b, prefix + " " + item.id(), item.node());
                    }
                }
            }
        }
    }

    /** Answer to xStatus / xConfiguration reads and queries. */
    public static String readResponse(Branch rooted, String resultId) {
        return records(rooted) + tag(resultId) + END + "\nOK\n";
    }

    /** Answer to an accepted xConfiguration set or xFeedback register/deregister. */
    public static String okResponse(String resultId) {
        return tag(resultId) + END + "\nOK\n";
    }

    /** Unsolicited feedback: records of the sparse tree, then {@code ** end}. */
    public static String feedback(Branch sparse) {
        return records(sparse) + END;
    }

    /**
     * A command result: {@code OK}, {@code *r <Name>Result (status=OK):}, one record per leaf of {@code body}
     * (the result's data; use {@link Branch#EMPTY} for none), {@code ** end}.
     */
    public static String commandResponse(XPath command, Node body, String resultId) {
        String name = resultName(command);
        StringBuilder b = new StringBuilder("OK\n*r ").append(name).append(" (status=OK):\n");
        lines(b, "*r " + name, body);
        return b.append(tag(resultId)).append(END).toString();
    }

    /**
     * A failed command; the guide shows none, so this follows the device's JSON mode ({@code status=Error},
     * {@code Reason}): {@code ERROR}, {@code *r <Name>Result (status=Error):}, {@code *r <Name>Result Reason: "…"}.
     */
    public static String commandError(XPath command, String status, String reason, String resultId) {
        String name = resultName(command);
        return "ERROR\n*r " + name + " (status=" + status + "):\n*r " + name + " Reason: "
                + Tokens.value(Leaf.string(reason)) + "\n" + tag(resultId) + END;
    }

    /** {@code Dial} → {@code DialResult}; otherwise the last two words: {@code SignInBanner Set} → {@code SignInBannerSetResult}. */
    public static String resultName(XPath command) {
        int n = command.size();
        String last = String.valueOf(command.segment(n - 1));
        return (n >= 2 ? String.valueOf(command.segment(n - 2)) : "") + last + "Result";
    }

    private static String tag(String resultId) {
        return resultId == null ? "" : "** resultId: \"" + resultId + "\"\n";
    }
}
