package io.phonectl.xapi.schema;

import io.phonectl.xapi.XapiParseException;
import io.phonectl.xapi.path.XPath;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A schema item's path in the release notes' notation: words, a multi-instance word carries {@code [n]} (any id)
 * , {@code [1-3]} (ids 1..3) or {@code [1]} (only id 1), e.g. {@code Line[n] Call[n] BytesReceived}.
 */
public record SchemaPath(List<Part> parts) {

    public record Part(String name, boolean multi, long minId, long maxId) {
    }

    private static final Pattern PART = Pattern.compile("([A-Za-z0-9_.\\-]+)(?:\\[(n|([0-9]+)(?:-([0-9]+))?)])?");

    public SchemaPath {
        parts = List.copyOf(parts);
    }

    public static SchemaPath parse(String text) {
        List<Part> parts = new ArrayList<>();
        for (String w : text.trim().split("\\s+")) {
            Matcher m = PART.matcher(w);
            if (!m.matches()) {
                throw new XapiParseException("device schema", "bad path word \"" + w + "\" in \"" + text + "\"");
            }
            if (m.group(2) == null) {
                parts.add(new Part(m.group(1), false, 0, 0));
            } else if (m.group(2).equals("n")) {
                parts.add(new Part(m.group(1), true, 0, Long.MAX_VALUE));
            } else {
                long min = Long.parseLong(m.group(3));
                parts.add(new Part(m.group(1), true, min, m.group(4) == null ? min : Long.parseLong(m.group(4))));
            }
        }
        return new SchemaPath(parts);
    }

    /**
     * Matches a concrete path (without its document root) ignoring case; instance ids may be omitted only when
     * {@code idsOptional} (feedback queries). Answers the path in canonical casing.
     */
    public Optional<XPath> match(XPath path, boolean idsOptional) {
        List<Object> out = new ArrayList<>();
        int i = 0;
        for (Part p : parts) {
            if (i >= path.size() || !(path.segment(i) instanceof String name) || !name.equalsIgnoreCase(p.name())) {
                return Optional.empty();
            }
            out.add(p.name());
            i++;
            if (p.multi()) {
                if (i < path.size() && path.segment(i) instanceof Integer id) {
                    if (id < p.minId() || id > p.maxId()) {
                        return Optional.empty();
                    }
                    out.add(id);
                    i++;
                } else if (!idsOptional) {
                    return Optional.empty();
                }
            }
        }
        return i == path.size() ? Optional.of(new XPath(out)) : Optional.empty();
    }

    /** True when {@code path} names an ancestor of this item (a container). */
    public boolean hasPrefix(XPath path) {
        for (int n = 1; n < parts.size(); n++) {
            if (new SchemaPath(parts.subList(0, n)).match(path, true).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** A concrete path with the lowest id of every instance range (1 for {@code [n]}). */
    public XPath firstInstance() {
        List<Object> out = new ArrayList<>();
        for (Part p : parts) {
            out.add(p.name());
            if (p.multi()) {
                out.add((int) Math.max(1, p.minId()));
            }
        }
        return new XPath(out);
    }

    public String text() {
        StringBuilder b = new StringBuilder();
        for (Part p : parts) {
            b.append(b.isEmpty() ? "" : " ").append(p.name());
            if (p.multi()) {
                b.append(p.maxId() == Long.MAX_VALUE ? "[n]" : "[" + p.minId() + "-" + p.maxId() + "]");
            }
        }
        return b.toString();
    }
}
