package io.phonectl.xsi.object;

import io.phonectl.xsi.Sources;

import java.util.ArrayList;
import java.util.List;

/** CiscoIPPhoneImageFile: a PNG fetched from {@code url} (served as image/png). */
public record ImageFile(String title, String prompt, Integer locationX, Integer locationY, String url,
                        List<SoftKeyItem> softKeys, AppEvents events) implements XsiObject {

    public ImageFile {
        softKeys = Common.list(softKeys);
        events = Common.events(events);
        Checks c = new Checks();
        Common.screen(c, title, prompt, softKeys, events);
        Common.location(c, locationX, locationY);
        c.required("URL", url, Sources.XSD);
        c.throwIfAny();
    }

    @Override
    public String rootElement() {
        return "CiscoIPPhoneImageFile";
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String title;
        private String prompt;
        private Integer x;
        private Integer y;
        private String url;
        private final List<SoftKeyItem> softKeys = new ArrayList<>();
        private AppEvents events = AppEvents.NONE;

        public Builder title(String v) { title = v; return this; }
        public Builder prompt(String v) { prompt = v; return this; }
        public Builder location(int lx, int ly) { x = lx; y = ly; return this; }
        public Builder url(String v) { url = v; return this; }
        public Builder softKey(SoftKeyItem v) { softKeys.add(v); return this; }
        public Builder events(AppEvents v) { events = v; return this; }
        public ImageFile build() { return new ImageFile(title, prompt, x, y, url, softKeys, events); }
    }
}
