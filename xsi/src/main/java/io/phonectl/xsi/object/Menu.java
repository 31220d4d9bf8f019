package io.phonectl.xsi.object;

import io.phonectl.xsi.Sources;

import java.util.ArrayList;
import java.util.List;

/** CiscoIPPhoneMenu: up to 100 items of up to 64 characters. */
public record Menu(String title, String prompt, List<MenuItem> items, List<SoftKeyItem> softKeys, AppEvents events)
        implements XsiObject {

    public Menu {
        items = Common.list(items);
        softKeys = Common.list(softKeys);
        events = Common.events(events);
        Checks c = new Checks();
        Common.screen(c, title, prompt, softKeys, events);
        Common.items(c, "MenuItem", items, Limits.MENU_ITEMS, Sources.CONTROL_SPEC);
        c.throwIfAny();
    }

    @Override
    public String rootElement() {
        return "CiscoIPPhoneMenu";
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String title;
        private String prompt;
        private final List<MenuItem> items = new ArrayList<>();
        private final List<SoftKeyItem> softKeys = new ArrayList<>();
        private AppEvents events = AppEvents.NONE;

        public Builder title(String v) { title = v; return this; }
        public Builder prompt(String v) { prompt = v; return this; }
        public Builder item(String name, String url) { items.add(MenuItem.of(name, url)); return this; }
        public Builder item(MenuItem v) { items.add(v); return this; }
        public Builder softKey(SoftKeyItem v) { softKeys.add(v); return this; }
        public Builder events(AppEvents v) { events = v; return this; }
        public Menu build() { return new Menu(title, prompt, items, softKeys, events); }
    }
}
