package io.phonectl.xapi.terminal;

import io.phonectl.xapi.XapiParseException;
import io.phonectl.xapi.XapiSources;
import io.phonectl.xapi.XapiValidationException;
import io.phonectl.xapi.call.XapiCall;
import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.tree.Leaf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Terminal-mode commands ({@code xStatus}, {@code xConfiguration}, {@code xCommand}, {@code xFeedback}) to and
 * from {@link XapiCall}s. A multi-line command is the command line, the payload lines, then a line holding only
 * {@code .}. Lines end with {@code \n}.
 */
public final class TerminalInput {

    private static final Pattern RESULT_ID = Pattern.compile("\\s*\\|\\s*resultId=\"([^\"]*)\"\\s*$");
    private static final String STATUS = "Status";
    private static final String CONFIGURATION = "Configuration";

    private TerminalInput() {
    }

    public static String render(TerminalRequest request) {
        XapiCall call = request.call();
        String line;
        String body = null;
        switch (call) {
            case XapiCall.Get g -> line = read(g.path());
            case XapiCall.Query q -> line = read(q.query());
            case XapiCall.Set s -> {
                requireRoot(s.path(), CONFIGURATION);
                line = "xConfiguration " + s.path().tail().words() + ": " + Tokens.value(s.value());
            }
            case XapiCall.Command c -> {
                StringBuilder b = new StringBuilder("xCommand ").append(c.command().words());
                c.params().forEach((k, values) -> values.forEach(v -> b.append(' ').append(k).append(": ")
                        .append(Tokens.value(v))));
                line = b.toString();
                body = c.body();
            }
            case XapiCall.Subscribe s -> line = "xFeedback Register " + s.query().slashes();
            case XapiCall.Deregister d -> line = "xFeedback Deregister " + d.query().slashes();
            case XapiCall.Unsubscribe u -> throw XapiValidationException.of("Id", u.id(),
                    "the terminal deregisters by path, not by subscription Id", XapiSources.NOTES_TERMINAL);
        }
        if (request.resultId() != null) {
            line += " | resultId=\"" + request.resultId() + "\"";
        }
        return body == null ? line + "\n" : line + "\n" + body + "\n.\n";
    }

    private static String read(XPath path) {
        String root = String.valueOf(path.segment(0));
        String verb = root.equalsIgnoreCase(STATUS) ? "xStatus" : root.equalsIgnoreCase(CONFIGURATION)
                ? "xConfiguration" : null;
        if (verb == null) {
            throw XapiValidationException.of("Path", path, "must start with Status or Configuration",
                    XapiSources.WEBSOCKET_GUIDE);
        }
        String rest = path.tail().words().replace(XPath.WILDCARD, "//");
        return rest.isEmpty() ? verb : verb + " " + rest;
    }

    private static void requireRoot(XPath path, String root) {
        if (path.isEmpty() || !root.equalsIgnoreCase(String.valueOf(path.segment(0)))) {
            throw XapiValidationException.of("Path", path, "must start with " + root, XapiSources.WEBSOCKET_GUIDE);
        }
    }

    /** Parses one command; a multi-line command's text must end with a line holding only {@code .}. */
    public static TerminalRequest parse(String text) {
        String normalized = text.replace("\r\n", "\n");
        int eol = normalized.indexOf('\n');
        String line = eol < 0 ? normalized : normalized.substring(0, eol);
        String rest = eol < 0 ? "" : normalized.substring(eol + 1);
        String resultId = null;
        Matcher m = RESULT_ID.matcher(line);
        if (m.find()) {
            resultId = m.group(1);
            line = line.substring(0, m.start());
        }
        String body = body(rest);
        List<Tokens.Token> tokens = Tokens.split(line);
        if (tokens.isEmpty()) {
            throw new XapiParseException(Tokens.FORMAT, "empty command");
        }
        String verb = tokens.getFirst().text().toLowerCase(Locale.ROOT);
        List<Tokens.Token> args = tokens.subList(1, tokens.size());
        XapiCall call = switch (verb) {
            case "xstatus" -> read(STATUS, args);
            case "xconfiguration" -> configuration(args);
            case "xcommand" -> command(args, body);
            case "xfeedback" -> feedback(args);
            default -> throw new XapiParseException(Tokens.FORMAT, "Command not recognized: " + Tokens.shorten(line));
        };
        if (body != null && !(call instanceof XapiCall.Command)) {
            throw new XapiParseException(Tokens.FORMAT, "only xCommand takes a multi-line body");
        }
        return new TerminalRequest(call, resultId);
    }

    private static String body(String rest) {
        if (rest.isEmpty()) {
            return null;
        }
        if (rest.equals(".\n") || rest.equals(".")) {
            return "";
        }
        int end = rest.lastIndexOf("\n.\n");
        if (end < 0 && rest.endsWith("\n.")) {
            end = rest.length() - 2;
        }
        if (end < 0) {
            throw new XapiParseException(Tokens.FORMAT, "a multi-line command must end with a line holding only \".\"");
        }
        return rest.substring(0, end);
    }

    private static XapiCall read(String root, List<Tokens.Token> args) {
        List<Object> segs = new ArrayList<>();
        segs.add(root);
        for (Tokens.Token t : args) {
            if (t.quoted() || t.isKey()) {
                throw new XapiParseException(Tokens.FORMAT, "unexpected \"" + Tokens.shorten(t.text()) + "\" in a path");
            }
            segs.addAll(XPath.parseWords(t.text()).segments());
        }
        XPath path = new XPath(segs);
        return path.hasWildcard() ? new XapiCall.Query(path) : new XapiCall.Get(path);
    }

    private static XapiCall configuration(List<Tokens.Token> args) {
        int key = keyIndex(args);
        if (key < 0) {
            return read(CONFIGURATION, args);
        }
        if (key != args.size() - 2) {
            throw new XapiParseException(Tokens.FORMAT, "xConfiguration set takes one \"Path: value\"");
        }
        List<Tokens.Token> pathTokens = new ArrayList<>(args.subList(0, key));
        pathTokens.add(new Tokens.Token(args.get(key).key(), false));
        XapiCall read = read(CONFIGURATION, pathTokens);
        if (!(read instanceof XapiCall.Get g)) {
            throw new XapiParseException(Tokens.FORMAT, "xConfiguration set takes no wildcard");
        }
        return new XapiCall.Set(g.path(), args.getLast().leaf());
    }

    private static XapiCall command(List<Tokens.Token> args, String body) {
        int key = keyIndex(args);
        List<Object> segs = new ArrayList<>();
        for (Tokens.Token t : key < 0 ? args : args.subList(0, key)) {
            if (t.quoted()) {
                throw new XapiParseException(Tokens.FORMAT, "a command name cannot be quoted");
            }
            segs.add(t.text());
        }
        if (segs.isEmpty()) {
            throw new XapiParseException(Tokens.FORMAT, "xCommand needs a command name");
        }
        Map<String, List<Leaf>> params = new LinkedHashMap<>();
        for (int i = Math.max(key, 0); key >= 0 && i < args.size(); i += 2) {
            if (!args.get(i).isKey() || i + 1 >= args.size() || args.get(i + 1).isKey()) {
                throw new XapiParseException(Tokens.FORMAT, "parameters must be \"Name: value\" pairs");
            }
            params.computeIfAbsent(args.get(i).key(), k -> new ArrayList<>()).add(args.get(i + 1).leaf());
        }
        return new XapiCall.Command(new XPath(segs), params, body);
    }

    private static XapiCall feedback(List<Tokens.Token> args) {
        if (args.size() != 2) {
            throw new XapiParseException(Tokens.FORMAT, "xFeedback takes Register|Deregister and one path");
        }
        XPath path = XPath.parseSlashes(args.get(1).text());
        if (path.isEmpty()) {
            throw new XapiParseException(Tokens.FORMAT, "xFeedback needs a path");
        }
        return switch (args.getFirst().text().toLowerCase(Locale.ROOT)) {
            case "register" -> new XapiCall.Subscribe(path, false);
            case "deregister" -> new XapiCall.Deregister(path);
            default -> throw new XapiParseException(Tokens.FORMAT, "xFeedback takes Register or Deregister");
        };
    }

    private static int keyIndex(List<Tokens.Token> args) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).isKey()) {
                return i;
            }
        }
        return -1;
    }
}
