package io.phonectl.sim.phone;

import io.phonectl.xsi.object.AppEvents;

import java.util.List;
import java.util.Objects;

/**
 * What one entry of the screen stack shows. {@code items} is non-empty for menus; {@code selected} is the
 * highlighted item (0-based). Softkeys are label + URL (URL may be an internal URI or empty).
 */
public record Screen(Kind kind, String title, String text, List<Item> items, int selected, List<SoftKey> softKeys,
                     String prompt, String source, AppEvents events) {

    public enum Kind { IDLE, TEXT, MENU, INPUT, IMAGE, DIRECTORY, APPLICATION, CALL }

    public record Item(String name, String url) {
        public Item {
            name = Objects.requireNonNullElse(name, "");
            url = Objects.requireNonNullElse(url, "");
        }
    }

    public record SoftKey(String name, String url, int position) {
        public SoftKey {
            name = Objects.requireNonNullElse(name, "");
            url = Objects.requireNonNullElse(url, "");
        }
    }

    /** A screen that belongs to no application (no event handlers). */
    public Screen(Kind kind, String title, String text, List<Item> items, int selected, List<SoftKey> softKeys,
                  String prompt, String source) {
        this(kind, title, text, items, selected, softKeys, prompt, source, null);
    }

    public Screen {
        Objects.requireNonNull(kind, "kind");
        title = Objects.requireNonNullElse(title, "");
        text = Objects.requireNonNullElse(text, "");
        items = items == null ? List.of() : List.copyOf(items);
        softKeys = softKeys == null ? List.of() : List.copyOf(softKeys);
        prompt = Objects.requireNonNullElse(prompt, "");
        source = Objects.requireNonNullElse(source, "");
        if (!items.isEmpty() && (selected < 0 || selected >= items.size())) {
            selected = 0;
        }
    }

    /** The idle screen: line and date, with the default softkeys of a registered phone. */
    public static Screen idle(String line) {
        return new Screen(Kind.IDLE, line, "", List.of(), 0,
                List.of(new SoftKey("Redial", "", 1), new SoftKey("New Call", "Key:Speaker", 2),
                        new SoftKey("Fwd All", "", 3)), "", "idle");
    }

    /** The placeholder of the call screens on the stack; {@link CallScreens} draws it from the call state. */
    public static Screen call() {
        return new Screen(Kind.CALL, "", "", List.of(), 0, List.of(), "", "call");
    }

    /** A built-in application (Services, Directories, Messages, Settings) with Exit. */
    public static Screen application(String name, List<Item> items) {
        return new Screen(Kind.APPLICATION, name, "", items, 0,
                List.of(new SoftKey("Select", "SoftKey:Select", 1), new SoftKey("Exit", "SoftKey:Exit", 2)), "", name);
    }

    /** The application this screen belongs to (Application Management API appId), or null. */
    public String appId() {
        return events == null ? null : events.appId();
    }

    public Screen withEvents(AppEvents e) {
        return new Screen(kind, title, text, items, selected, softKeys, prompt, source, e);
    }

    public Screen withSelected(int index) {
        return new Screen(kind, title, text, items, index, softKeys, prompt, source, events);
    }

    public Screen withText(String t) {
        return new Screen(kind, title, t, items, selected, softKeys, prompt, source, events);
    }

    public Screen withPrompt(String p) {
        return new Screen(kind, title, text, items, selected, softKeys, p, source, events);
    }

    /** The screen as plain text, line by line, as tests and the inspection API read it. */
    public String renderedText() {
        StringBuilder b = new StringBuilder();
        if (!title.isEmpty()) {
            b.append(title).append('\n');
        }
        if (!text.isEmpty()) {
            b.append(text).append('\n');
        }
        for (int i = 0; i < items.size(); i++) {
            b.append(i == selected ? "> " : "  ").append(i + 1).append(' ').append(items.get(i).name()).append('\n');
        }
        if (!prompt.isEmpty()) {
            b.append(prompt).append('\n');
        }
        if (!softKeys.isEmpty()) {
            b.append(String.join(" | ", softKeys.stream().map(SoftKey::name).toList())).append('\n');
        }
        return b.toString();
    }
}
