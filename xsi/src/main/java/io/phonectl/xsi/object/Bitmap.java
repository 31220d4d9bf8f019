package io.phonectl.xsi.object;

import io.phonectl.xsi.Sources;

/**
 * An inline Cisco bitmap: Width x Height pixels of Depth bits, packed without row padding and written as
 * hexBinary, so the Data text has exactly 2 x ceil(W x H x D / 8) hex digits.
 */
public record Bitmap(int width, int height, int depth, String data) {

    public int expectedHexLength() {
        long bits = (long) width * height * depth;
        return (int) Math.min(Integer.MAX_VALUE, 2 * ((bits + 7) / 8));
    }

    /** A blank bitmap of the right size (all pixels 0). */
    public static Bitmap blank(int width, int height, int depth) {
        long bits = (long) width * height * depth;
        return new Bitmap(width, height, depth, "0".repeat((int) (2 * ((bits + 7) / 8))));
    }

    void check(Checks c, String path, int maxWidth, int maxHeight, int maxDataBytes, String source) {
        c.range(path + "Width", width, 1, maxWidth, source);
        c.range(path + "Height", height, 1, maxHeight, source);
        c.range(path + "Depth", depth, 1, Limits.MAX_DEPTH, Sources.CONTROL_SPEC);
        if (data == null || !data.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
            c.add(path + "Data", data, "must be hexBinary (digits 0-9, A-F)", Sources.XSD);
            return;
        }
        if (data.length() / 2 > maxDataBytes) {
            c.add(path + "Data", data, "at most " + maxDataBytes + " bytes of hexBinary", Sources.XSD);
        }
        if (width > 0 && height > 0 && depth > 0 && data.length() != expectedHexLength()) {
            c.add(path + "Data", data, "needs " + expectedHexLength() + " hex digits for " + width + "x" + height
                    + "x" + depth + ", got " + data.length(), Sources.CONTROL_SPEC);
        }
    }
}
