package io.phonectl.xapi.path;

import io.phonectl.xapi.XapiParseException;
import io.phonectl.xapi.XapiSources;
import io.phonectl.xapi.XapiValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A path into the xAPI value tree, e.g. {@code ["Status","SystemUnit","Hardware","Monitoring","Fan",2,"Status"]}.
 * Segments are node names ({@link String}), instance ids ({@link Integer}, numeric segments of the guide) or the
 * wildcard {@link #WILDCARD} ({@code "**"}, zero or more levels, queries only). Names keep the caller's casing;
 * matching against a tree is case-insensitive and answers carry the tree's canonical casing.
 */
public record XPath(List<Object> segments) {

    public static final String WILDCARD = "**";
    /** Real paths are under 15 deep; the cap keeps every recursive tree operation far from the stack limit. */
    public static final int MAX_SEGMENTS = 100;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]+");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");

    public XPath {
        segments = List.copyOf(segments);
        if (segments.size() > MAX_SEGMENTS) {
            throw XapiValidationException.of("Path", segments.size() + " segments", "at most " + MAX_SEGMENTS
                    + " segments (phonectl limit)", XapiSources.WEBSOCKET_GUIDE);
        }
        for (Object s : segments) {
            switch (s) {
                case Integer i when i >= 0 -> { }
                case String n when n.equals(WILDCARD) || NAME.matcher(n).matches() -> { }
                default -> throw XapiValidationException.of("Path", segments, "segment " + s
                        + " must be a name [A-Za-z0-9_.-]+, an instance id >= 0 or \"**\"", XapiSources.WEBSOCKET_GUIDE);
            }
        }
    }

    public static XPath of(Object... segments) {
        return new XPath(List.of(segments));
    }

    /** Terminal form: words separated by spaces, numbers are instance ids, {@code //} is the wildcard. */
    public static XPath parseWords(String words) {
        List<Object> out = new ArrayList<>();
        for (String w : words.trim().split("\\s+")) {
            if (!w.isEmpty()) {
                out.add(segment(w.equals("//") ? WILDCARD : w, words));
            }
        }
        return new XPath(out);
    }

    /**
     * Feedback form {@code /Status/Video/Selfview} or {@code Status/Call[2]/Status}; an index in brackets is an
     * instance id.
     */
    public static XPath parseSlashes(String slashes) {
        List<Object> out = new ArrayList<>();
        for (String part : slashes.trim().split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            int bracket = part.indexOf('[');
            if (bracket > 0 && part.endsWith("]")) {
                out.add(segment(part.substring(0, bracket), slashes));
                out.add(segment(part.substring(bracket + 1, part.length() - 1), slashes));
            } else {
                out.add(segment(part, slashes));
            }
        }
        return new XPath(out);
    }

    private static Object segment(String w, String whole) {
        if (NUMBER.matcher(w).matches()) {
            return Integer.parseInt(w);
        }
        if (!w.equals(WILDCARD) && !NAME.matcher(w).matches()) {
            throw new XapiParseException("xAPI path", "bad segment \"" + w + "\" in \"" + whole + "\"");
        }
        return w;
    }

    public int size() {
        return segments.size();
    }

    public boolean isEmpty() {
        return segments.isEmpty();
    }

    public Object segment(int i) {
        return segments.get(i);
    }

    public Object last() {
        return segments.getLast();
    }

    public boolean hasWildcard() {
        return segments.contains(WILDCARD);
    }

    public XPath append(Object segment) {
        List<Object> out = new ArrayList<>(segments);
        out.add(segment);
        return new XPath(out);
    }

    public XPath tail() {
        return new XPath(segments.subList(1, segments.size()));
    }

    public XPath parent() {
        return new XPath(segments.subList(0, segments.size() - 1));
    }

    public XPath subPath(int from) {
        return new XPath(segments.subList(from, segments.size()));
    }

    /** Terminal words: {@code SystemUnit Hardware Monitoring Fan 2 Status}. */
    public String words() {
        StringBuilder b = new StringBuilder();
        for (Object s : segments) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(s);
        }
        return b.toString();
    }

    /** Feedback form {@code Status/Video/Selfview}; instance ids in brackets. */
    public String slashes() {
        StringBuilder b = new StringBuilder();
        for (Object s : segments) {
            if (s instanceof Integer i) {
                b.append('[').append(i).append(']');
            } else {
                b.append(b.isEmpty() ? "" : "/").append(s);
            }
        }
        return b.toString();
    }

    /** True when both name the same nodes, ignoring case. */
    public boolean equalsIgnoreCase(XPath other) {
        if (other.size() != size()) {
            return false;
        }
        for (int i = 0; i < size(); i++) {
            if (!same(segment(i), other.segment(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean same(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return x.equalsIgnoreCase(y);
        }
        return a.equals(b);
    }

    /** Lower-cased key for maps that index paths case-insensitively. */
    public String key() {
        return words().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return words();
    }
}
