package io.phonectl.xsi.device;

import io.phonectl.xsi.XsiParseException;
import io.phonectl.xsi.xml.SafeXml;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes and reads the flat XML and HTML forms every device-information page shares: a root element
 * with one child element per field. Readers are tolerant because real phones are not consistent:
 * fields may be missing or extra, values localised, and 79xx DeviceLogX is not well-formed
 * (reference notes §2.5). They only ever fail with {@link XsiParseException}.
 */
public final class DevicePageCodec {

    private static final Pattern INLINE_DECLARATION = Pattern.compile("<\\?xml[^>]*\\?>");
    private static final Pattern LEADING_DECLARATION = Pattern.compile("^\\s*<\\?xml[^>]*\\?>");

    private DevicePageCodec() {
    }

    /** The XML form ({@code /DeviceInformationX}); UTF-8 is declared because phones otherwise assume the locale's. */
    public static String toXml(String root, Map<String, String> fields) {
        StringBuilder b = new StringBuilder(256).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<").append(root).append('>');
        fields.forEach((k, v) -> b.append('<').append(k).append('>').append(escape(v == null ? "" : v))
                .append("</").append(k).append('>'));
        return b.append("</").append(root).append(">\n").toString();
    }

    /** The HTML form ({@code /DeviceInformation}): a two-column table of bold labels, as real phones show. */
    public static String toHtml(String title, Map<String, String> fields) {
        StringBuilder b = new StringBuilder(512).append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title></head><body><h1>").append(escape(title)).append("</h1><table>");
        fields.forEach((k, v) -> b.append("<tr><td><b>").append(escape(k)).append("</b></td><td>")
                .append(escape(v == null ? "" : v)).append("</td></tr>"));
        return b.append("</table></body></html>\n").toString();
    }

    /** Reads a flat page: the text of each child of the root, by element name, in document order. */
    public static Map<String, String> readFlat(byte[] xml) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Entry e : readEntries(xml)) {
            out.putIfAbsent(e.name(), e.text());
        }
        return out;
    }

    /** One child of the root, with all its descendant text joined (79xx nests elements inside values). */
    public record Entry(String name, String text) {
    }

    /** Reads every child of the root in order, repairing the known 79xx malformations first. */
    public static List<Entry> readEntries(byte[] xml) {
        String text = repair(decode(xml));
        XMLStreamReader r = SafeXml.open(text);
        List<Entry> out = new ArrayList<>();
        try {
            int depth = 0;
            String current = null;
            StringBuilder value = new StringBuilder();
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth > SafeXml.MAX_DEPTH) {
                        throw new XsiParseException("elements nested deeper than " + SafeXml.MAX_DEPTH,
                                r.getLocation().getLineNumber(), r.getLocation().getColumnNumber());
                    }
                    // depth 1 is our synthetic wrapper, 2 the page root, 3 a field
                    if (depth == 3) {
                        current = r.getLocalName();
                        value.setLength(0);
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    if (depth == 3 && current != null) {
                        out.add(new Entry(current, value.toString().strip()));
                        current = null;
                    }
                    depth--;
                } else if ((ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) && current != null) {
                    if (!value.isEmpty() && !r.isWhiteSpace()) {
                        value.append(' ');
                    }
                    value.append(r.getText().strip());
                }
            }
            return out;
        } catch (XMLStreamException e) {
            throw SafeXml.parseError(e);
        } catch (RuntimeException e) {
            if (e instanceof XsiParseException p) {
                throw p;
            }
            // the JDK's StAX reader throws unchecked errors on some broken inputs; they stay ours
            throw new XsiParseException("malformed device page: " + e.getClass().getSimpleName(), -1, -1, e);
        }
    }

    /**
     * The name of the page's root element (its first element), so that a reader can tell a device page from an HTML
     * page or another document before taking fields from it; {@link XsiParseException} when there is no element.
     */
    public static String root(byte[] xml) {
        XMLStreamReader r = SafeXml.open(repair(decode(xml)));
        try {
            int depth = 0;
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && ++depth == 2) {
                    return r.getLocalName();
                }
            }
        } catch (XMLStreamException e) {
            throw SafeXml.parseError(e);
        } catch (RuntimeException e) {
            if (e instanceof XsiParseException p) {
                throw p;
            }
            throw new XsiParseException("malformed device page: " + e.getClass().getSimpleName(), -1, -1, e);
        }
        throw new XsiParseException("no element in the answer", -1, -1);
    }

    /**
     * Drops every XML declaration (79xx DeviceLogX repeats them inline) and wraps the rest in one element,
     * so a page with several roots still reads.
     */
    static String repair(String text) {
        String body = INLINE_DECLARATION.matcher(LEADING_DECLARATION.matcher(text).replaceFirst("")).replaceAll("");
        return "<page>" + body + "</page>";
    }

    /** Honours the declared encoding when it is ISO-8859-1 (7940 pages), else UTF-8. */
    static String decode(byte[] xml) {
        if (xml.length > SafeXml.MAX_BYTES) {
            throw new XsiParseException("document of " + xml.length + " bytes exceeds the " + SafeXml.MAX_BYTES + "-byte reading cap");
        }
        String head = new String(xml, 0, Math.min(xml.length, 100), StandardCharsets.ISO_8859_1).toLowerCase();
        return head.contains("iso-8859-1")
                ? new String(xml, StandardCharsets.ISO_8859_1)
                : new String(xml, StandardCharsets.UTF_8);
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Tolerant number: digits anywhere in the value ("100 Mbps", " 12 "), else 0. */
    static long number(Map<String, String> fields, String name) {
        return digits(fields.get(name));
    }

    /** Tolerant number of one value: its first run of digits, else 0 (also for null). */
    static long digits(String v) {
        if (v == null) {
            return 0;
        }
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < v.length() && digits.length() < 18; i++) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (!digits.isEmpty()) {
                break;
            }
        }
        return digits.isEmpty() ? 0 : Long.parseLong(digits.toString());
    }

    static String text(Map<String, String> fields, String name) {
        String v = fields.get(name);
        return v == null ? "" : v.strip();
    }

    /** The fields not in {@code known}, kept so a reader loses nothing a newer firmware adds. */
    static Map<String, String> extra(Map<String, String> fields, List<String> known) {
        Map<String, String> out = new LinkedHashMap<>(fields);
        out.keySet().removeAll(known);
        return Map.copyOf(out);
    }
}
