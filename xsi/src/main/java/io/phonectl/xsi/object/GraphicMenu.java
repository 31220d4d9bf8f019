package io.phonectl.xsi.object;

import io.phonectl.xsi.Sources;

import java.util.ArrayList;
import java.util.List;

/** CiscoIPPhoneGraphicMenu: an inline bitmap of at most 133 x 65 (2162 bytes) with up to 12 numbered items. */
public record GraphicMenu(WindowMode windowMode, String title, String prompt, Integer locationX, Integer locationY,
                          Bitmap bitmap, List<MenuItem> items, List<SoftKeyItem> softKeys, AppEvents events)
        implements XsiObject {

    public GraphicMenu {
        items = Common.list(items);
        softKeys = Common.list(softKeys);
        events = Common.events(events);
        Checks c = new Checks();
        Common.screen(c, title, prompt, softKeys, events);
        Common.location(c, locationX, locationY);
        if (bitmap == null) {
            c.add("Data", null, "is required", Sources.XSD);
        } else {
            bitmap.check(c, "", Limits.GRAPHIC_WIDTH, Limits.GRAPHIC_HEIGHT, Limits.GRAPHIC_DATA_BYTES,
                    Sources.NOTES_OBJECTS);
        }
        Common.items(c, "MenuItem", items, Limits.GRAPHIC_MENU_ITEMS, Sources.NOTES_OBJECTS);
        c.throwIfAny();
    }

    @Override
    public String rootElement() {
        return "CiscoIPPhoneGraphicMenu";
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private WindowMode mode;
        private String title;
        private String prompt;
        private Integer x;
        private Integer y;
        private Bitmap bitmap;
        private final List<MenuItem> items = new ArrayList<>();
        private final List<SoftKeyItem> softKeys = new ArrayList<>();
        private AppEvents events = AppEvents.NONE;

        public Builder windowMode(WindowMode v) { mode = v; return this; }
        public Builder title(String v) { title = v; return this; }
        public Builder prompt(String v) { prompt = v; return this; }
        public Builder location(int lx, int ly) { x = lx; y = ly; return this; }
        public Builder bitmap(Bitmap v) { bitmap = v; return this; }
        public Builder item(String name, String url) { items.add(MenuItem.of(name, url)); return this; }
        public Builder softKey(SoftKeyItem v) { softKeys.add(v); return this; }
        public Builder events(AppEvents v) { events = v; return this; }
        public GraphicMenu build() { return new GraphicMenu(mode, title, prompt, x, y, bitmap, items, softKeys, events); }
    }
}
