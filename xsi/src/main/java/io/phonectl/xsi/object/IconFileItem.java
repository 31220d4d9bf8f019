package io.phonectl.xsi.object;

import io.phonectl.xsi.Sources;

/**
 * An icon of an IconFileMenu: an index and the URL of a PNG (or a {@code Resource:} icon). The image itself is
 * fetched by the phone, so its 18 x 18 limit is checked by {@link #checkImageSize} once the PNG is known.
 */
public record IconFileItem(int index, String url) {

    void check(Checks c, String path) {
        c.range(path + ".Index", index, 0, Limits.ICONS - 1, Sources.XSD);
        c.required(path + ".URL", url, Sources.XSD);
    }

    /** Checks the size of the image an IconFileItem URL points to. */
    public static void checkImageSize(int width, int height) {
        Checks c = new Checks();
        c.range("IconItem.Width", width, 1, Limits.ICON_FILE_WIDTH, Sources.CONTROL_SPEC);
        c.range("IconItem.Height", height, 1, Limits.ICON_FILE_HEIGHT, Sources.CONTROL_SPEC);
        c.throwIfAny();
    }

}
