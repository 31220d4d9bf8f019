package io.phonectl.xsi.object;

import io.phonectl.xsi.Sources;

/** 8800-family {@code <setRingTone><ringTone>URL</ringTone></setRingTone>}. */
public record SetRingTone(String ringTone) implements XsiObject {

    public SetRingTone {
        Checks c = new Checks();
        c.required("ringTone", ringTone, Sources.NOTES_BACKGROUND);
        c.throwIfAny();
    }

    @Override
    public String rootElement() {
        return "setRingTone";
    }
}
