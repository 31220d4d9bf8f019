package io.phonectl.xsi.device;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * {@code /CGI/LineInfo}: the phone's lines and line buttons, as the {@code CiscoIPPhoneLineInfo} document of Cisco's
 * phone administration guides (sample LineInfo output: one {@code CiscoIPPhoneLines} per button) and the
 * {@code LineIconState} values public clients read (IDLE/ONHOOK, RINGING, CONNECTED, ONHOLD, REMOTELY_IN_USE, OFFHOOK;
 * reference notes §2.5). Password-protected on the phones ({@code /CGI/Java/LineInfo} too on 7800/8800). Read
 * tolerantly, names in any case (the sample writes {@code lineDirNum}, CallInfo {@code LineDirNum}); written as the
 * sample (a speed dial without a ringer has no {@code RingerName}).
 */
public record LineInfo(String prompt, String notification, String status, List<Line> lines) {

    public static final String ROOT = "CiscoIPPhoneLineInfo";
    public static final String PATH = "/CGI/LineInfo";

    public LineInfo {
        prompt = Objects.requireNonNullElse(prompt, "");
        notification = Objects.requireNonNullElse(notification, "");
        status = Objects.requireNonNullElse(status, "");
        lines = List.copyOf(lines);
    }

    /**
     * One button: {@code lineType} 9 is a directory number and 2 a speed dial in the guide's sample;
     * {@code messageWaiting} keeps the phone's word (YES, NO).
     */
    public record Line(String lineType, String lineDirNum, String messageWaiting, String ringerName, String lineLabel,
                       String lineIconState, Map<String, String> extra) {

        static final List<String> FIELDS = List.of("LineType", "lineDirNum", "MessageWaiting", "RingerName",
                "LineLabel", "LineIconState");

        public Line {
            lineType = Objects.requireNonNullElse(lineType, "");
            lineDirNum = Objects.requireNonNullElse(lineDirNum, "");
            messageWaiting = Objects.requireNonNullElse(messageWaiting, "");
            ringerName = Objects.requireNonNullElse(ringerName, "");
            lineLabel = Objects.requireNonNullElse(lineLabel, "");
            lineIconState = Objects.requireNonNullElse(lineIconState, "");
            extra = extra == null ? Map.of() : Map.copyOf(extra);
        }

        public boolean hasMessageWaiting() {
            String v = messageWaiting.strip().toLowerCase(Locale.ROOT);
            return v.equals("yes") || v.equals("true") || v.equals("1");
        }

        public Map<String, String> fields() {
            List<String> values = List.of(lineType, lineDirNum, messageWaiting, ringerName, lineLabel, lineIconState);
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < FIELDS.size(); i++) {
                m.put(FIELDS.get(i), values.get(i));
            }
            m.putAll(extra);
            return m;
        }

        static Line read(PageElement e) {
            return new Line(e.text("LineType"), e.text("lineDirNum"), e.text("MessageWaiting"), e.text("RingerName"),
                    e.text("LineLabel"), e.text("LineIconState"), e.extraLeaves(FIELDS));
        }
    }

    /** Flat pairs for printing: Line1.lineDirNum, Line1.LineIconState, … */
    public Map<String, String> fields() {
        Map<String, String> m = new LinkedHashMap<>();
        if (!status.isEmpty()) {
            m.put("Status", status);
        }
        for (int i = 0; i < lines.size(); i++) {
            String at = "Line" + (i + 1) + ".";
            lines.get(i).fields().forEach((k, v) -> m.put(at + k, v));
        }
        return m;
    }

    public String toXml() {
        List<PageElement> children = new ArrayList<>(List.of(PageElement.leaf("Prompt", prompt),
                PageElement.leaf("Notify", notification), PageElement.leaf("Status", status)));
        for (Line l : lines) {
            List<PageElement> fields = new ArrayList<>();
            l.fields().forEach((k, v) -> {
                if (!(k.equals("RingerName") && v.isEmpty())) {
                    fields.add(PageElement.leaf(k, v));
                }
            });
            children.add(PageElement.of("CiscoIPPhoneLines", fields));
        }
        return PageElement.of(ROOT, children).toXml();
    }

    /** The page; {@link io.phonectl.xsi.XsiParseException} for anything else, an HTML page above all. */
    public static LineInfo parse(byte[] xml) {
        PageElement root = PageElement.read(xml, ROOT, ROOT::equalsIgnoreCase);
        return new LineInfo(root.text("Prompt"), root.text("Notify"), root.text("Status"),
                root.all("CiscoIPPhoneLines").stream().map(Line::read).toList());
    }
}
