package io.phonectl.media.g711;

/**
 * Tables computed once from the segment algorithm of ITU-T G.711. µ-law quantises 14-bit magnitudes
 * (16-bit input shifted by 2), A-law 13-bit (shifted by 3), so a table indexed by the shifted value is exact.
 */
final class G711Tables {
    private G711Tables() {
    }

    private static final int[] MU_SEGMENT_END = {0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF, 0x1FFF};
    private static final int[] A_SEGMENT_END = {0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF};
    private static final int MU_BIAS = 0x21;
    private static final int MU_CLIP = 8159;

    static final byte[] MU_ENCODE = new byte[16384];
    static final byte[] A_ENCODE = new byte[8192];
    static final short[] MU_DECODE = new short[256];
    static final short[] A_DECODE = new short[256];

    static {
        for (int i = 0; i < MU_ENCODE.length; i++) {
            MU_ENCODE[i] = (byte) muEncode14(i - 8192);
        }
        for (int i = 0; i < A_ENCODE.length; i++) {
            A_ENCODE[i] = (byte) aEncode13(i - 4096);
        }
        for (int code = 0; code < 256; code++) {
            MU_DECODE[code] = muDecode(code);
            A_DECODE[code] = aDecode(code);
        }
    }

    private static int muEncode14(int value) {
        int mask;
        if (value < 0) {
            value = -value;
            mask = 0x7F;
        } else {
            mask = 0xFF;
        }
        value = Math.min(value, MU_CLIP) + MU_BIAS;
        int segment = segmentOf(value, MU_SEGMENT_END);
        if (segment >= 8) {
            return 0x7F ^ mask;
        }
        return ((segment << 4) | ((value >> (segment + 1)) & 0x0F)) ^ mask;
    }

    private static int aEncode13(int value) {
        int mask;
        if (value >= 0) {
            mask = 0xD5;
        } else {
            mask = 0x55;
            value = -value - 1;
        }
        int segment = segmentOf(value, A_SEGMENT_END);
        if (segment >= 8) {
            return 0x7F ^ mask;
        }
        int mantissa = segment < 2 ? (value >> 1) & 0x0F : (value >> segment) & 0x0F;
        return ((segment << 4) | mantissa) ^ mask;
    }

    private static int segmentOf(int value, int[] ends) {
        for (int s = 0; s < ends.length; s++) {
            if (value <= ends[s]) {
                return s;
            }
        }
        return ends.length;
    }

    private static short muDecode(int code) {
        int u = ~code & 0xFF;
        int t = (((u & 0x0F) << 3) + 0x84) << ((u & 0x70) >> 4);
        return (short) ((u & 0x80) != 0 ? 0x84 - t : t - 0x84);
    }

    private static short aDecode(int code) {
        int a = code ^ 0x55;
        int t = (a & 0x0F) << 4;
        int segment = (a & 0x70) >> 4;
        if (segment == 0) {
            t += 8;
        } else {
            t = (t + 0x108) << (segment - 1);
        }
        return (short) ((a & 0x80) != 0 ? t : -t);
    }
}
