package io.phonectl.xsi.device;

import java.util.List;
import java.util.Objects;

/**
 * {@code /DeviceLog[X]?n}, n 0–2: status lines, newest last, read as "timestamp message" strings.
 *
 * <p>The shape phones write (usecallmanager.nz {@code xmlinfo}, which repairs it before parsing; reference notes §2.5):
 * every {@code <status>} holds the line's timestamp as text followed by one child element carrying the message, and
 * 79xx firmware puts an XML declaration inside the document in front of each child, so the page is not well-formed
 * XML. {@link #toXml} writes that shape; {@link #parse} reads it (and the flat one) and joins the pieces of each line
 * with a space.
 */
public record DeviceLog(List<String> entries) {

    public static final String ROOT = "DeviceLog";
    public static final String ENTRY = "status";
    /** The element after the timestamp. The repairing reader takes whatever child comes first; the name is ours. */
    public static final String MESSAGE = "message";
    public static final int MAX_INDEX = 2;
    /** What 79xx firmware repeats inside the document (xmlinfo strips every {@code <?xml … ?>} before parsing). */
    static final String INLINE_DECLARATION = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>";

    public DeviceLog {
        entries = List.copyOf(entries);
    }

    /** One line of the log as the phone keeps it. */
    public record Status(String timestamp, String message) {
        public Status {
            Objects.requireNonNull(timestamp, "timestamp");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * The XML form: {@code <status>TIME <message>TEXT</message></status>} per line; with {@code inlineDeclarations}
     * (79xx) each message element is preceded by its own XML declaration, as those phones send it.
     */
    public static String toXml(List<Status> lines, boolean inlineDeclarations) {
        StringBuilder b = new StringBuilder(64 + lines.size() * 96)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<").append(ROOT).append(">\n");
        for (Status s : lines) {
            b.append('<').append(ENTRY).append('>').append(DevicePageCodec.escape(s.timestamp())).append(' ');
            if (inlineDeclarations) {
                b.append(INLINE_DECLARATION);
            }
            b.append('<').append(MESSAGE).append('>').append(DevicePageCodec.escape(s.message()))
                    .append("</").append(MESSAGE).append("></").append(ENTRY).append(">\n");
        }
        return b.append("</").append(ROOT).append(">\n").toString();
    }

    /** The HTML form: the same lines, one table row each (time, message). */
    public static String toHtml(List<Status> lines) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Device Log</title>")
                .append("</head><body><h1>Device Log</h1><table>");
        for (Status s : lines) {
            b.append("<tr><td>").append(DevicePageCodec.escape(s.timestamp())).append("</td><td>")
                    .append(DevicePageCodec.escape(s.message())).append("</td></tr>");
        }
        return b.append("</table></body></html>\n").toString();
    }

    public static DeviceLog parse(byte[] xml) {
        return new DeviceLog(DevicePageCodec.readEntries(xml).stream()
                .filter(e -> e.name().equals(ENTRY))
                .map(DevicePageCodec.Entry::text)
                .toList());
    }
}
