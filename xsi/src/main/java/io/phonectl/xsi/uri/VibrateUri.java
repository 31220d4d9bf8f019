package io.phonectl.xsi.uri;

import io.phonectl.xsi.Sources;

/**
 * {@code Vibrate[:<vibrateMs>:<silenceMs>:<count>]} (wireless phones). Durations 0-65536 ms; without parameters
 * the phone runs its default pattern. The seeds name the URI but not its syntax: the syntax is the one of
 * Cisco's development notes for the 7920/7921/7925 (see docs/xsi-uris-and-models.md).
 */
public record VibrateUri(Integer vibrateMs, Integer silenceMs, Integer count) implements InternalUri {

    public static final int MAX_MS = 65_536;
    public static final int MAX_COUNT = 65_536;

    public VibrateUri {
        boolean none = vibrateMs == null && silenceMs == null && count == null;
        if (!none && (vibrateMs == null || silenceMs == null || count == null)) {
            throw UriRules.fail("Vibrate", vibrateMs + ":" + silenceMs + ":" + count,
                    "give all three of vibrateDuration, silenceDuration, count, or none", Sources.CONTROL_SPEC);
        }
        UriRules.range("Vibrate vibrateDuration", vibrateMs, 0, MAX_MS, Sources.CONTROL_SPEC);
        UriRules.range("Vibrate silenceDuration", silenceMs, 0, MAX_MS, Sources.CONTROL_SPEC);
        UriRules.range("Vibrate count", count, 1, MAX_COUNT, Sources.CONTROL_SPEC);
    }

    public static VibrateUri defaults() {
        return new VibrateUri(null, null, null);
    }

    @Override
    public String family() {
        return "Vibrate";
    }

    @Override
    public String format() {
        return vibrateMs == null ? "Vibrate" : "Vibrate:" + vibrateMs + ":" + silenceMs + ":" + count;
    }

    static VibrateUri parse(String[] p) {
        if (p.length == 1) {
            return defaults();
        }
        if (p.length != 4) {
            throw UriRules.fail("Vibrate", String.join(":", p), "syntax is Vibrate[:vibrateMs:silenceMs:count]",
                    Sources.CONTROL_SPEC);
        }
        return new VibrateUri(UriRules.integer("Vibrate vibrateDuration", p[1], 0, MAX_MS, Sources.CONTROL_SPEC),
                UriRules.integer("Vibrate silenceDuration", p[2], 0, MAX_MS, Sources.CONTROL_SPEC),
                UriRules.integer("Vibrate count", p[3], 1, MAX_COUNT, Sources.CONTROL_SPEC));
    }
}
