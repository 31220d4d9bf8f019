package io.phonectl.xsi.uri;

import io.phonectl.xsi.Sources;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code Key:<name>}: a named key press. Numbered keys carry their number in the name (Line12, KeyPad7,
 * Key_3). Spelling variants NavDown, VolDown and KemPage are accepted and stored in the spec's canonical
 * spelling NavDwn, VolDwn, KEMPage.
 */
public record KeyUri(String key) implements InternalUri {

    private static final Set<String> NAMED = Set.of("Applications", "AppMenu", "Conference", "Contacts",
            "Directories", "Headset", "Hold", "Info", "KEMPage", "KeyPadPound", "KeyPadStar", "Messages", "Mute",
            "NavBack", "NavDwn", "NavLeft", "NavRight", "NavSelect", "NavUp", "NavOffhook", "NavOnhook", "Offhook",
            "Onhook", "PTT", "Release", "Services", "Settings", "Speaker", "Transfer", "VolDwn", "VolUp",
            "Key_Asterisk", "Key_Period", "Key_NumberSign");
    private static final Map<String, String> VARIANTS = Map.of("NavDown", "NavDwn", "VolDown", "VolDwn",
            "KemPage", "KEMPage");
    /** Numbered key stems with their inclusive ranges (control spec key tables). */
    private static final Map<String, int[]> NUMBERED = Map.of("Line", new int[] {1, 120}, "Feature", new int[] {1, 120},
            "FixedFeature", new int[] {1, 3}, "KeyPad", new int[] {0, 9}, "Session", new int[] {1, 6},
            "Soft", new int[] {1, 5}, "Key_", new int[] {0, 9});

    public KeyUri {
        key = canonical(key);
    }

    public static KeyUri of(String key) {
        return new KeyUri(key);
    }

    @Override
    public String family() {
        return "Key";
    }

    @Override
    public String format() {
        return "Key:" + key;
    }

    @Override
    public String feature() {
        return "Key:" + key;
    }

    /** Every canonical key name, named keys first then numbered ones (for listings and completion). */
    public static List<String> allKeys() {
        List<String> out = new ArrayList<>(new TreeSet<>(NAMED));
        for (String stem : new TreeSet<>(NUMBERED.keySet())) {
            int[] range = NUMBERED.get(stem);
            for (int n = range[0]; n <= range[1]; n++) {
                out.add(stem + n);
            }
        }
        return List.copyOf(out);
    }

    /** The number of a numbered key (Line12 → 12), or -1 for a named key. */
    public int number() {
        String stem = stem();
        return stem.equals(key) ? -1 : Integer.parseInt(key.substring(stem.length()));
    }

    /** The key name without its number: "Line" for Line12, "Key_" for Key_3, the name itself otherwise. */
    public String stem() {
        int end = key.length();
        while (end > 0 && Character.isDigit(key.charAt(end - 1))) {
            end--;
        }
        return end < key.length() && NUMBERED.containsKey(key.substring(0, end)) ? key.substring(0, end) : key;
    }

    private static String canonical(String key) {
        UriRules.required("Key name", key, Sources.CONTROL_SPEC);
        String named = VARIANTS.getOrDefault(key, key);
        if (NAMED.contains(named)) {
            return named;
        }
        int end = key.length();
        while (end > 0 && Character.isDigit(key.charAt(end - 1))) {
            end--;
        }
        int[] range = NUMBERED.get(key.substring(0, end));
        if (range != null && end < key.length()) {
            String digits = key.substring(end);
            if (digits.length() > 1 && digits.charAt(0) == '0') {
                throw UriRules.fail("Key name", key, "key numbers are written without leading zeros", Sources.CONTROL_SPEC);
            }
            UriRules.integer("Key " + key.substring(0, end) + " number", digits, range[0], range[1], Sources.CONTROL_SPEC);
            return key;
        }
        throw UriRules.fail("Key name", key, "must be a key name of the control spec (e.g. Line1-120, Feature1-120,"
                + " FixedFeature1-3, KeyPad0-9, KeyPadStar, KeyPadPound, Session1-6, Soft1-5, NavUp, VolDwn, Key_0-9)",
                Sources.CONTROL_SPEC);
    }
}
