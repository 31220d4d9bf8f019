package io.phonectl.client.xsi;

import java.util.Locale;

/** A phone screenshot as the phone sent it (PNG, or BMP on 79xx), with the size read from its header. */
public record Screenshot(Format format, int width, int height, byte[] bytes) {

    public enum Format {
        PNG, BMP;

        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Recognises PNG or BMP by its signature (the Content-Type is checked by the caller, but the bytes decide).
     * Returns null when the bytes are no PNG/BMP with a readable header.
     */
    public static Screenshot sniff(byte[] b) {
        if (b.length >= 24 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && b[12] == 'I' && b[13] == 'H' && b[14] == 'D' && b[15] == 'R') {
            int w = be32(b, 16);
            int h = be32(b, 20);
            return w > 0 && h > 0 ? new Screenshot(Format.PNG, w, h, b) : null;
        }
        if (b.length >= 26 && b[0] == 'B' && b[1] == 'M') {
            int w = le32(b, 18);
            int h = Math.abs(le32(b, 22)); // negative height = top-down rows
            return w > 0 && h > 0 ? new Screenshot(Format.BMP, w, h, b) : null;
        }
        return null;
    }

    private static int be32(byte[] b, int o) {
        return (b[o] & 0xFF) << 24 | (b[o + 1] & 0xFF) << 16 | (b[o + 2] & 0xFF) << 8 | (b[o + 3] & 0xFF);
    }

    private static int le32(byte[] b, int o) {
        return (b[o] & 0xFF) | (b[o + 1] & 0xFF) << 8 | (b[o + 2] & 0xFF) << 16 | (b[o + 3] & 0xFF) << 24;
    }

    @Override
    public String toString() {
        return "Screenshot[" + format + " " + width + "x" + height + ", " + bytes.length + " bytes]";
    }
}
