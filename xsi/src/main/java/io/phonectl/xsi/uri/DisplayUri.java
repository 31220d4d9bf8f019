package io.phonectl.xsi.uri;

import io.phonectl.xsi.Sources;

/** {@code Display:On:<minutes>}, {@code Display:Off:<minutes>} (0-1440, 0 = indefinitely) or {@code Display:Default}. */
public record DisplayUri(Mode mode, Integer minutes) implements InternalUri {

    public static final int MAX_MINUTES = 1440;

    public enum Mode { On, Off, Default }

    public DisplayUri {
        if (mode == null) {
            throw UriRules.fail("Display mode", null, "must be On, Off or Default", Sources.CONTROL_SPEC);
        }
        if (mode == Mode.Default && minutes != null) {
            throw UriRules.fail("Display minutes", minutes, "Display:Default takes no interval", Sources.CONTROL_SPEC);
        }
        if (mode != Mode.Default && minutes == null) {
            throw UriRules.fail("Display minutes", null, "Display:" + mode + " needs an interval of 0-1440 minutes",
                    Sources.CONTROL_SPEC);
        }
        UriRules.range("Display minutes", minutes, 0, MAX_MINUTES, Sources.CONTROL_SPEC);
    }

    public static DisplayUri on(int minutes) {
        return new DisplayUri(Mode.On, minutes);
    }

    public static DisplayUri off(int minutes) {
        return new DisplayUri(Mode.Off, minutes);
    }

    public static DisplayUri defaults() {
        return new DisplayUri(Mode.Default, null);
    }

    @Override
    public String family() {
        return "Display";
    }

    @Override
    public String format() {
        return "Display:" + mode + (minutes == null ? "" : ":" + minutes);
    }

    @Override
    public String feature() {
        return "Display:" + mode;
    }
}
