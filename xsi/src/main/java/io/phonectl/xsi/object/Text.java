package io.phonectl.xsi.object;

import io.phonectl.xsi.Sources;

import java.util.ArrayList;
import java.util.List;

/** CiscoIPPhoneText: up to 4000 characters; of the control characters only CR, LF and TAB are allowed. */
public record Text(String title, String prompt, String text, List<SoftKeyItem> softKeys, AppEvents events)
        implements XsiObject {

    public Text {
        softKeys = Common.list(softKeys);
        events = Common.events(events);
        Checks c = new Checks();
        Common.screen(c, title, prompt, softKeys, events);
        c.maxLength("Text", text, Limits.TEXT, Sources.CONTROL_SPEC);
        if (text != null) {
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (Character.isISOControl(ch) && ch != '\r' && ch != '\n' && ch != '\t') {
                    c.add("Text", text, "control character U+" + String.format("%04X", (int) ch) + " at index " + i
                            + "; only CR, LF and TAB are allowed", Sources.NOTES_OBJECTS);
                    break;
                }
            }
        }
        c.throwIfAny();
    }

    @Override
    public String rootElement() {
        return "CiscoIPPhoneText";
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String title;
        private String prompt;
        private String text;
        private final List<SoftKeyItem> softKeys = new ArrayList<>();
        private AppEvents events = AppEvents.NONE;

        public Builder title(String v) { title = v; return this; }
        public Builder prompt(String v) { prompt = v; return this; }
        public Builder text(String v) { text = v; return this; }
        public Builder softKey(SoftKeyItem v) { softKeys.add(v); return this; }
        public Builder events(AppEvents v) { events = v; return this; }
        public Text build() { return new Text(title, prompt, text, softKeys, events); }
    }
}
