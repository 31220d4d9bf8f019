package io.phonectl.sim.image;

import io.phonectl.xsi.object.Bitmap;

import java.util.HexFormat;

/**
 * The CIP pixel data of CiscoIPPhoneImage, GraphicMenu, IconMenu and Status: Depth 1 or 2 bits per pixel, packed
 * without row padding, the first pixel of each byte in its lowest bits (Application Development Notes, "Packed Pixel
 * Data": pixels 1, 3, 2, 0 pack to 0x2D); 0 is white, 1 light grey, 2 dark grey, 3 black (usecallmanager.nz
 * {@code cipimage}: "0 is White, 1 is Light Gray, 2 is Dark Gray, 3 is Black"); at depth 1, 0 is white and 1 black.
 * The codec has already checked that Data holds exactly Width x Height x Depth bits.
 */
public final class CipImage {

    /** Grey level of each 2-bit value, white to black. */
    static final int[] GREYS_2 = {0xFF, 0xAA, 0x55, 0x00};
    static final int[] GREYS_1 = {0xFF, 0x00};

    private CipImage() {
    }

    public static Picture decode(Bitmap b) {
        byte[] data = HexFormat.of().parseHex(b.data());
        int depth = b.depth();
        int perByte = 8 / depth;
        int mask = (1 << depth) - 1;
        int[] greys = depth == 1 ? GREYS_1 : GREYS_2;
        int n = b.width() * b.height();
        int[] argb = new int[n];
        for (int i = 0; i < n; i++) {
            int value = (data[i / perByte] >> ((i % perByte) * depth)) & mask;
            int grey = greys[value];
            argb[i] = 0xFF00_0000 | grey << 16 | grey << 8 | grey;
        }
        return Picture.of(b.width(), b.height(), argb);
    }
}
