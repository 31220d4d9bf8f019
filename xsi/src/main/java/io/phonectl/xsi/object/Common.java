package io.phonectl.xsi.object;

import io.phonectl.xsi.Sources;

import java.util.List;

/** Rules every display object shares (title, prompt, softkeys, event handlers), written once. */
final class Common {
    private Common() {
    }

    static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : List.copyOf(l);
    }

    static AppEvents events(AppEvents e) {
        return e == null ? AppEvents.NONE : e;
    }

    static void screen(Checks c, String title, String prompt, List<SoftKeyItem> softKeys, AppEvents events) {
        c.maxLength("Title", title, Limits.TITLE, Sources.CONTROL_SPEC);
        c.maxLength("Prompt", prompt, Limits.PROMPT, Sources.CONTROL_SPEC);
        c.maxCount("SoftKeyItem", softKeys, Limits.SOFTKEYS, Sources.NOTES_OBJECTS);
        for (int i = 0; i < softKeys.size(); i++) {
            softKeys.get(i).check(c, "SoftKeyItem[" + i + "]");
        }
        events.check(c);
    }

    static void location(Checks c, Integer x, Integer y) {
        c.range("LocationX", x, -1, Short.MAX_VALUE, Sources.CONTROL_SPEC);
        c.range("LocationY", y, -1, Short.MAX_VALUE, Sources.CONTROL_SPEC);
    }

    static void items(Checks c, String field, List<MenuItem> items, int max, String source) {
        c.maxCount(field, items, max, source);
        for (int i = 0; i < items.size(); i++) {
            items.get(i).check(c, field + "[" + i + "]");
        }
    }
}
