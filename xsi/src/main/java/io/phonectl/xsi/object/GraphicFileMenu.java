package io.phonectl.xsi.object;

import io.phonectl.xsi.Sources;

import java.util.ArrayList;
import java.util.List;

/** CiscoIPPhoneGraphicFileMenu: a PNG from {@code url} with items selected by touch areas. */
public record GraphicFileMenu(WindowMode windowMode, String title, String prompt, Integer locationX,
                              Integer locationY, String url, List<MenuItem> items, List<SoftKeyItem> softKeys,
                              AppEvents events) implements XsiObject {

    public GraphicFileMenu {
        items = Common.list(items);
        softKeys = Common.list(softKeys);
        events = Common.events(events);
        Checks c = new Checks();
        Common.screen(c, title, prompt, softKeys, events);
        Common.location(c, locationX, locationY);
        c.required("URL", url, Sources.XSD);
        Common.items(c, "MenuItem", items, Limits.MENU_ITEMS, Sources.CONTROL_SPEC);
        c.throwIfAny();
    }

    @Override
    public String rootElement() {
        return "CiscoIPPhoneGraphicFileMenu";
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
        private String url;
        private final List<MenuItem> items = new ArrayList<>();
        private final List<SoftKeyItem> softKeys = new ArrayList<>();
        private AppEvents events = AppEvents.NONE;

        public Builder windowMode(WindowMode v) { mode = v; return this; }
        public Builder title(String v) { title = v; return this; }
        public Builder prompt(String v) { prompt = v; return this; }
        public Builder location(int lx, int ly) { x = lx; y = ly; return this; }
        public Builder url(String v) { url = v; return this; }
        public Builder item(String name, String itemUrl, TouchArea area) {
            items.add(MenuItem.withTouchArea(name, itemUrl, area));
            return this;
        }
        public Builder softKey(SoftKeyItem v) { softKeys.add(v); return this; }
        public Builder events(AppEvents v) { events = v; return this; }
        public GraphicFileMenu build() {
            return new GraphicFileMenu(mode, title, prompt, x, y, url, items, softKeys, events);
        }
    }
}
