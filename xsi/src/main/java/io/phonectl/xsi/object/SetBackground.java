package io.phonectl.xsi.object;

import io.phonectl.xsi.Sources;

/**
 * 8800-family {@code <setBackground><background><image>…</image><icon>…</icon></background></setBackground>}:
 * the URLs of the full-size PNG and of its thumbnail. Model support is the model catalog's business.
 */
public record SetBackground(String image, String icon) implements XsiObject {

    public SetBackground {
        Checks c = new Checks();
        c.required("background.image", image, Sources.NOTES_BACKGROUND);
        c.required("background.icon", icon, Sources.NOTES_BACKGROUND);
        c.throwIfAny();
    }

    @Override
    public String rootElement() {
        return "setBackground";
    }
}
