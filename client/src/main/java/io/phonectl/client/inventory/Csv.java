package io.phonectl.client.inventory;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 field splitting and quoting for one line; shared by the inventory reader and the result export. */
public final class Csv {

    private Csv() {
    }

    /** The fields of one CSV line; {@code where} names the line in the error for an unclosed quote. */
    public static List<String> split(String line, String where) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"' && cur.toString().isBlank()) {
                quoted = true;
                cur.setLength(0);
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw new InventoryException(where + ": unclosed double quote");
        }
        out.add(cur.toString());
        return out;
    }

    /** Quotes a field when it needs it (comma, quote, CR/LF, leading/trailing space). */
    public static String quote(String v) {
        if (v == null) {
            return "";
        }
        boolean needs = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                || (!v.isEmpty() && (Character.isWhitespace(v.charAt(0)) || Character.isWhitespace(v.charAt(v.length() - 1))));
        return needs ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
}
