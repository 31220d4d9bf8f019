package io.phonectl.xsi.codec;

import io.phonectl.xsi.object.AppEvents;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Child-element sequences (XSD order, reference notes §2.1/§2.4; the seeds' examples for component messages).
 * Strict mode requires children in this order and nothing else; lenient mode accepts any order and ignores
 * unknown elements. Elements not listed here are leaves.
 */
final class Schema {
    private Schema() {
    }


    static final Map<String, List<String>> SEQUENCES = Map.ofEntries(
            Map.entry("CiscoIPPhoneMenu", List.of("Title", "Prompt", "MenuItem", "SoftKeyItem")),
            Map.entry("CiscoIPPhoneText", List.of("Title", "Prompt", "Text", "SoftKeyItem")),
            Map.entry("CiscoIPPhoneInput", List.of("Title", "Prompt", "URL", "InputItem", "SoftKeyItem")),
            Map.entry("CiscoIPPhoneDirectory", List.of("Title", "Prompt", "DirectoryEntry", "SoftKeyItem")),
            Map.entry("CiscoIPPhoneImage", List.of("Title", "Prompt", "LocationX", "LocationY", "Width", "Height",
                    "Depth", "Data", "SoftKeyItem")),
            Map.entry("CiscoIPPhoneImageFile", List.of("Title", "Prompt", "LocationX", "LocationY", "URL",
                    "SoftKeyItem")),
            Map.entry("CiscoIPPhoneGraphicMenu", List.of("Title", "Prompt", "LocationX", "LocationY", "Width",
                    "Height", "Depth", "Data", "MenuItem", "SoftKeyItem")),
            Map.entry("CiscoIPPhoneGraphicFileMenu", List.of("Title", "Prompt", "LocationX", "LocationY", "URL",
                    "MenuItem", "SoftKeyItem")),
            Map.entry("CiscoIPPhoneIconMenu", List.of("Title", "Prompt", "MenuItem", "SoftKeyItem", "IconItem")),
            Map.entry("CiscoIPPhoneIconFileMenu", List.of("Title", "Prompt", "MenuItem", "SoftKeyItem", "IconItem")),
            Map.entry("CiscoIPPhoneStatus", List.of("Text", "Timer", "LocationX", "LocationY", "Width", "Height",
                    "Depth", "Data")),
            Map.entry("CiscoIPPhoneStatusFile", List.of("Text", "Timer", "LocationX", "LocationY", "URL")),
            Map.entry("CiscoIPPhoneExecute", List.of("ExecuteItem")),
            Map.entry("CiscoIPPhoneResponse", List.of("ResponseItem")),
            Map.entry("MenuItem", List.of("IconIndex", "Name", "URL", "TouchArea")),
            Map.entry("SoftKeyItem", List.of("Name", "Position", "URL", "URLDown")),
            Map.entry("InputItem", List.of("DisplayName", "QueryStringParam", "DefaultValue", "InputFlags")),
            Map.entry("DirectoryEntry", List.of("Name", "Telephone")),
            Map.entry("IconItem", List.of("Index", "Height", "Width", "Depth", "Data", "URL")),
            Map.entry("ExecuteItem", List.of()),
            Map.entry("ResponseItem", List.of()),
            Map.entry("TouchArea", List.of()),
            Map.entry("setBackground", List.of("background")),
            Map.entry("background", List.of("image", "icon")),
            Map.entry("setRingTone", List.of("ringTone")),
            Map.entry("startMedia", List.of("mediaStream")),
            Map.entry("stopMedia", List.of("mediaStream")),
            Map.entry("mediaStream", List.of("type", "codec", "mode", "address", "port")),
            Map.entry("errorResponse", List.of("type", "data")),
            Map.entry("notifyMediaEvent", List.of("mediaStream")),
            Map.entry("notifyApplicationEvent", List.of()),
            Map.entry("getDeviceCaps", List.of()),
            Map.entry("getDeviceCapsResponse", List.of("physical", "services")),
            Map.entry("physical", List.of("modelNumber", "display")),
            Map.entry("display", List.of()),
            Map.entry("services", List.of("browser")));

    private static final Set<String> SCREEN_ATTRIBUTES = Set.copyOf(AppEvents.ATTRIBUTES);
    private static final Set<String> GRAPHIC_ATTRIBUTES = union(AppEvents.ATTRIBUTES, List.of("WindowMode"));

    /** Attributes each element may carry (names are case-sensitive); elements not listed carry none. */
    static final Map<String, Set<String>> ATTRIBUTES = Map.ofEntries(
            Map.entry("CiscoIPPhoneMenu", SCREEN_ATTRIBUTES),
            Map.entry("CiscoIPPhoneText", SCREEN_ATTRIBUTES),
            Map.entry("CiscoIPPhoneInput", SCREEN_ATTRIBUTES),
            Map.entry("CiscoIPPhoneDirectory", SCREEN_ATTRIBUTES),
            Map.entry("CiscoIPPhoneImage", SCREEN_ATTRIBUTES),
            Map.entry("CiscoIPPhoneImageFile", SCREEN_ATTRIBUTES),
            Map.entry("CiscoIPPhoneGraphicMenu", GRAPHIC_ATTRIBUTES),
            Map.entry("CiscoIPPhoneGraphicFileMenu", GRAPHIC_ATTRIBUTES),
            Map.entry("CiscoIPPhoneIconMenu", SCREEN_ATTRIBUTES),
            Map.entry("CiscoIPPhoneIconFileMenu", SCREEN_ATTRIBUTES),
            Map.entry("ExecuteItem", Set.of("Priority", "URL")),
            Map.entry("ResponseItem", Set.of("URL", "Data", "Status")),
            Map.entry("CiscoIPPhoneError", Set.of("Number")),
            Map.entry("URL", Set.of("method")),
            Map.entry("TouchArea", Set.of("X1", "Y1", "X2", "Y2")),
            Map.entry("mediaStream", Set.of("id", "onStopped", "receiveVolume")),
            Map.entry("notifyMediaEvent", Set.of("type", "origin")),
            Map.entry("notifyApplicationEvent", Set.of("appId", "type")),
            Map.entry("display", Set.of("width", "height", "bitDepth", "isColor")),
            Map.entry("services", Set.of("sdkVersion")));

    private static Set<String> union(List<String> a, List<String> b) {
        java.util.Set<String> s = new java.util.HashSet<>(a);
        s.addAll(b);
        return Set.copyOf(s);
    }

    static final Set<String> REPEATING = Set.of("MenuItem", "SoftKeyItem", "InputItem", "DirectoryEntry", "IconItem",
            "ExecuteItem", "ResponseItem");

    /** xs:all in the RTP error schema: any order even in strict mode. */
    private static final Set<String> UNORDERED = Set.of("errorResponse");

    static boolean isContainer(String name) {
        return SEQUENCES.containsKey(name);
    }

    /** Strict mode: order, membership and multiplicity of every container's children, recursively. */
    static void checkStrict(Node n, boolean root) {
        Set<String> allowed = ATTRIBUTES.getOrDefault(n.name, Set.of());
        for (String a : n.attrs.keySet()) {
            if (!allowed.contains(a) && !a.startsWith("xmlns")) {
                throw n.error("unknown attribute " + a + " (names are case-sensitive); allowed: " + allowed);
            }
        }
        List<String> seq = SEQUENCES.get(n.name);
        if (seq == null) {
            if (!n.children.isEmpty()) {
                throw n.children.get(0).error("unexpected element inside <" + n.name + ">");
            }
            return;
        }
        if (!n.text().isBlank()) {
            throw n.error("unexpected text inside <" + n.name + ">");
        }
        int last = -1;
        String lastName = null;
        for (Node c : n.children) {
            if (root && AppEvents.ATTRIBUTES.contains(c.name)) {
                continue; // reported as a violation by the object reader, not a parse error
            }
            int idx = seq.indexOf(c.name);
            if (idx < 0) {
                throw c.error("unknown element in <" + n.name + ">; allowed: " + seq);
            }
            if (idx == last && !REPEATING.contains(c.name)) {
                throw c.error("appears more than once in <" + n.name + ">");
            }
            if (idx < last && !UNORDERED.contains(n.name)) {
                throw c.error("out of order: must come before <" + lastName + "> (XSD order " + seq + ")");
            }
            last = Math.max(last, idx);
            lastName = seq.get(last);
            checkStrict(c, false);
        }
    }

}
