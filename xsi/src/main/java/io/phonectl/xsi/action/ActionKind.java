package io.phonectl.xsi.action;

/** The spec's {@code kind}: an action changes the phone, a query only reads from it. */
public enum ActionKind {
    ACTION, QUERY;

    public String spelling() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static ActionKind parse(String text) {
        return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
