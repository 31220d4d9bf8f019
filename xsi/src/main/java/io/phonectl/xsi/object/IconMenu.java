package io.phonectl.xsi.object;

import io.phonectl.xsi.Sources;

import java.util.ArrayList;
import java.util.List;

/** CiscoIPPhoneIconMenu: up to 32 items, each pointing at one of up to 10 inline icons of at most 16 x 10. */
public record IconMenu(String title, String prompt, List<MenuItem> items, List<SoftKeyItem> softKeys,
                       List<IconItem> icons, AppEvents events) implements XsiObject {

    public IconMenu {
        items = Common.list(items);
        softKeys = Common.list(softKeys);
        icons = Common.list(icons);
        events = Common.events(events);
        Checks c = new Checks();
        Common.screen(c, title, prompt, softKeys, events);
        Common.items(c, "MenuItem", items, Limits.ICON_MENU_ITEMS, Sources.CONTROL_SPEC);
        c.maxCount("IconItem", icons, Limits.ICONS, Sources.NOTES_OBJECTS);
        for (int i = 0; i < icons.size(); i++) {
            icons.get(i).check(c, "IconItem[" + i + "]");
        }
        c.throwIfAny();
    }

    @Override
    public String rootElement() {
        return "CiscoIPPhoneIconMenu";
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String title;
        private String prompt;
        private final List<MenuItem> items = new ArrayList<>();
        private final List<SoftKeyItem> softKeys = new ArrayList<>();
        private final List<IconItem> icons = new ArrayList<>();
        private AppEvents events = AppEvents.NONE;

        public Builder title(String v) { title = v; return this; }
        public Builder prompt(String v) { prompt = v; return this; }
        public Builder item(int iconIndex, String name, String url) { items.add(MenuItem.withIcon(iconIndex, name, url)); return this; }
        public Builder icon(int index, Bitmap bitmap) { icons.add(new IconItem(index, bitmap)); return this; }
        public Builder softKey(SoftKeyItem v) { softKeys.add(v); return this; }
        public Builder events(AppEvents v) { events = v; return this; }
        public IconMenu build() { return new IconMenu(title, prompt, items, softKeys, icons, events); }
    }
}
