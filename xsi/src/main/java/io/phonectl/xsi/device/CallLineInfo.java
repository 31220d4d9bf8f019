package io.phonectl.xsi.device;

import java.util.List;
import java.util.Objects;

/**
 * {@code /CGI/CallInfo} and {@code /CGI/Java/CallInfo<line>}: one line's state and its calls, root
 * {@code CiscoIPPhoneCallLineInfo} (sample in the Cisco IP Phone 8800 and 7832 administration guides, "Sample CallInfo
 * Output"). States use the words the samples and LineInfo use (ONHOOK, OFFHOOK, RINGING, CONNECTED, ONHOLD…);
 * {@code callDuration} is in milliseconds (an assumption: the sample's 12835 reads as a 12.8 s call).
 */
public record CallLineInfo(String lineDirNum, String lineState, List<Call> calls, List<Feature> visibleFeatures) {

    public static final String ROOT = "CiscoIPPhoneCallLineInfo";

    /** One {@code CiscoIPPhoneCallInfo}. */
    public record Call(String callState, String callType, String callingPartyName, String callingPartyDirNum,
                       String calledPartyName, String calledPartyDirNum, String huntPilotName, String callReference,
                       long callDuration, String callStatus, String callSecurity, String callPrecedence) {
        public Call {
            callState = Objects.requireNonNullElse(callState, "");
            callType = Objects.requireNonNullElse(callType, "");
            callingPartyName = Objects.requireNonNullElse(callingPartyName, "");
            callingPartyDirNum = Objects.requireNonNullElse(callingPartyDirNum, "");
            calledPartyName = Objects.requireNonNullElse(calledPartyName, "");
            calledPartyDirNum = Objects.requireNonNullElse(calledPartyDirNum, "");
            huntPilotName = Objects.requireNonNullElse(huntPilotName, "");
            callReference = Objects.requireNonNullElse(callReference, "");
            callStatus = Objects.requireNonNullElse(callStatus, "");
            callSecurity = Objects.requireNonNullElse(callSecurity, "");
            callPrecedence = Objects.requireNonNullElse(callPrecedence, "");
        }
    }

    /** A softkey of the call screen: {@code <Feature Position="1" Enabled="true" Label="End Call"/>}. */
    public record Feature(int position, boolean enabled, String label) {
        public Feature {
            label = Objects.requireNonNullElse(label, "");
        }
    }

    public CallLineInfo {
        lineDirNum = Objects.requireNonNullElse(lineDirNum, "");
        lineState = Objects.requireNonNullElse(lineState, "");
        calls = calls == null ? List.of() : List.copyOf(calls);
        visibleFeatures = visibleFeatures == null ? List.of() : List.copyOf(visibleFeatures);
    }

    public String toXml() {
        StringBuilder b = new StringBuilder(512).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<").append(ROOT).append(">\n");
        InfoTree.field(b, "  ", "Prompt", "");
        InfoTree.field(b, "  ", "Notify", "");
        InfoTree.field(b, "  ", "Status", "");
        InfoTree.field(b, "  ", "LineDirNum", lineDirNum);
        InfoTree.field(b, "  ", "LineState", lineState);
        for (Call c : calls) {
            b.append("  <CiscoIPPhoneCallInfo>\n");
            InfoTree.field(b, "    ", "CallState", c.callState());
            InfoTree.field(b, "    ", "CallType", c.callType());
            InfoTree.field(b, "    ", "CallingPartyName", c.callingPartyName());
            InfoTree.field(b, "    ", "CallingPartyDirNum", c.callingPartyDirNum());
            InfoTree.field(b, "    ", "CalledPartyName", c.calledPartyName());
            InfoTree.field(b, "    ", "CalledPartyDirNum", c.calledPartyDirNum());
            InfoTree.field(b, "    ", "HuntPilotName", c.huntPilotName());
            InfoTree.field(b, "    ", "CallReference", c.callReference());
            InfoTree.field(b, "    ", "CallDuration", Long.toString(c.callDuration()));
            InfoTree.field(b, "    ", "CallStatus", c.callStatus());
            InfoTree.field(b, "    ", "CallSecurity", c.callSecurity());
            InfoTree.field(b, "    ", "CallPrecedence", c.callPrecedence());
            InfoTree.field(b, "    ", "FeatureList", "");
            b.append("  </CiscoIPPhoneCallInfo>\n");
        }
        b.append("  <VisibleFeatureList>\n");
        for (Feature f : visibleFeatures) {
            b.append("    <Feature Position=\"").append(f.position()).append("\" Enabled=\"").append(f.enabled())
                    .append("\" Label=\"").append(DevicePageCodec.escape(f.label())).append("\"/>\n");
        }
        return b.append("  </VisibleFeatureList>\n</").append(ROOT).append(">\n").toString();
    }

    /** Tolerant: missing fields read as empty (0 for the duration), unknown ones are ignored. */
    public static CallLineInfo parse(byte[] xml) {
        InfoTree t = InfoTree.parse(xml, ROOT);
        List<Call> calls = t.all("CiscoIPPhoneCallInfo").stream().map(c -> new Call(c.text("CallState"),
                c.text("CallType"), c.text("CallingPartyName"), c.text("CallingPartyDirNum"), c.text("CalledPartyName"),
                c.text("CalledPartyDirNum"), c.text("HuntPilotName"), c.text("CallReference"), c.number("CallDuration", 0),
                c.text("CallStatus"), c.text("CallSecurity"), c.text("CallPrecedence"))).toList();
        InfoTree list = t.first("VisibleFeatureList");
        List<Feature> features = list == null ? List.of() : list.all("Feature").stream().map(f -> new Feature(
                integer(f.attributes().get("Position")), "true".equalsIgnoreCase(f.attributes().get("Enabled")),
                f.attributes().get("Label"))).toList();
        return new CallLineInfo(t.text("LineDirNum"), t.text("LineState"), calls, features);
    }

    static int integer(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
