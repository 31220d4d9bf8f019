package io.phonectl.xsi.device;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code /CGI/LineInfo} and {@code /CGI/Java/LineInfo}: the phone's lines and speed dials, root
 * {@code CiscoIPPhoneLineInfo} with one {@code CiscoIPPhoneLines} per button (sample in the 8800 and 7832 administration
 * guides). {@code LineIconState} words seen: ONHOOK, OFFHOOK, RINGING, CONNECTED, ONHOLD, REMOTELY_IN_USE, ON (speed
 * dial); {@code MessageWaiting} YES/NO (reference notes §2.5).
 */
public record LineInfo(List<Line> lines) {

    public static final String ROOT = "CiscoIPPhoneLineInfo";

    /** One button: {@code lineType} 9 is a directory number, 2 a speed dial in the sample. */
    public record Line(int lineType, String lineDirNum, String messageWaiting, String ringerName, String lineLabel,
                       String lineIconState) {
        public Line {
            lineDirNum = Objects.requireNonNullElse(lineDirNum, "");
            messageWaiting = Objects.requireNonNullElse(messageWaiting, "");
            ringerName = Objects.requireNonNullElse(ringerName, "");
            lineLabel = Objects.requireNonNullElse(lineLabel, "");
            lineIconState = Objects.requireNonNullElse(lineIconState, "");
        }

        public boolean hasMessageWaiting() {
            return messageWaiting.strip().toUpperCase(Locale.ROOT).equals("YES");
        }
    }

    public LineInfo {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public String toXml() {
        StringBuilder b = new StringBuilder(512).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<").append(ROOT).append(">\n");
        InfoTree.field(b, "  ", "Prompt", "");
        InfoTree.field(b, "  ", "Notify", "");
        InfoTree.field(b, "  ", "Status", "null");
        for (Line l : lines) {
            b.append("  <CiscoIPPhoneLines>\n");
            InfoTree.field(b, "    ", "LineType", Integer.toString(l.lineType()));
            InfoTree.field(b, "    ", "lineDirNum", l.lineDirNum());
            InfoTree.field(b, "    ", "MessageWaiting", l.messageWaiting());
            if (!l.ringerName().isEmpty()) {
                InfoTree.field(b, "    ", "RingerName", l.ringerName());
            }
            InfoTree.field(b, "    ", "LineLabel", l.lineLabel());
            InfoTree.field(b, "    ", "LineIconState", l.lineIconState());
            b.append("  </CiscoIPPhoneLines>\n");
        }
        return b.append("</").append(ROOT).append(">\n").toString();
    }

    /** Tolerant: missing fields read as empty (LineType 0); the case of {@code lineDirNum} varies, both are read. */
    public static LineInfo parse(byte[] xml) {
        InfoTree t = InfoTree.parse(xml, ROOT);
        return new LineInfo(t.all("CiscoIPPhoneLines").stream().map(l -> new Line(
                (int) l.number("LineType", 0), l.text("lineDirNum").isEmpty() ? l.text("LineDirNum") : l.text("lineDirNum"),
                l.text("MessageWaiting"), l.text("RingerName"), l.text("LineLabel"), l.text("LineIconState"))).toList());
    }
}
