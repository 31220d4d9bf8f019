package io.phonectl.xapi.terminal;

import io.phonectl.xapi.XapiParseException;
import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.tree.Branch;
import io.phonectl.xapi.tree.Instances;
import io.phonectl.xapi.tree.Node;
import io.phonectl.xapi.tree.Trees;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads terminal text answers and feedback into a {@link TerminalAnswer}. Throws only {@link XapiParseException}. */
public final class TerminalOutput {

    private static final Pattern RESULT_HEAD = Pattern.compile("\\*r (\\S+) \\(status=([^)]*)\\):");
    private static final Pattern TAG = Pattern.compile("\\*\\* resultId: \"([^\"]*)\"");
    private static final String GHOST = "(ghost=True)";

    private TerminalOutput() {
    }

    public static TerminalAnswer parse(String text) {
        Branch docs = Branch.EMPTY;
        Branch result = Branch.EMPTY;
        String name = null;
        String status = null;
        String tag = null;
        TerminalAnswer.Outcome outcome = TerminalAnswer.Outcome.NONE;
        List<String> other = new ArrayList<>();
        for (String raw : text.split("\r?\n", -1)) {
            String line = raw.strip();
            if (line.isEmpty() || line.equals("** end")) {
                continue;
            }
            Matcher head = RESULT_HEAD.matcher(line);
            Matcher tagged = TAG.matcher(line);
            if (line.equals("OK")) {
                outcome = TerminalAnswer.Outcome.OK;
            } else if (line.equals("ERROR")) {
                outcome = TerminalAnswer.Outcome.ERROR;
            } else if (tagged.matches()) {
                tag = tagged.group(1);
            } else if (head.matches()) {
                name = head.group(1);
                status = head.group(2);
            } else if (line.startsWith("*s ")) {
                docs = record(docs, "Status", line.substring(3));
            } else if (line.startsWith("*c xConfiguration ")) {
                docs = record(docs, "Configuration", line.substring("*c xConfiguration ".length()));
            } else if (line.startsWith("*e ")) {
                docs = record(docs, "Event", line.substring(3));
            } else if (line.startsWith("*r ")) {
                List<Tokens.Token> t = Tokens.split(line.substring(3));
                if (!t.isEmpty() && t.getFirst().text().equals(name)) {
                    result = record(result, null, line.substring(3 + name.length()));
                } else {
                    other.add(line);
                }
            } else if (line.startsWith("*")) {
                throw new XapiParseException(Tokens.FORMAT, "unknown record: " + Tokens.shorten(line));
            } else {
                other.add(line);
            }
        }
        return new TerminalAnswer(docs, name, status, result, tag, outcome, other);
    }

    private static Branch record(Branch into, String root, String rest) {
        try {
            return recordOrFail(into, root, rest);
        } catch (io.phonectl.xapi.XapiValidationException e) {
            throw new XapiParseException(Tokens.FORMAT, e.getMessage());
        }
    }

    private static Branch recordOrFail(Branch into, String root, String rest) {
        List<Tokens.Token> tokens = Tokens.split(rest);
        int k = 0;
        while (k < tokens.size() && !tokens.get(k).isKey()) {
            k++;
        }
        if (k == tokens.size()) {
            throw new XapiParseException(Tokens.FORMAT, "record without \"Name: value\": " + Tokens.shorten(rest));
        }
        List<Object> parent = new ArrayList<>();
        if (root != null) {
            parent.add(root);
        }
        for (Tokens.Token t : tokens.subList(0, k)) {
            if (t.quoted()) {
                throw new XapiParseException(Tokens.FORMAT, "quoted word in a record path: " + Tokens.shorten(rest));
            }
            parent.addAll(XPath.parseWords(t.text()).segments());
        }
        if (root == null && !parent.isEmpty() && parent.getFirst() instanceof Integer) {
            throw new XapiParseException(Tokens.FORMAT, "a result record cannot start with an instance id");
        }
        if (tokens.get(k).key().equals(GHOST)) {
            if (parent.isEmpty() || !(parent.getLast() instanceof Integer id) || k != tokens.size() - 1) {
                throw new XapiParseException(Tokens.FORMAT, "a ghost record names one instance: " + Tokens.shorten(rest));
            }
            XPath at = new XPath(parent.subList(0, parent.size() - 1));
            Node ghost = Trees.set(Branch.EMPTY, at, Instances.of(Instances.Instance.ghostOf(id))).tree();
            return (Branch) Trees.union(into, ghost);
        }
        Branch out = into;
        // old-style events carry several "Key: value" pairs on one line, all under the same parent
        for (int i = k; i < tokens.size(); i += 2) {
            if (!tokens.get(i).isKey() || i + 1 >= tokens.size() || tokens.get(i + 1).isKey()) {
                throw new XapiParseException(Tokens.FORMAT, "expected \"Name: value\" in: " + Tokens.shorten(rest));
            }
            List<Object> path = new ArrayList<>(parent);
            path.add(tokens.get(i).key());
            Node one = Trees.set(Branch.EMPTY, new XPath(path), tokens.get(i + 1).leaf()).tree();
            out = (Branch) Trees.union(out, one);
        }
        return out;
    }
}
