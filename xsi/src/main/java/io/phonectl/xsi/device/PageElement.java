package io.phonectl.xsi.device;

import io.phonectl.xsi.XsiParseException;
import io.phonectl.xsi.xml.SafeXml;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One element of a device page as a tree, for the pages that nest ({@code /CGI/CallInfo}, {@code /CGI/LineInfo},
 * {@code /CGI/ModeInfo}, {@code /CGI/SettingsInfo}): the client reads them with it and the simulator writes them with
 * it ({@link #toXml}), so both sides share one description of each page. Lookups by name ignore case because phones disagree on it (the
 * CallInfo sample writes {@code LineDirNum}, the LineInfo sample {@code lineDirNum}). Reading repairs the known 79xx
 * malformations first (inline XML declarations) and fails only with {@link XsiParseException}.
 *
 * @param text the element's own character data, stripped (not its children's)
 */
public record PageElement(String name, Map<String, String> attributes, String text, List<PageElement> children) {

    /** Elements read from one page at most: a phone page has a few hundred; more is hostile. */
    public static final int MAX_ELEMENTS = 10_000;

    public PageElement {
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        children = List.copyOf(children);
        text = text == null ? "" : text;
    }

    /**
     * The page's root element, refused with the parse error unless {@code rootTest} accepts its name: an HTML login
     * page or another page's document is never read as this one.
     *
     * @param expected the root's name for the message
     */
    public static PageElement read(byte[] xml, String expected, Predicate<String> rootTest) {
        PageElement root = read(xml);
        if (!rootTest.test(root.name)) {
            String got = root.name.length() > 64 ? root.name.substring(0, 64) + "…" : root.name;
            throw new XsiParseException("expected root element " + expected + ", got " + got, -1, -1);
        }
        return root;
    }

    /** The page's root element (the first element of the document), whatever its name. */
    public static PageElement read(byte[] xml) {
        XMLStreamReader r = SafeXml.open(DevicePageCodec.repair(DevicePageCodec.decode(xml)));
        Deque<Builder> open = new ArrayDeque<>();
        Builder wrapper = null;
        int count = 0;
        try {
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    if (open.size() > SafeXml.MAX_DEPTH || ++count > MAX_ELEMENTS) {
                        throw new XsiParseException("device page deeper than " + SafeXml.MAX_DEPTH + " or over "
                                + MAX_ELEMENTS + " elements", r.getLocation().getLineNumber(),
                                r.getLocation().getColumnNumber());
                    }
                    Builder b = new Builder(r.getLocalName());
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        b.attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
                    }
                    if (wrapper == null) {
                        wrapper = b;
                    } else {
                        open.peek().children.add(b);
                    }
                    open.push(b);
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    open.pop();
                } else if ((ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) && !open.isEmpty()) {
                    open.peek().text.append(r.getText());
                }
            }
        } catch (XMLStreamException e) {
            throw SafeXml.parseError(e);
        } catch (XsiParseException e) {
            throw e;
        } catch (RuntimeException e) {
            // the JDK's StAX reader throws unchecked errors on some broken inputs; they stay ours
            throw new XsiParseException("malformed device page: " + e.getClass().getSimpleName(), -1, -1, e);
        }
        if (wrapper == null || wrapper.children.isEmpty()) {
            throw new XsiParseException("device page without a root element", -1, -1);
        }
        return wrapper.children.getFirst().build();
    }

    /** The first child of that name (any case), or an empty element when there is none. */
    public PageElement child(String childName) {
        for (PageElement c : children) {
            if (c.name.equalsIgnoreCase(childName)) {
                return c;
            }
        }
        return new PageElement(childName, Map.of(), "", List.of());
    }

    /** Every child of that name (any case), in document order. */
    public List<PageElement> all(String childName) {
        return children.stream().filter(c -> c.name.equalsIgnoreCase(childName)).toList();
    }

    /** The text of the first child of that name, "" when absent. */
    public String text(String childName) {
        return child(childName).text;
    }

    /** An attribute by name (any case), "" when absent. */
    public String attribute(String attributeName) {
        return attributes.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(attributeName))
                .map(Map.Entry::getValue).findFirst().orElse("");
    }

    /** Whether this element is named {@code expected}, ignoring case. */
    public boolean is(String expected) {
        return name.toLowerCase(Locale.ROOT).equals(expected.toLowerCase(Locale.ROOT));
    }

    /**
     * The leaf children that are not in {@code known} (by name, any case), by name: what a newer firmware adds is kept,
     * not dropped.
     */
    public Map<String, String> extraLeaves(List<String> known) {
        Map<String, String> out = new LinkedHashMap<>();
        for (PageElement c : children) {
            if (c.children.isEmpty() && known.stream().noneMatch(c.name::equalsIgnoreCase)) {
                out.putIfAbsent(c.name, c.text);
            }
        }
        return out;
    }

    /** A leaf: {@code <name>text</name>}, written {@code <name/>} when the text is empty (as the phones' samples). */
    public static PageElement leaf(String name, String text) {
        return new PageElement(name, Map.of(), text, List.of());
    }

    /** An element with children and no text of its own. */
    public static PageElement of(String name, List<PageElement> children) {
        return new PageElement(name, Map.of(), "", children);
    }

    /** An element with attributes only ({@code <Feature Position="1" …/>}); attribute order as given. */
    public static PageElement withAttributes(String name, Map<String, String> attributes) {
        return new PageElement(name, new LinkedHashMap<>(attributes), "", List.of());
    }

    /** The document: UTF-8 declared (phones otherwise assume the locale's), one element per line. */
    public String toXml() {
        StringBuilder b = new StringBuilder(512).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        write(b, 0);
        return b.toString();
    }

    private void write(StringBuilder b, int depth) {
        b.append("  ".repeat(depth)).append('<').append(name);
        attributes.forEach((k, v) -> b.append(' ').append(k).append("=\"").append(DevicePageCodec.escape(v)).append('"'));
        if (children.isEmpty() && text.isEmpty()) {
            b.append("/>\n");
            return;
        }
        b.append('>');
        if (children.isEmpty()) {
            b.append(DevicePageCodec.escape(text)).append("</").append(name).append(">\n");
            return;
        }
        b.append(DevicePageCodec.escape(text)).append('\n');
        children.forEach(c -> c.write(b, depth + 1));
        b.append("  ".repeat(depth)).append("</").append(name).append(">\n");
    }

    private static final class Builder {
        final String name;
        final Map<String, String> attributes = new LinkedHashMap<>();
        final StringBuilder text = new StringBuilder();
        final List<Builder> children = new ArrayList<>();

        Builder(String name) {
            this.name = name;
        }

        PageElement build() {
            return new PageElement(name, attributes, text.toString().strip(),
                    children.stream().map(Builder::build).toList());
        }
    }
}
