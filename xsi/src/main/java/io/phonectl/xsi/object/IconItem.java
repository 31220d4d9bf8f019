package io.phonectl.xsi.object;

import io.phonectl.xsi.Sources;

/** An inline icon of an IconMenu (XSD order Index, Height, Width, Depth, Data); at most 16 x 10 pixels. */
public record IconItem(int index, Bitmap bitmap) {

    void check(Checks c, String path) {
        c.range(path + ".Index", index, 0, Limits.ICONS - 1, Sources.XSD);
        if (bitmap == null) {
            c.add(path, null, "needs Height, Width, Depth and Data", Sources.XSD);
        } else {
            bitmap.check(c, path + ".", Limits.ICON_WIDTH, Limits.ICON_HEIGHT, Integer.MAX_VALUE, Sources.XSD);
        }
    }
}
