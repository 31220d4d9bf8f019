package io.phonectl.xsi.object;

import io.phonectl.xsi.Sources;

import java.util.ArrayList;
import java.util.List;

/** CiscoIPPhoneImage: an inline bitmap of depth 1..2 at (LocationX, LocationY); (-1,-1) centres it. */
public record Image(String title, String prompt, Integer locationX, Integer locationY, Bitmap bitmap,
                    List<SoftKeyItem> softKeys, AppEvents events) implements XsiObject {

    public Image {
        softKeys = Common.list(softKeys);
        events = Common.events(events);
        Checks c = new Checks();
        Common.screen(c, title, prompt, softKeys, events);
        Common.location(c, locationX, locationY);
        if (bitmap == null) {
            c.add("Data", null, "is required", Sources.XSD);
        } else {
            bitmap.check(c, "", Short.MAX_VALUE, Short.MAX_VALUE, Integer.MAX_VALUE, Sources.CONTROL_SPEC);
        }
        c.throwIfAny();
    }

    @Override
    public String rootElement() {
        return "CiscoIPPhoneImage";
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String title;
        private String prompt;
        private Integer x;
        private Integer y;
        private Bitmap bitmap;
        private final List<SoftKeyItem> softKeys = new ArrayList<>();
        private AppEvents events = AppEvents.NONE;

        public Builder title(String v) { title = v; return this; }
        public Builder prompt(String v) { prompt = v; return this; }
        public Builder location(int lx, int ly) { x = lx; y = ly; return this; }
        public Builder bitmap(Bitmap v) { bitmap = v; return this; }
        public Builder softKey(SoftKeyItem v) { softKeys.add(v); return this; }
        public Builder events(AppEvents v) { events = v; return this; }
        public Image build() { return new Image(title, prompt, x, y, bitmap, softKeys, events); }
    }
}
