package io.phonectl.xsi.device;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code /CGI/CallInfo} (and {@code /CGI/Java/CallInfo<line>}): one line's state and its calls, as the
 * {@code CiscoIPPhoneCallLineInfo} document of Cisco's phone administration guides ("Request Information from the Phone
 * in XML", sample CallInfo output; the {@code /CGI/} path is the one UCMC's {@code xmlinfo} asks, reference notes
 * §2.5). Password-protected on the phones. Named after the document's root, not the path. Read tolerantly: any field
 * may be absent (read as ""), names in any case, unknown leaves kept in {@code extra}; written in the sample's element
 * names and order (the simulator serves this writer's output).
 *
 * @param lineState       the words the sample and LineInfo use: ONHOOK, OFFHOOK, RINGING, CONNECTED, ONHOLD…
 * @param visibleFeatures the softkeys the phone shows for the call ({@code VisibleFeatureList})
 */
public record CallLineInfo(String prompt, String notification, String status, String lineDirNum, String lineState,
                       List<Call> calls, List<Feature> visibleFeatures, Map<String, String> extra) {

    public static final String ROOT = "CiscoIPPhoneCallLineInfo";
    public static final String PATH = "/CGI/CallInfo";
    static final List<String> KNOWN = List.of("Prompt", "Notify", "Status", "LineDirNum", "LineState");

    public CallLineInfo {
        prompt = Objects.requireNonNullElse(prompt, "");
        notification = Objects.requireNonNullElse(notification, "");
        status = Objects.requireNonNullElse(status, "");
        lineDirNum = Objects.requireNonNullElse(lineDirNum, "");
        lineState = Objects.requireNonNullElse(lineState, "");
        calls = List.copyOf(calls);
        visibleFeatures = List.copyOf(visibleFeatures);
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    /**
     * One {@code CiscoIPPhoneCallInfo}.
     *
     * @param callDuration as the phone writes it; milliseconds is an ASSUMPTION (the guide's sample 12835 reads as a
     *                     12.8 s call), which the simulator follows
     * @param features     its {@code FeatureList}
     */
    public record Call(String callState, String callType, String callingPartyName, String callingPartyDirNum,
                       String calledPartyName, String calledPartyDirNum, String huntPilotName, String callReference,
                       String callDuration, String callStatus, String callSecurity, String callPrecedence,
                       List<Feature> features, Map<String, String> extra) {

        static final List<String> FIELDS = List.of("CallState", "CallType", "CallingPartyName", "CallingPartyDirNum",
                "CalledPartyName", "CalledPartyDirNum", "HuntPilotName", "CallReference", "CallDuration", "CallStatus",
                "CallSecurity", "CallPrecedence");

        public Call {
            callState = Objects.requireNonNullElse(callState, "");
            callType = Objects.requireNonNullElse(callType, "");
            callingPartyName = Objects.requireNonNullElse(callingPartyName, "");
            callingPartyDirNum = Objects.requireNonNullElse(callingPartyDirNum, "");
            calledPartyName = Objects.requireNonNullElse(calledPartyName, "");
            calledPartyDirNum = Objects.requireNonNullElse(calledPartyDirNum, "");
            huntPilotName = Objects.requireNonNullElse(huntPilotName, "");
            callReference = Objects.requireNonNullElse(callReference, "");
            callDuration = Objects.requireNonNullElse(callDuration, "");
            callStatus = Objects.requireNonNullElse(callStatus, "");
            callSecurity = Objects.requireNonNullElse(callSecurity, "");
            callPrecedence = Objects.requireNonNullElse(callPrecedence, "");
            features = List.copyOf(features);
            extra = extra == null ? Map.of() : Map.copyOf(extra);
        }

        /** The fields in the document's order, then any the phone added. */
        public Map<String, String> fields() {
            List<String> values = List.of(callState, callType, callingPartyName, callingPartyDirNum, calledPartyName,
                    calledPartyDirNum, huntPilotName, callReference, callDuration, callStatus, callSecurity,
                    callPrecedence);
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < FIELDS.size(); i++) {
                m.put(FIELDS.get(i), values.get(i));
            }
            m.putAll(extra);
            return m;
        }

        static Call read(PageElement e) {
            return new Call(e.text("CallState"), e.text("CallType"), e.text("CallingPartyName"),
                    e.text("CallingPartyDirNum"), e.text("CalledPartyName"), e.text("CalledPartyDirNum"),
                    e.text("HuntPilotName"), e.text("CallReference"), e.text("CallDuration"), e.text("CallStatus"),
                    e.text("CallSecurity"), e.text("CallPrecedence"), Feature.list(e.child("FeatureList")),
                    e.extraLeaves(FIELDS));
        }

        PageElement element() {
            List<PageElement> children = new ArrayList<>();
            fields().forEach((k, v) -> children.add(PageElement.leaf(k, v)));
            children.add(PageElement.of("FeatureList", features.stream().map(Feature::element).toList()));
            return PageElement.of("CiscoIPPhoneCallInfo", children);
        }
    }

    /** A softkey of the call screen: {@code <Feature Position="1" Enabled="true" Label="End Call"/>}. */
    public record Feature(int position, boolean enabled, String label) {
        public Feature {
            label = Objects.requireNonNullElse(label, "");
        }

        static List<Feature> list(PageElement parent) {
            return parent.all("Feature").stream().map(f -> new Feature(
                    (int) Math.min(Integer.MAX_VALUE, DevicePageCodec.digits(f.attribute("Position"))),
                    f.attribute("Enabled").strip().equalsIgnoreCase("true"), f.attribute("Label"))).toList();
        }

        PageElement element() {
            Map<String, String> a = new LinkedHashMap<>();
            a.put("Position", String.valueOf(position));
            a.put("Enabled", String.valueOf(enabled));
            a.put("Label", label);
            return PageElement.withAttributes("Feature", a);
        }
    }

    /** Flat {@code name: value} pairs for printing: the line, then each call as Call1.CallState…, then the softkeys. */
    public Map<String, String> fields() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("LineDirNum", lineDirNum);
        m.put("LineState", lineState);
        if (!status.isEmpty()) {
            m.put("Status", status);
        }
        m.putAll(extra);
        for (int i = 0; i < calls.size(); i++) {
            String at = "Call" + (i + 1) + ".";
            calls.get(i).fields().forEach((k, v) -> m.put(at + k, v));
        }
        for (Feature f : visibleFeatures) {
            m.put("Softkey" + f.position(), f.label() + (f.enabled() ? "" : " (disabled)"));
        }
        return m;
    }

    public String toXml() {
        List<PageElement> children = new ArrayList<>(List.of(PageElement.leaf("Prompt", prompt),
                PageElement.leaf("Notify", notification), PageElement.leaf("Status", status),
                PageElement.leaf("LineDirNum", lineDirNum), PageElement.leaf("LineState", lineState)));
        calls.forEach(c -> children.add(c.element()));
        children.add(PageElement.of("VisibleFeatureList", visibleFeatures.stream().map(Feature::element).toList()));
        return PageElement.of(ROOT, children).toXml();
    }

    /** The page; {@link io.phonectl.xsi.XsiParseException} for anything else, an HTML page above all. */
    public static CallLineInfo parse(byte[] xml) {
        PageElement root = PageElement.read(xml, ROOT, ROOT::equalsIgnoreCase);
        return new CallLineInfo(root.text("Prompt"), root.text("Notify"), root.text("Status"), root.text("LineDirNum"),
                root.text("LineState"), root.all("CiscoIPPhoneCallInfo").stream().map(Call::read).toList(),
                Feature.list(root.child("VisibleFeatureList")), root.extraLeaves(KNOWN));
    }
}
