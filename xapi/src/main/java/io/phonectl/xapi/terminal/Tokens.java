package io.phonectl.xapi.terminal;

import io.phonectl.xapi.XapiParseException;
import io.phonectl.xapi.tree.Leaf;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Terminal-mode words: whitespace separated, double-quoted strings with backslash escapes ({@code \"},
 * {@code \\}, {@code \n}). A word ending in ':' is a key.
 */
final class Tokens {

    static final String FORMAT = "terminal text";
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");
    private static final int MAX_TOKENS = 10_000;

    record Token(String text, boolean quoted) {
        boolean isKey() {
            return !quoted && text.length() > 1 && text.endsWith(":");
        }

        String key() {
            return text.substring(0, text.length() - 1);
        }

        Leaf leaf() {
            if (quoted) {
                return Leaf.string(text);
            }
            return INTEGER.matcher(text).matches() ? Leaf.integer(Long.parseLong(text)) : Leaf.literal(text);
        }
    }

    private Tokens() {
    }

    static List<Token> split(String line) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (out.size() >= MAX_TOKENS) {
                throw new XapiParseException(FORMAT, "more than " + MAX_TOKENS + " words on a line");
            }
            StringBuilder b = new StringBuilder();
            if (c == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char d = line.charAt(i++);
                    if (d == '"') {
                        closed = true;
                        break;
                    }
                    if (d == '\\' && i < n) {
                        char e = line.charAt(i++);
                        b.append(e == 'n' ? '\n' : e);
                    } else {
                        b.append(d);
                    }
                }
                if (!closed) {
                    throw new XapiParseException(FORMAT, "unterminated quoted string in: " + shorten(line));
                }
                out.add(new Token(b.toString(), true));
            } else {
                while (i < n && !Character.isWhitespace(line.charAt(i))) {
                    b.append(line.charAt(i++));
                }
                out.add(new Token(b.toString(), false));
            }
        }
        return out;
    }

    /** A value as the terminal prints it: strings quoted and escaped, integers and literals bare. */
    static String value(Leaf leaf) {
        if (leaf.kind() != Leaf.Kind.STRING) {
            return leaf.text();
        }
        return '"' + leaf.text().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
