package io.phonectl.xsi.device;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code /CGI/SettingsInfo}: the phone's user settings, the fourth page UCMC's {@code xmlinfo} reads (reference notes
 * §2.5). No public source shows its document, so its shape is an ASSUMPTION modelled on the three documented pages:
 * a root named like theirs ({@link #ROOT}), the common {@code Prompt}/{@code Notify}/{@code Status}, then settings as
 * elements. The reader takes any root whose name contains "Settings" and keeps every leaf it finds, nested ones named
 * by their path ({@code Group.Name}) and repeats numbered ({@code Name#2}), so whatever a phone sends is kept.
 */
public record SettingsInfo(String root, String prompt, String notification, String status, Map<String, String> settings) {

    public static final String ROOT = "CiscoIPPhoneSettingsInfo";
    public static final String PATH = "/CGI/SettingsInfo";
    static final List<String> COMMON = List.of("Prompt", "Notify", "Status");

    public SettingsInfo {
        root = Objects.requireNonNullElse(root, ROOT);
        prompt = Objects.requireNonNullElse(prompt, "");
        notification = Objects.requireNonNullElse(notification, "");
        status = Objects.requireNonNullElse(status, "");
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** Whether a document root can be this page's. */
    public static boolean isRoot(String name) {
        return name != null && name.toLowerCase(java.util.Locale.ROOT).contains("settings");
    }

    public Map<String, String> fields() {
        Map<String, String> m = new LinkedHashMap<>();
        if (!status.isEmpty()) {
            m.put("Status", status);
        }
        m.putAll(settings);
        return m;
    }

    /**
     * Flat settings as leaves of the root: a dotted name is written as it is and a repeat without its {@code #n} (the
     * reader gives both back as they were).
     */
    public String toXml() {
        List<PageElement> children = new ArrayList<>(List.of(PageElement.leaf("Prompt", prompt),
                PageElement.leaf("Notify", notification), PageElement.leaf("Status", status)));
        settings.forEach((k, v) -> children.add(PageElement.leaf(k.replaceFirst("#\\d+$", ""), v)));
        return PageElement.of(root, children).toXml();
    }

    /** The page (any root {@link #isRoot} accepts); {@link io.phonectl.xsi.XsiParseException} for anything else. */
    public static SettingsInfo parse(byte[] xml) {
        PageElement r = PageElement.read(xml, ROOT, SettingsInfo::isRoot);
        Map<String, String> settings = new LinkedHashMap<>();
        for (PageElement c : r.children()) {
            if (c.children().isEmpty() && COMMON.stream().anyMatch(c.name()::equalsIgnoreCase)) {
                continue;
            }
            collect(c, "", settings);
        }
        return new SettingsInfo(r.name(), r.text("Prompt"), r.text("Notify"), r.text("Status"), settings);
    }

    private static void collect(PageElement e, String prefix, Map<String, String> out) {
        String name = prefix + e.name();
        if (e.children().isEmpty()) {
            String key = name;
            for (int n = 2; out.containsKey(key); n++) {
                key = name + "#" + n;
            }
            out.put(key, e.text());
            return;
        }
        e.children().forEach(c -> collect(c, name + ".", out));
    }
}
