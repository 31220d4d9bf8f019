package io.phonectl.xsi.codec;

import io.phonectl.xsi.XsiParseException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One element of a read document, with its position for error messages. Package-private: only readers see it. */
final class Node {
    final String name;
    final Map<String, String> attrs = new LinkedHashMap<>();
    final List<Node> children = new ArrayList<>();
    final StringBuilder text = new StringBuilder();
    final int line;
    final int column;

    Node(String name, int line, int column) {
        this.name = name;
        this.line = line;
        this.column = column;
    }

    XsiParseException error(String message) {
        return new XsiParseException("<" + name + ">: " + message, line, column);
    }

    String text() {
        return text.toString();
    }

    List<Node> all(String childName) {
        List<Node> out = new ArrayList<>();
        for (Node c : children) {
            if (c.name.equals(childName)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The single child of that name, or null; two of them is an error. */
    Node one(String childName) {
        Node found = null;
        for (Node c : children) {
            if (c.name.equals(childName)) {
                if (found != null) {
                    throw c.error("appears more than once in <" + name + ">");
                }
                found = c;
            }
        }
        return found;
    }

    String childText(String childName) {
        Node c = one(childName);
        return c == null ? null : c.text();
    }

    Integer childInt(String childName) {
        Node c = one(childName);
        return c == null ? null : c.toInt(c.text());
    }

    int requiredInt(String childName) {
        Integer v = childInt(childName);
        if (v == null) {
            throw error("missing <" + childName + ">");
        }
        return v;
    }

    Integer attrInt(String attr) {
        String v = attrs.get(attr);
        return v == null ? null : toInt(v);
    }

    int requiredAttrInt(String attr) {
        Integer v = attrInt(attr);
        if (v == null) {
            throw error("missing attribute " + attr);
        }
        return v;
    }

    private int toInt(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw error("expected an integer, got \"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"");
        }
    }
}
