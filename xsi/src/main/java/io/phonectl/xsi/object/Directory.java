package io.phonectl.xsi.object;

import io.phonectl.xsi.Sources;

import java.util.ArrayList;
import java.util.List;

/** CiscoIPPhoneDirectory: up to 32 entries, so larger directories must be paginated. */
public record Directory(String title, String prompt, List<DirectoryEntry> entries, List<SoftKeyItem> softKeys,
                        AppEvents events) implements XsiObject {

    public Directory {
        entries = Common.list(entries);
        softKeys = Common.list(softKeys);
        events = Common.events(events);
        Checks c = new Checks();
        Common.screen(c, title, prompt, softKeys, events);
        c.maxCount("DirectoryEntry", entries, Limits.DIRECTORY_ENTRIES, Sources.CONTROL_SPEC);
        for (int i = 0; i < entries.size(); i++) {
            entries.get(i).check(c, "DirectoryEntry[" + i + "]");
        }
        c.throwIfAny();
    }

    @Override
    public String rootElement() {
        return "CiscoIPPhoneDirectory";
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String title;
        private String prompt;
        private final List<DirectoryEntry> entries = new ArrayList<>();
        private final List<SoftKeyItem> softKeys = new ArrayList<>();
        private AppEvents events = AppEvents.NONE;

        public Builder title(String v) { title = v; return this; }
        public Builder prompt(String v) { prompt = v; return this; }
        public Builder entry(String name, String telephone) { entries.add(new DirectoryEntry(name, telephone)); return this; }
        public Builder softKey(SoftKeyItem v) { softKeys.add(v); return this; }
        public Builder events(AppEvents v) { events = v; return this; }
        public Directory build() { return new Directory(title, prompt, entries, softKeys, events); }
    }
}
