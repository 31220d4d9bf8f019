package io.phonectl.cli.console;

/**
 * Text from outside (a phone's answer, a device's values, a fleet file's names, a callback's data, a CUCM's names)
 * made safe to print on a terminal: every control character is shown as an escape instead of acting, so that such text
 * can neither send terminal escape sequences (colours, cursor moves, window titles, OSC 8 links) nor fake lines of our
 * output with CR/LF (issue 16). C0 and C1 controls, DEL, the Unicode line and paragraph separators and the bidi
 * overrides are escaped: {@code \n}, {@code \r}, {@code \t}, {@code \xNN}, {@code \}{@code uNNNN}. A backslash is left
 * as it is: the escapes are for reading, not for decoding.
 */
public final class Printable {

    private Printable() {
    }

    /** The text with every control character escaped (line breaks included: one value stays one line). */
    public static String of(Object value) {
        String s = String.valueOf(value);
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String e = escape(c, false);
            if (e != null && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null && e != null) {
                b.append(e);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    /** Several lines of rendered output (e.g. xAPI terminal text): line feeds kept, every other control escaped. */
    public static String lines(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String e = escape(c, true);
            if (e != null) {
                b.append(e);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String escape(char c, boolean keepLineFeed) {
        if (c == '\n') {
            return keepLineFeed ? null : "\\n";
        }
        if (c == '\r') {
            return "\\r";
        }
        if (c == '\t') {
            return "\\t";
        }
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
            return String.format(java.util.Locale.ROOT, "\\x%02x", (int) c);
        }
        if (c == '\u2028' || c == '\u2029' || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200e' || c == '\u200f' || c == '\u061c') {
            return String.format(java.util.Locale.ROOT, "\\u%04x", (int) c);
        }
        return null;
    }
}
