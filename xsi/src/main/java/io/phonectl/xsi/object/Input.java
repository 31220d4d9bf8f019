package io.phonectl.xsi.object;

import io.phonectl.xsi.Sources;

import java.util.ArrayList;
import java.util.List;

/**
 * CiscoIPPhoneInput: up to 5 items submitted to {@code url}. {@code urlMethod} is the optional
 * {@code <URL method="…">} attribute ("get" or "post"); post works only on 7800, 8800, 7832, 8832 — that
 * model check belongs to the model catalog.
 */
public record Input(String title, String prompt, String url, String urlMethod, List<InputItem> items,
                    List<SoftKeyItem> softKeys, AppEvents events) implements XsiObject {

    public Input {
        items = Common.list(items);
        softKeys = Common.list(softKeys);
        events = Common.events(events);
        Checks c = new Checks();
        Common.screen(c, title, prompt, softKeys, events);
        c.required("URL", url, Sources.XSD);
        if (urlMethod != null && !urlMethod.equals("get") && !urlMethod.equals("post")) {
            c.add("URL.method", urlMethod, "must be get or post", Sources.CONTROL_SPEC);
        }
        c.maxCount("InputItem", items, Limits.INPUT_ITEMS, Sources.CONTROL_SPEC);
        for (int i = 0; i < items.size(); i++) {
            items.get(i).check(c, "InputItem[" + i + "]");
        }
        c.throwIfAny();
    }

    @Override
    public String rootElement() {
        return "CiscoIPPhoneInput";
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String title;
        private String prompt;
        private String url;
        private String urlMethod;
        private final List<InputItem> items = new ArrayList<>();
        private final List<SoftKeyItem> softKeys = new ArrayList<>();
        private AppEvents events = AppEvents.NONE;

        public Builder title(String v) { title = v; return this; }
        public Builder prompt(String v) { prompt = v; return this; }
        public Builder url(String v) { url = v; return this; }
        public Builder urlMethod(String v) { urlMethod = v; return this; }
        public Builder item(InputItem v) { items.add(v); return this; }
        public Builder softKey(SoftKeyItem v) { softKeys.add(v); return this; }
        public Builder events(AppEvents v) { events = v; return this; }
        public Input build() { return new Input(title, prompt, url, urlMethod, items, softKeys, events); }
    }
}
